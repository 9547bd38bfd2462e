package dev.uintr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The search's one-pass fingerprint is the same pair of hashes as the two separate ones (visited sets agree). */
class FingerprintTest {
    @Test
    void onePass_equalsHashAAndHashB_atEveryLengthAndOffset() {
        SplittableRandom r = new SplittableRandom(11);
        byte[] buf = new byte[600];
        long[] a = new long[2];
        long[] b = new long[2];
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < buf.length; i++) {
                buf[i] = (byte) r.nextInt(256);
            }
            int off = r.nextInt(40);
            int len = round < 40 ? round : r.nextInt(buf.length - off);
            Fingerprint.hash(buf, off, len, a, b, 1);
            assertEquals(Fingerprint.hashA(buf, off, len), a[1], "len " + len);
            assertEquals(Fingerprint.hashB(buf, off, len), b[1], "len " + len);
        }
    }
}
