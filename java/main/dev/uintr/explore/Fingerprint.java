package dev.uintr.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What the visited set stores instead of whole states: two independent 64-bit hashes of a
 * state's {@link StateCodec} bytes (which cover every field equality compares). A full kernel
 * state with its 256-entry UITTs costs about 10 KB as objects, its encoding a few hundred
 * bytes, its fingerprint 16 bytes. Two different states share a fingerprint with probability
 * about n²/2^129 (n states); such a merge would hide a state, never invent one.
 */
record Fingerprint(long a, long b) {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long K1 = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;

    /** The fingerprint of {@code buf[off, off + len)}. */
    static Fingerprint of(byte[] buf, int off, int len) {
        return new Fingerprint(hashA(buf, off, len), hashB(buf, off, len));
    }

    static long hashA(byte[] buf, int off, int len) {
        long h = 0x6A09E667F3BCC909L ^ len;
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) {
            h = mix(h ^ (long) LONGS.get(buf, i), K1);
        }
        return mix(h ^ tail(buf, i, end), K1);
    }

    static long hashB(byte[] buf, int off, int len) {
        long h = 0x3C6EF372FE94F82BL + len;
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) {
            h = Long.rotateLeft(h, 23) + mix((long) LONGS.get(buf, i), K2);
        }
        return mix(h + tail(buf, i, end), K2);
    }

    /**
     * Both halves at once, into {@code a[at]} and {@code b[at]}: the same values as
     * {@link #hashA} and {@link #hashB}, reading each word once (the search hashes every child).
     */
    static void hash(byte[] buf, int off, int len, long[] a, long[] b, int at) {
        long h = 0x6A09E667F3BCC909L ^ len;
        long g = 0x3C6EF372FE94F82BL + len;
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) {
            long w = (long) LONGS.get(buf, i);
            h = mix(h ^ w, K1);
            g = Long.rotateLeft(g, 23) + mix(w, K2);
        }
        long t = tail(buf, i, end);
        a[at] = mix(h ^ t, K1);
        b[at] = mix(g + t, K2);
    }

    private static long tail(byte[] buf, int i, int end) {
        long t = 0;
        for (int s = 0; i < end; i++, s += 8) {
            t |= (buf[i] & 0xFFL) << s;
        }
        return t;
    }

    private static long mix(long v, long k) {
        long x = v * k;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        return x ^ (x >>> 29);
    }
}
