package dev.uintr.bench;

import dev.uintr.AbiProfile;
import dev.uintr.backend.HostFacts;
import dev.uintr.backend.Tri;
import java.util.Optional;

/**
 * Decides whether the uipi mechanisms may run on this host, from the probe's facts alone:
 * never by trying a uintr syscall number on a kernel that was not confirmed to have it
 * (design.md item 8). The reason names the missing fact.
 */
public final class UipiGate {
    private UipiGate() {}

    /** Empty when {@code m} may run here; otherwise why it is skipped. */
    public static Optional<String> skipReason(Mechanism m, HostFacts f) {
        if (!m.needsUintr()) {
            return Optional.empty();
        }
        if (f.cpuidUintr() != Tri.YES) {
            return Optional.of(f.cpuidUintr() == Tri.NO
                    ? "no UINTR on this CPU (CPUID.(7,0):EDX[5] = 0; " + f.cpuName() + ")"
                    : "UINTR support unknown (CPUID not readable: " + f.shimDetail() + ")");
        }
        if (f.kernelAbi() == null || f.kernelAbi() == AbiProfile.NONE) {
            return Optional.of("kernel " + f.kernelRelease() + " has no uintr syscalls (" + f.kernelAbiHow() + ")");
        }
        if (f.kpti() == Tri.YES) {
            return Optional.of("KPTI is on (" + f.kptiHow() + "); user interrupts need it off");
        }
        return Optional.empty();
    }
}
