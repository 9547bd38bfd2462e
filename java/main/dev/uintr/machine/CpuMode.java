package dev.uintr.machine;

/**
 * The operating mode of a logical processor, as far as UINTR cares (uintr-isa §1, §8, §9).
 * The five instructions and delivery need 64-bit mode; notification identification needs only
 * IA32_EFER.LMA = 1, so it also happens in compatibility mode (design decision 4).
 */
public enum CpuMode {
    /** IA32_EFER.LMA = 1 and CS.L = 1. */
    LONG64("64"),
    /** IA32_EFER.LMA = 1, CS.L = 0. */
    COMPAT("compat"),
    /** IA32_EFER.LMA = 0 (protected mode): no notification identification at all. */
    LEGACY("legacy");

    /** The spelling in ISA vector files and STATE strings. */
    public final String label;

    CpuMode(String label) {
        this.label = label;
    }

    /** IA32_EFER.LMA. */
    public boolean longModeActive() {
        return this != LEGACY;
    }

    /** The mode spelled {@code label}, or null. */
    public static CpuMode ofLabel(String label) {
        for (CpuMode m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        return null;
    }
}
