package dev.uintr.isa;

/**
 * A user-interrupt target table entry: 16 bytes, entry i at UITTADDR + 16·i (uintr-isa §5.2).
 *
 * <pre>
 *  bits     field      SENDUIPI check
 *  0        V          0: #GP(0)
 *  7:1      reserved   != 0: #GP(0)
 *  15:8     UV         the user vector 0..63; bits 15:14 != 0 (UV >= 64): #GP(0)
 *  63:16    reserved   != 0: #GP(0)
 *  127:64   UPIDADDR   64-byte aligned: bits 69:64 != 0: #GP(0)
 * </pre>
 *
 * @param lo bytes 7:0 (V, UV)
 * @param hi bytes 15:8 (UPIDADDR)
 */
public record Uitte(long lo, long hi) {
    public static final long VALID = 1L;
    public static final long RESERVED_7_1 = 0xFEL;
    public static final long UV_MASK = 0xFFL << 8;
    /** UV bits 15:14: a vector of 64 or more. */
    public static final long UV_HIGH_BITS = 0xC000L;
    public static final long RESERVED_63_16 = 0xFFFF_FFFF_FFFF_0000L;
    /** UPIDADDR bits 5:0 of the high quadword (bits 69:64 of the entry). */
    public static final long UPID_ALIGNMENT_BITS = 0x3FL;
    public static final int BYTES = 16;

    public boolean valid() {
        return (lo & VALID) != 0;
    }

    /** Bits 7:1 shifted down (7 bits). */
    public int reserved7to1() {
        return (int) ((lo & RESERVED_7_1) >>> 1);
    }

    /** Bits 15:8: the user vector (only 0..63 are valid). */
    public int userVector() {
        return (int) (lo >>> 8) & 0xFF;
    }

    /** Bits 63:16 shifted down (48 bits). */
    public long reserved63to16() {
        return lo >>> 16;
    }

    public long upidAddress() {
        return hi;
    }

    /** Whether SENDUIPI accepts the entry: valid, no reserved bit, UV &lt; 64, UPIDADDR 64-byte aligned. */
    public boolean wellFormed() {
        return isWellFormed(lo, hi);
    }

    /** The SENDUIPI check of uintr-isa §7.5 on a raw entry. */
    public static boolean isWellFormed(long lo, long hi) {
        return (lo & VALID) != 0 && (lo & (RESERVED_7_1 | UV_HIGH_BITS | RESERVED_63_16)) == 0
                && (hi & UPID_ALIGNMENT_BITS) == 0;
    }

    /** Builds an entry from its fields (each masked to its width). */
    public static Uitte of(boolean valid, int reserved7to1, int userVector, long reserved63to16, long upidAddress) {
        long lo = (valid ? VALID : 0) | (((long) reserved7to1 << 1) & RESERVED_7_1)
                | ((long) (userVector & 0xFF) << 8) | (reserved63to16 << 16);
        return new Uitte(lo, upidAddress);
    }

    public static Uitte decode(byte[] bytes, int off) {
        return new Uitte(Le.get64(bytes, off), Le.get64(bytes, off + 8));
    }

    public byte[] encode() {
        return Le.image(lo, hi);
    }
}
