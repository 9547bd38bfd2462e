package dev.uintr.isa;

/**
 * The user posted-interrupt descriptor: 16 bytes, 64-byte aligned, two little-endian quadwords
 * (uintr-isa §5.1).
 *
 * <pre>
 *  bits     field       SENDUIPI                      notification processing
 *  0        ON          read, set when notifying      cleared (locked AND)
 *  1        SN          read                          -
 *  15:2     reserved    must be 0, else #GP(0)        ignored
 *  23:16    NV          the IPI vector                -
 *  31:24    reserved    must be 0, else #GP(0)        ignored
 *  63:32    NDST        x2APIC: the APIC id; xAPIC: NDST[15:8] (bits 47:40), other bits unchecked
 *  127:64   PIR         bit UV set                    read and zeroed (locked XCHG)
 * </pre>
 *
 * @param lo bytes 7:0 (status, NV, NDST)
 * @param hi bytes 15:8 (PIR)
 */
public record Upid(long lo, long hi) {
    public static final long ON = 1L;
    public static final long SN = 1L << 1;
    public static final long RESERVED_15_2 = 0xFFFCL;
    public static final long NV_MASK = 0xFFL << 16;
    public static final long RESERVED_31_24 = 0xFFL << 24;
    public static final long NDST_MASK = 0xFFFF_FFFFL << 32;
    /** Every reserved bit of the low quadword: SENDUIPI #GP(0) if any is set. */
    public static final long RESERVED = RESERVED_15_2 | RESERVED_31_24;
    public static final int BYTES = 16;

    public boolean on() {
        return (lo & ON) != 0;
    }

    public boolean sn() {
        return (lo & SN) != 0;
    }

    /** Bits 15:2 shifted down (14 bits). */
    public int reserved15to2() {
        return (int) ((lo & RESERVED_15_2) >>> 2);
    }

    public int nv() {
        return (int) (lo >>> 16) & 0xFF;
    }

    /** Bits 31:24 shifted down (8 bits). */
    public int reserved31to24() {
        return (int) (lo >>> 24) & 0xFF;
    }

    public long ndst() {
        return lo >>> 32;
    }

    public long pir() {
        return hi;
    }

    /** Whether a reserved bit SENDUIPI checks is set. */
    public boolean reservedBitsSet() {
        return (lo & RESERVED) != 0;
    }

    /** The IPI destination in xAPIC mode: NDST[15:8]. */
    public int xapicDestination() {
        return (int) (lo >>> 40) & 0xFF;
    }

    /** The IPI destination in x2APIC mode: all of NDST. */
    public long x2apicDestination() {
        return lo >>> 32;
    }

    /** Builds a UPID from its fields (each masked to its width). */
    public static Upid of(boolean on, boolean sn, int reserved15to2, int nv, int reserved31to24, long ndst, long pir) {
        long lo = (on ? ON : 0) | (sn ? SN : 0) | (((long) reserved15to2 << 2) & RESERVED_15_2)
                | ((long) (nv & 0xFF) << 16) | ((long) (reserved31to24 & 0xFF) << 24) | (ndst << 32);
        return new Upid(lo, pir);
    }

    /** The UPID whose 16-byte little-endian image starts at {@code bytes[off]}. */
    public static Upid decode(byte[] bytes, int off) {
        return new Upid(Le.get64(bytes, off), Le.get64(bytes, off + 8));
    }

    /** The 16-byte little-endian image. */
    public byte[] encode() {
        return Le.image(lo, hi);
    }
}
