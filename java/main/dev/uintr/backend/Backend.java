package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.program.CaseSpec;
import java.util.Optional;

/**
 * Runs a conformance case's programs and returns what was observed. Two implementations:
 * {@link EmulatedBackend} (the kernel model, any host) and {@link NativeBackend} (the real
 * instructions and syscalls, in a forked child).
 */
public interface Backend {
    BackendKind kind();

    /**
     * Why this backend cannot run {@code c} under profile {@code p} on this host (the missing
     * fact, e.g. "needs a UINTR CPU: CPUID.(7,0):EDX[5]=0"), or empty when it can.
     */
    Optional<String> skipReason(CaseSpec c, AbiProfile p);

    /** Runs the case {@code samples} times (emulated: seeds 0..samples-1) and counts the observations. */
    BackendSamples run(CaseSpec c, AbiProfile p, int samples);
}
