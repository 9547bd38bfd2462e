package dev.uintr.isa;

/** Canonical linear addresses: bits 63:width-1 all equal (uintr-isa §3, design decision 6). */
public final class Canonical {
    private Canonical() {}

    /** Whether {@code addr} is canonical for a {@code width}-bit linear address space (48 or 57). */
    public static boolean is(long addr, int width) {
        int sh = 64 - width;
        return (addr << sh) >> sh == addr;
    }
}
