package dev.uintr.isa;

/**
 * XSAVE state component 14, the 48-byte UINTR state image (uintr-isa §4).
 *
 * <pre>
 *  bytes   field
 *  7:0     IA32_UINTR_HANDLER
 *  15:8    IA32_UINTR_STACKADJUST
 *  23:16   IA32_UINTR_MISC image: 31:0 UITTSZ, 39:32 UINV, 62:40 reserved (0), bit 63 = UIF
 *  31:24   IA32_UINTR_PD
 *  39:32   IA32_UINTR_RR (UIRR)
 *  47:40   IA32_UINTR_TT
 * </pre>
 */
public record UintrXsaveImage(long handler, long stackAdjust, long miscImage, long pd, long rr, long tt) {
    public static final int BYTES = 48;
    public static final int OFF_HANDLER = 0;
    public static final int OFF_STACKADJUST = 8;
    public static final int OFF_MISC = 16;
    public static final int OFF_PD = 24;
    public static final int OFF_RR = 32;
    public static final int OFF_TT = 40;
    /** Bit 63 of the MISC image: UIF. */
    public static final long MISC_UIF = 1L << 63;
    /** Bits 62:40 of the MISC image: XRSTORS #GP(0) if any is set. */
    public static final long MISC_RESERVED_62_40 = 0x7FFF_FF00_0000_0000L;

    public boolean uif() {
        return (miscImage & MISC_UIF) != 0;
    }

    /** IA32_UINTR_MISC as XRSTORS loads it: the image without bit 63. */
    public long misc() {
        return miscImage & ~MISC_UIF;
    }

    /** Whether XRSTORS accepts the image on a processor with {@code maxWidth}-bit linear addresses (uintr-isa §4 step 2). */
    public boolean restorable(int maxWidth) {
        return Canonical.is(handler, maxWidth) && Canonical.is(stackAdjust, maxWidth)
                && (miscImage & MISC_RESERVED_62_40) == 0
                && (pd & UintrMsr.PD_RESERVED_5_0) == 0 && Canonical.is(pd, maxWidth)
                && (tt & UintrMsr.TT_RESERVED_3_1) == 0 && Canonical.is(tt, maxWidth);
    }

    public static UintrXsaveImage decode(byte[] b, int off) {
        return new UintrXsaveImage(Le.get64(b, off + OFF_HANDLER), Le.get64(b, off + OFF_STACKADJUST),
                Le.get64(b, off + OFF_MISC), Le.get64(b, off + OFF_PD), Le.get64(b, off + OFF_RR),
                Le.get64(b, off + OFF_TT));
    }

    public byte[] encode() {
        byte[] b = new byte[BYTES];
        Le.put64(b, OFF_HANDLER, handler);
        Le.put64(b, OFF_STACKADJUST, stackAdjust);
        Le.put64(b, OFF_MISC, miscImage);
        Le.put64(b, OFF_PD, pd);
        Le.put64(b, OFF_RR, rr);
        Le.put64(b, OFF_TT, tt);
        return b;
    }
}
