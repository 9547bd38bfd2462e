package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.program.CaseSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a case on the kernel model ({@link dev.uintr.kernel.Kernel}): each thread on its own
 * emulated CPU, a seeded random choice among the threads that can take a step and the
 * platform events pending (interrupts landing, reschedules) picks the interleaving; time
 * only advances when nothing else can happen. Sample {@code n} uses seed {@code n}, so the
 * same seed replays the same run. The model has hardware, CONFIG_X86_USER_INTERRUPTS and
 * the blocking support built, so it runs every case of either profile.
 */
public final class EmulatedBackend implements Backend {
    private final dev.uintr.kernel.BlockingDesign design;

    /** Each profile's own blocking design (a case's design line still applies). */
    public EmulatedBackend() {
        this(null);
    }

    /** With run-level design {@code design} for rfc-v1 runs (see {@link CaseDesign}). */
    public EmulatedBackend(dev.uintr.kernel.BlockingDesign design) {
        this.design = design;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.EMULATED;
    }

    @Override
    public Optional<String> skipReason(CaseSpec c, AbiProfile p) {
        if (!c.profiles().contains(p)) {
            return Optional.of("case applies to " + c.profiles() + ", not " + p);
        }
        return Optional.empty();
    }

    @Override
    public BackendSamples run(CaseSpec c, AbiProfile p, int samples) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int seed = 0; seed < samples; seed++) {
            String obs;
            try {
                obs = runOnce(c, p, seed).render();
            } catch (RuntimeException e) {
                return BackendSamples.error("seed " + seed + ": " + e);
            }
            counts.merge(obs, 1L, Long::sum);
        }
        return new BackendSamples(counts, null);
    }

    /** One run under seed {@code seed}. */
    public dev.uintr.program.Observation runOnce(CaseSpec c, AbiProfile p, long seed) {
        return new EmulatedBackendRun(c, p, seed, CaseDesign.of(c, p, design)).run();
    }
}
