package dev.uintr.explore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with LEB128 varints (zig-zag for signed values): what
 * {@link StateCodec} writes a state into. One per thread, reused for every state.
 */
final class ByteSink {
    byte[] buf = new byte[512];
    int len;

    void reset() {
        len = 0;
    }

    private void room(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    void bool(boolean b) {
        room(1);
        buf[len++] = (byte) (b ? 1 : 0);
    }

    /** An unsigned varint (the value's 64 bits, 7 at a time). */
    void uvar(long v) {
        if (len + 10 > buf.length) {
            room(10);
        }
        byte[] b = buf;
        int at = len;
        while ((v & ~0x7FL) != 0) {
            b[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        len = at;
    }

    /** A signed varint (zig-zag: -1 takes one byte). */
    void svar(long v) {
        uvar((v << 1) ^ (v >> 63));
    }

    void raw(byte[] b, int off, int n) {
        room(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        uvar(b.length);
        room(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    /** Reads back what a ByteSink wrote, from {@code off}. */
    static final class Source {
        private final byte[] buf;
        private int pos;

        Source(byte[] buf, int off) {
            this.buf = buf;
            this.pos = off;
        }

        boolean bool() {
            return buf[pos++] != 0;
        }

        long uvar() {
            byte[] in = buf;
            int at = pos;
            byte b = in[at++];
            if (b >= 0) {                                             // most values fit in one byte
                pos = at;
                return b;
            }
            long v = b & 0x7F;
            int shift = 7;
            do {
                b = in[at++];
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            pos = at;
            return v;
        }

        long svar() {
            long z = uvar();
            return (z >>> 1) ^ -(z & 1);
        }

        int sint() {
            return (int) svar();
        }

        int uint() {
            return (int) uvar();
        }

        String text() {
            int n = uint();
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        void skip(int n) {
            pos += n;
        }

        int position() {
            return pos;
        }
    }
}
