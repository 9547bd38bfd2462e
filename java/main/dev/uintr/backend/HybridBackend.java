package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.hybrid.HybridAvailability;
import dev.uintr.hybrid.HybridSession;
import dev.uintr.hybrid.HybridTrace;
import dev.uintr.kernel.BlockingDesign;
import dev.uintr.program.CaseSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a case through the real C program runner and handler (the same code as {@link
 * NativeBackend}) under the hybrid supervisor: threads, processes, memory and scheduling are
 * this host's, the UINTR instructions and uintr syscalls are trapped and answered by the kernel
 * and ISA models. Observations therefore come from the native runner's own records. Where the
 * supervisor cannot run (see {@link HybridAvailability}) every case is SKIP with the reason.
 */
public final class HybridBackend implements Backend {
    private final BlockingDesign design;

    /** With each profile's own blocking design. */
    public HybridBackend() {
        this(null);
    }

    public HybridBackend(BlockingDesign design) {
        this.design = design;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.HYBRID;
    }

    @Override
    public Optional<String> skipReason(CaseSpec c, AbiProfile p) {
        if (!c.profiles().contains(p)) {
            return Optional.of("case applies to " + c.profiles() + ", not " + p);
        }
        dev.uintr.kernel.BlockingDesign d = CaseDesign.of(c, p, design);
        if (d != null && d.wrapper()) {
            return Optional.of("design " + d + " needs a send wrapper around SENDUIPI, which the native runner does not have "
                    + "(the emulated backend runs it)");
        }
        String why = HybridAvailability.reason();
        if (why != null) {
            return Optional.of("hybrid backend unavailable: " + why);
        }
        String runner = NativeBackendRunner.unavailable();
        if (runner == null) {
            runner = NativeBackendRunner.execUnavailable(c);
        }
        return runner == null ? Optional.empty() : Optional.of(runner);
    }

    @Override
    public BackendSamples run(CaseSpec c, AbiProfile p, int samples) {
        Optional<String> skip = skipReason(c, p);
        if (skip.isPresent()) {
            return BackendSamples.error("cannot run under hybrid: " + skip.get());
        }
        byte[] prog;
        try {
            prog = NativeBackendCodec.encode(c, p, true);
        } catch (IllegalArgumentException e) {
            return BackendSamples.error(e.getMessage());
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        HybridSession session = new HybridSession(p, HybridSession.config(p, CaseDesign.of(c, p, design)), traceFor(c, p));
        for (int i = 0; i < samples; i++) {
            byte[] out = new byte[NativeBackendCodec.OUT_SIZE];
            HybridSession.Outcome o = session.programRun(prog, out, NativeBackendRunner.DEFAULT_TIMEOUT_MS);
            if (o.error() != null) {
                return BackendSamples.error(o.error());
            }
            counts.merge(NativeBackendCodec.decode(c, out).observation().render(), 1L, Long::sum);
        }
        return new BackendSamples(counts, null);
    }

    /**
     * UINTR_HYBRID_TRACE=FOLDER: each case's supervisor trace goes to FOLDER/CASE.PROFILE.trace
     * (appended, one run after the other), for reading what a case did under hybrid.
     */
    private static HybridTrace traceFor(CaseSpec c, AbiProfile p) {
        String dir = System.getenv("UINTR_HYBRID_TRACE");
        if (dir == null || dir.isEmpty()) {
            return HybridTrace.none();
        }
        try {
            java.nio.file.Path f = java.nio.file.Path.of(dir, c.name() + "." + p.id() + ".trace");
            java.nio.file.Files.createDirectories(f.getParent());
            return new HybridTrace(java.nio.file.Files.newBufferedWriter(f, java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND));
        } catch (java.io.IOException e) {
            throw new dev.uintr.BadInputException("UINTR_HYBRID_TRACE: cannot write into " + dir + ": " + e.getMessage());
        }
    }
}
