package dev.uintr.isa;

/**
 * The six UINTR MSRs (uintr-isa §3): index, the name ISA vector files use, the bits WRMSR
 * rejects, and whether WRMSR requires a canonical value (against the processor's maximum
 * linear-address width).
 *
 * <pre>
 *  MSR                      index  layout                                    WRMSR #GP(0) if
 *  IA32_UINTR_RR            985H   63:0 UIRR                                 never
 *  IA32_UINTR_HANDLER       986H   63:0 UIHANDLER                            not canonical
 *  IA32_UINTR_STACKADJUST   987H   63:0 value, bit 0 = load(1)/subtract(0)   not canonical
 *  IA32_UINTR_MISC          988H   31:0 UITTSZ, 39:32 UINV, 63:40 reserved   63:40 != 0
 *  IA32_UINTR_PD            989H   5:0 reserved, 63:6 UPIDADDR               5:0 != 0 or not canonical
 *  IA32_UINTR_TT            98AH   0 valid, 3:1 reserved, 63:4 UITTADDR      3:1 != 0 or not canonical
 * </pre>
 */
public enum UintrMsr {
    RR(0x985, "rr", 0L, false),
    HANDLER(0x986, "handler", 0L, true),
    STACKADJUST(0x987, "stackadjust", 0L, true),
    MISC(0x988, "misc", UintrMsr.MISC_RESERVED_63_40, false),
    PD(0x989, "pd", UintrMsr.PD_RESERVED_5_0, true),
    TT(0x98A, "tt", UintrMsr.TT_RESERVED_3_1, true);

    /** IA32_UINTR_MISC bits 63:40 (bit 63 stays reserved: XSAVE puts UIF there). */
    public static final long MISC_RESERVED_63_40 = 0xFFFF_FF00_0000_0000L;
    public static final long MISC_UITTSZ_MASK = 0xFFFF_FFFFL;
    public static final long MISC_UINV_MASK = 0xFFL << 32;
    /** IA32_UINTR_PD bits 5:0. */
    public static final long PD_RESERVED_5_0 = 0x3FL;
    /** IA32_UINTR_TT bit 0: SENDUIPI enable. */
    public static final long TT_VALID = 1L;
    /** IA32_UINTR_TT bits 3:1. */
    public static final long TT_RESERVED_3_1 = 0xEL;
    /** The UITT base is IA32_UINTR_TT with bits 3:0 masked off. */
    public static final long TT_BASE_MASK = ~0xFL;
    /** IA32_UINTR_STACKADJUST bit 0: 1 = load RSP with the value, 0 = subtract it. */
    public static final long STACKADJUST_LOAD = 1L;

    public final int index;
    /** The state key in ISA vector files. */
    public final String key;
    /** Bits whose being set makes WRMSR #GP(0). */
    public final long reservedMask;
    /** Whether WRMSR #GP(0)s on a value that is not canonical. */
    public final boolean mustBeCanonical;

    UintrMsr(int index, String key, long reservedMask, boolean mustBeCanonical) {
        this.index = index;
        this.key = key;
        this.reservedMask = reservedMask;
        this.mustBeCanonical = mustBeCanonical;
    }

    /** The MSR with this index, or null. */
    public static UintrMsr byIndex(long index) {
        for (UintrMsr m : values()) {
            if (m.index == index) {
                return m;
            }
        }
        return null;
    }

    /** Whether WRMSR accepts {@code value} for this MSR on a processor with {@code maxWidth}-bit linear addresses. */
    public boolean accepts(long value, int maxWidth) {
        return (value & reservedMask) == 0 && (!mustBeCanonical || Canonical.is(value, maxWidth));
    }

    /** IA32_UINTR_MISC from its fields. */
    public static long misc(long uittSize, int uinv) {
        return (uittSize & MISC_UITTSZ_MASK) | ((long) (uinv & 0xFF) << 32);
    }

    /** IA32_UINTR_TT from a 16-byte-aligned table address and the enable bit. */
    public static long tt(long uittAddress, boolean enabled) {
        return (uittAddress & TT_BASE_MASK) | (enabled ? TT_VALID : 0);
    }
}
