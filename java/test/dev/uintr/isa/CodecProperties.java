package dev.uintr.isa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uintr.testing.SeededGenerator;
import java.util.List;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Codec round trips over random images (uintr-isa §3, §4, §5.1, §5.2), each run over seeded draws
 * and, in {@link PropertyTable#propertyCatchesABrokenModel}, against a deliberately broken codec.
 */
class CodecProperties extends PropertyTable {
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

    /** The properties, each with its real codec and a codec with one plausible bug. */
    @Override
    List<SeededProperty> properties() {
        return List.of(
                new SeededProperty("upid bytes round trip (uintr-isa §5.1)", CASES,
                        g -> upidBytesRoundTrip(g, CodecProperties::upidRoundTrip),
                        // the image loses the PIR's top byte (a 56-bit write)
                        g -> upidBytesRoundTrip(g,
                                b -> new Upid(Le.get64(b, 0), Le.get64(b, 8) & 0x00FF_FFFF_FFFF_FFFFL).encode())),
                new SeededProperty("upid fields round trip (uintr-isa §5.1)", CASES,
                        g -> upidFieldsRoundTrip(g, CodecProperties::upidRebuilt),
                        // NDST rebuilt from 16 bits (the xAPIC width) instead of 32
                        g -> upidFieldsRoundTrip(g, u -> Upid.of(u.on(), u.sn(), u.reserved15to2(), u.nv(),
                                u.reserved31to24(), u.ndst() & 0xFFFF, u.pir()))),
                new SeededProperty("uitte bytes round trip (uintr-isa §5.2)", CASES,
                        g -> uitteBytesRoundTrip(g, CodecProperties::uitteRoundTrip),
                        // the two quadwords swapped
                        g -> uitteBytesRoundTrip(g, b -> new Uitte(Le.get64(b, 8), Le.get64(b, 0)).encode())),
                new SeededProperty("uitte fields round trip and well-formedness (uintr-isa §5.2)", CASES,
                        g -> uitteFieldsRoundTripAndWellFormedness(g, CodecProperties::uitteRebuilt),
                        // reserved bits 7:1 dropped when rebuilding
                        g -> uitteFieldsRoundTripAndWellFormedness(g,
                                e -> Uitte.of(e.valid(), 0, e.userVector(), e.reserved63to16(), e.upidAddress()))),
                new SeededProperty("xsave image bytes round trip (uintr-isa §4)", CASES,
                        g -> xsaveImageBytesRoundTrip(g, CodecProperties::xsaveRoundTrip),
                        // UIF (bit 63 of the MISC image) lost
                        g -> xsaveImageBytesRoundTrip(g, b -> {
                            UintrXsaveImage i = UintrXsaveImage.decode(b, 0);
                            return new UintrXsaveImage(i.handler(), i.stackAdjust(), i.misc(), i.pd(), i.rr(), i.tt())
                                    .encode();
                        })),
                new SeededProperty("MISC MSR fields round trip (uintr-isa §3)", CASES,
                        g -> miscMsrFieldsRoundTrip(g, CodecProperties::miscBuilt),
                        // UINV placed at bit 40 instead of 32
                        g -> miscMsrFieldsRoundTrip(g, (uittsz, uinv) -> uittsz | (uinv << 40))),
                new SeededProperty("TT MSR base and enable (uintr-isa §3)", CASES,
                        g -> ttMsrBaseAndEnable(g, CodecProperties::ttRebuilt),
                        // the enable bit ignored
                        g -> ttMsrBaseAndEnable(g, tt -> UintrMsr.tt(tt & UintrMsr.TT_BASE_MASK, true))));
    }
}
