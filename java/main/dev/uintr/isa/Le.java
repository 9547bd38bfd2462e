package dev.uintr.isa;

/** Little-endian quadwords in byte arrays. */
final class Le {
    private Le() {}

    static long get64(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    static void put64(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    /** The little-endian image of {@code quadwords}, one after another (16 bytes for a UPID or a UITT entry). */
    static byte[] image(long... quadwords) {
        byte[] b = new byte[8 * quadwords.length];
        for (int i = 0; i < quadwords.length; i++) {
            put64(b, 8 * i, quadwords[i]);
        }
        return b;
    }
}
