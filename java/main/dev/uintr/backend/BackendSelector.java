package dev.uintr.backend;

import dev.uintr.AbiProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --backend auto} picks, and why: native only when every fact the native path
 * needs holds (the shim is loaded, CPUID reports UINTR, the kernel speaks a uintr ABI, KPTI
 * is off); otherwise emulated, with the missing facts as the reason. Pure.
 */
public final class BackendSelector {
    private BackendSelector() {}

    /** The choice and its reason. */
    public record Choice(BackendKind kind, String reason) {}

    public static Choice choose(boolean shimLoaded, String shimWhy, Tri cpuidUintr, AbiProfile abi, Tri kpti) {
        List<String> missing = new ArrayList<>();
        if (!shimLoaded) {
            missing.add("the shim is not loaded (" + shimWhy + ")");
        }
        if (cpuidUintr != Tri.YES) {
            missing.add(cpuidUintr == Tri.NO
                    ? "CPUID.(7,0):EDX[5] = 0: this CPU has no user interrupts"
                    : "CPUID.(7,0):EDX[5] could not be read");
        }
        if (abi == AbiProfile.NONE) {
            missing.add("the kernel has no uintr syscalls");
        }
        if (kpti == Tri.YES) {
            missing.add("KPTI is on (uintr kernels refuse it)");
        }
        if (missing.isEmpty()) {
            return new Choice(BackendKind.NATIVE, "UINTR CPU, " + abi.id() + " kernel, KPTI off, shim loaded");
        }
        return new Choice(BackendKind.EMULATED, String.join("; ", missing));
    }
}
