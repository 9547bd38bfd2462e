package dev.uintr.machine;

/**
 * What kind of processor the machine emulates: fixed for a machine's lifetime, not part of the
 * state that changes. The default is Sapphire Rapids-like (design decision 1 and 6): no Flexible
 * UIRET, a 57-bit maximum linear-address width.
 *
 * @param flexibleUiret CPUID.(7,1):EDX[17] (UIRET_UIF): UIRET loads UIF from bit 1 of the popped
 *                      RFLAGS image instead of setting it (uintr-isa §1, §7.4)
 * @param maxLinearWidth the processor's maximum linear-address width; WRMSR and XRSTORS check
 *                      canonicality against it (uintr-isa §3)
 */
public record CpuModel(boolean flexibleUiret, int maxLinearWidth) {
    /** Sapphire Rapids-like: no Flexible UIRET, 57-bit linear addresses. */
    public static final CpuModel SAPPHIRE_RAPIDS = new CpuModel(false, 57);
    /** Sierra Forest-like: Flexible UIRET enumerated. */
    public static final CpuModel FLEXIBLE_UIRET = new CpuModel(true, 57);

    public CpuModel {
        if (maxLinearWidth != 48 && maxLinearWidth != 57) {
            throw new IllegalArgumentException("maxLinearWidth must be 48 or 57: " + maxLinearWidth);
        }
    }
}
