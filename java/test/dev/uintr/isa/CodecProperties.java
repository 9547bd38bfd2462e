package dev.uintr.isa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uintr.testing.PropertyRun;
import dev.uintr.testing.SeededGenerator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Codec round trips over random images (uintr-isa §3, §4, §5.1, §5.2), each run over seeded draws
 * and, in {@link #eachPropertyCatchesABrokenCodec()}, against a deliberately broken codec.
 */
class CodecProperties {
    private static final String SEEDS = "dev.uintr.testing.SeededGenerator#seeds";
    private static final int CASES = 50;

    // --- the properties, each over the codec it checks -------------------------------------------

    static void upidBytesRoundTrip(SeededGenerator g, UnaryOperator<byte[]> decodeEncode) {
        byte[] image = g.bytes(Upid.BYTES);
        assertArrayEquals(image, decodeEncode.apply(image));
    }

    static void upidFieldsRoundTrip(SeededGenerator g, UnaryOperator<Upid> rebuild) {
        Upid u = new Upid(g.anyLong(), g.anyLong());
        assertEquals(u, rebuild.apply(u));
        assertEquals(u.reservedBitsSet(), u.reserved15to2() != 0 || u.reserved31to24() != 0);
        assertEquals(u.xapicDestination(), (int) (u.ndst() >>> 8) & 0xFF, "xAPIC destination is NDST[15:8]");
    }

    static void uitteBytesRoundTrip(SeededGenerator g, UnaryOperator<byte[]> decodeEncode) {
        byte[] image = g.bytes(Uitte.BYTES);
        assertArrayEquals(image, decodeEncode.apply(image));
    }

    static void uitteFieldsRoundTripAndWellFormedness(SeededGenerator g, UnaryOperator<Uitte> rebuild) {
        Uitte e = g.anyBoolean() ? new Uitte(g.anyLong(), g.anyLong())
                : Uitte.of(true, 0, g.between(0, 70), 0, g.anyLong() & (g.anyBoolean() ? ~0x3FL : -1L));         // often well formed
        assertEquals(e, rebuild.apply(e));
        boolean expected = e.valid() && e.reserved7to1() == 0 && e.userVector() < 64 && e.reserved63to16() == 0
                && (e.upidAddress() & 0x3F) == 0;
        assertEquals(expected, e.wellFormed());
    }

    static void xsaveImageBytesRoundTrip(SeededGenerator g, UnaryOperator<byte[]> decodeEncode) {
        byte[] image = g.bytes(UintrXsaveImage.BYTES);
        assertArrayEquals(image, decodeEncode.apply(image));
        UintrXsaveImage img = UintrXsaveImage.decode(image, 0);
        assertEquals(img.miscImage() < 0, img.uif(), "UIF is bit 63 of the MISC image");
        assertEquals(img.miscImage() & ~(1L << 63), img.misc());
    }

    /** {@code buildMisc} is (uittsz, uinv) → MISC. */
    static void miscMsrFieldsRoundTrip(SeededGenerator g, LongBinaryOperator buildMisc) {
        long misc = g.anyLong();
        long rebuilt = buildMisc.applyAsLong(misc & 0xFFFF_FFFFL, (misc >>> 32) & 0xFF);
        assertEquals(misc & ~UintrMsr.MISC_RESERVED_63_40, rebuilt);
        assertEquals((misc & UintrMsr.MISC_RESERVED_63_40) == 0, UintrMsr.MISC.accepts(misc, 57));
    }

    /** {@code buildTt} is TT → TT rebuilt from its base and enable bit. */
    static void ttMsrBaseAndEnable(SeededGenerator g, LongUnaryOperator buildTt) {
        long tt = g.anyLong();
        assertEquals(tt & ~UintrMsr.TT_RESERVED_3_1, buildTt.applyAsLong(tt));
    }

    // --- the real codecs ---------------------------------------------------------------------------

    private static byte[] upidRoundTrip(byte[] b) {
        return Upid.decode(b, 0).encode();
    }

    private static Upid upidRebuilt(Upid u) {
        return Upid.of(u.on(), u.sn(), u.reserved15to2(), u.nv(), u.reserved31to24(), u.ndst(), u.pir());
    }

    private static byte[] uitteRoundTrip(byte[] b) {
        return Uitte.decode(b, 0).encode();
    }

    private static Uitte uitteRebuilt(Uitte e) {
        return Uitte.of(e.valid(), e.reserved7to1(), e.userVector(), e.reserved63to16(), e.upidAddress());
    }

    private static byte[] xsaveRoundTrip(byte[] b) {
        return UintrXsaveImage.decode(b, 0).encode();
    }

    private static long miscBuilt(long uittsz, long uinv) {
        return UintrMsr.misc(uittsz, (int) uinv);
    }

    private static long ttRebuilt(long tt) {
        return UintrMsr.tt(tt & UintrMsr.TT_BASE_MASK, (tt & 1) != 0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void upid_bytesRoundTrip_isa5_1(long seed) {
        PropertyRun.cases(seed, CASES, g -> upidBytesRoundTrip(g, CodecProperties::upidRoundTrip));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void upid_fieldsRoundTrip_isa5_1(long seed) {
        PropertyRun.cases(seed, CASES, g -> upidFieldsRoundTrip(g, CodecProperties::upidRebuilt));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void uitte_bytesRoundTrip_isa5_2(long seed) {
        PropertyRun.cases(seed, CASES, g -> uitteBytesRoundTrip(g, CodecProperties::uitteRoundTrip));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void uitte_fieldsRoundTrip_andWellFormedness_isa5_2(long seed) {
        PropertyRun.cases(seed, CASES, g -> uitteFieldsRoundTripAndWellFormedness(g, CodecProperties::uitteRebuilt));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void xsaveImage_bytesRoundTrip_isa4(long seed) {
        PropertyRun.cases(seed, CASES, g -> xsaveImageBytesRoundTrip(g, CodecProperties::xsaveRoundTrip));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void miscMsr_fieldsRoundTrip_isa3(long seed) {
        PropertyRun.cases(seed, CASES, g -> miscMsrFieldsRoundTrip(g, CodecProperties::miscBuilt));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(SEEDS)
    void ttMsr_baseAndEnable_isa3(long seed) {
        PropertyRun.cases(seed, CASES, g -> ttMsrBaseAndEnable(g, CodecProperties::ttRebuilt));
    }

    /** Each property, given a codec with one plausible bug, fails: it would catch that bug. */
    @Test
    void eachPropertyCatchesABrokenCodec() {
        // the image loses the PIR's top byte (a 56-bit write)
        PropertyRun.assertCaught(CASES, g -> upidBytesRoundTrip(g,
                b -> new Upid(Le.get64(b, 0), Le.get64(b, 8) & 0x00FF_FFFF_FFFF_FFFFL).encode()));
        // NDST rebuilt from 16 bits (the xAPIC width) instead of 32
        PropertyRun.assertCaught(CASES, g -> upidFieldsRoundTrip(g,
                u -> Upid.of(u.on(), u.sn(), u.reserved15to2(), u.nv(), u.reserved31to24(), u.ndst() & 0xFFFF, u.pir())));
        // the two quadwords swapped
        PropertyRun.assertCaught(CASES, g -> uitteBytesRoundTrip(g,
                b -> new Uitte(Le.get64(b, 8), Le.get64(b, 0)).encode()));
        // reserved bits 7:1 dropped when rebuilding
        PropertyRun.assertCaught(CASES, g -> uitteFieldsRoundTripAndWellFormedness(g,
                e -> Uitte.of(e.valid(), 0, e.userVector(), e.reserved63to16(), e.upidAddress())));
        // UIF (bit 63 of the MISC image) lost
        PropertyRun.assertCaught(CASES, g -> xsaveImageBytesRoundTrip(g, b -> {
            UintrXsaveImage i = UintrXsaveImage.decode(b, 0);
            return new UintrXsaveImage(i.handler(), i.stackAdjust(), i.misc(), i.pd(), i.rr(), i.tt()).encode();
        }));
        // UINV placed at bit 40 instead of 32
        PropertyRun.assertCaught(CASES, g -> miscMsrFieldsRoundTrip(g, (uittsz, uinv) -> uittsz | (uinv << 40)));
        // the enable bit ignored
        PropertyRun.assertCaught(CASES, g -> ttMsrBaseAndEnable(g, tt -> UintrMsr.tt(tt & UintrMsr.TT_BASE_MASK, true)));
    }
}
