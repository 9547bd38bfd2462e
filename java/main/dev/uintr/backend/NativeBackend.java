package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.program.CaseSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a case with the real instructions and uintr syscalls: the program is encoded into a
 * compact byte form ({@link NativeBackendCodec}) and handed to the shim's program runner,
 * which forks a child, runs the threads there and records the observations in shared
 * memory; the child is killed on timeout, so a missed wakeup is TIMEOUT, never a hang.
 * A case runs only where the probe found everything it needs; otherwise it is SKIP with the
 * missing fact (this backend never calls a uintr syscall number the probe did not confirm).
 */
public final class NativeBackend implements Backend {
    private final HostFacts host;

    public NativeBackend(HostFacts host) {
        this.host = host;
    }

    /** The native backend with this host's probed facts. */
    public static NativeBackend forThisHost() {
        return new NativeBackend(HostProbe.probe());
    }

    @Override
    public BackendKind kind() {
        return BackendKind.NATIVE;
    }

    /** This backend with run-level design {@code d}: cases under a design a real kernel does not have are SKIP. */
    public NativeBackend withDesign(dev.uintr.kernel.BlockingDesign d) {
        NativeBackend n = new NativeBackend(host);
        n.design = d;
        return n;
    }

    private dev.uintr.kernel.BlockingDesign design;

    @Override
    public Optional<String> skipReason(CaseSpec c, AbiProfile p) {
        List<String> missing = new ArrayList<>();
        if (!c.profiles().contains(p)) {
            return Optional.of("case applies to " + c.profiles() + ", not " + p);
        }
        dev.uintr.kernel.BlockingDesign d = CaseDesign.of(c, p, design);
        if (CaseDesign.modelOnly(d, p)) {
            return Optional.of("blocking design " + d + " exists only in the kernel model; a real " + p
                    + " kernel runs its own (kernel-vector)");
        }
        if (host.cpuidUintr() != Tri.YES) {
            missing.add("needs a UINTR CPU: CPUID.(7,0):EDX[5] is " + host.cpuidUintr() + " here (" + host.cpuName() + ")");
        }
        if (host.kernelAbi() != p) {
            missing.add("needs a kernel speaking the " + p + " uintr ABI; this kernel (" + host.kernelRelease()
                    + ") speaks " + host.kernelAbi() + " (" + host.kernelAbiHow() + ")");
        }
        if (host.kpti() == Tri.YES) {
            missing.add("KPTI is on (" + host.kptiHow() + "); the uintr kernel disables UINTR under PTI");
        }
        if (!host.shimLoaded()) {
            missing.add("libuintrshim.so not loaded: " + host.shimDetail());
        } else if (NativeBackendRunner.unavailable() != null) {
            missing.add(NativeBackendRunner.unavailable());
        } else if (NativeBackendRunner.execUnavailable(c) != null) {
            missing.add(NativeBackendRunner.execUnavailable(c));
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", missing));
    }

    @Override
    public BackendSamples run(CaseSpec c, AbiProfile p, int samples) {
        Optional<String> skip = skipReason(c, p);
        if (skip.isPresent()) {
            return BackendSamples.error("cannot run natively: " + skip.get());
        }
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < samples; i++) {
            NativeBackendRunner.Result r = NativeBackendRunner.run(c, p, true, NativeBackendRunner.DEFAULT_TIMEOUT_MS);
            if (r.error() != null) {
                return BackendSamples.error(r.error());
            }
            counts.merge(r.observation().render(), 1L, Long::sum);
        }
        return new BackendSamples(counts, null);
    }
}
