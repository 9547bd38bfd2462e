package dev.uintr.isa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Codec round trips over random images (uintr-isa §3, §4, §5.1, §5.2). */
class CodecProperties {
    @Property
    void upid_bytesRoundTrip_isa5_1(@ForAll @Size(16) byte[] image) {
        assertArrayEquals(image, Upid.decode(image, 0).encode());
    }

    @Property
    void upid_fieldsRoundTrip_isa5_1(@ForAll long lo, @ForAll long hi) {
        Upid u = new Upid(lo, hi);
        Upid rebuilt = Upid.of(u.on(), u.sn(), u.reserved15to2(), u.nv(), u.reserved31to24(), u.ndst(), u.pir());
        assertEquals(u, rebuilt);
        assertEquals(u.reservedBitsSet(), u.reserved15to2() != 0 || u.reserved31to24() != 0);
        assertEquals(u.xapicDestination(), (int) (u.ndst() >>> 8) & 0xFF, "xAPIC destination is NDST[15:8]");
    }

    @Property
    void uitte_bytesRoundTrip_isa5_2(@ForAll @Size(16) byte[] image) {
        assertArrayEquals(image, Uitte.decode(image, 0).encode());
    }

    @Property
    void uitte_fieldsRoundTrip_andWellFormedness_isa5_2(@ForAll long lo, @ForAll long hi) {
        Uitte e = new Uitte(lo, hi);
        assertEquals(e, Uitte.of(e.valid(), e.reserved7to1(), e.userVector(), e.reserved63to16(), e.upidAddress()));
        boolean expected = e.valid() && e.reserved7to1() == 0 && e.userVector() < 64 && e.reserved63to16() == 0
                && (e.upidAddress() & 0x3F) == 0;
        assertEquals(expected, e.wellFormed());
    }

    @Property
    void xsaveImage_bytesRoundTrip_isa4(@ForAll @Size(48) byte[] image) {
        UintrXsaveImage img = UintrXsaveImage.decode(image, 0);
        assertArrayEquals(image, img.encode());
        assertEquals(img.miscImage() < 0, img.uif(), "UIF is bit 63 of the MISC image");
        assertEquals(img.miscImage() & ~(1L << 63), img.misc());
    }

    @Property
    void miscMsr_fieldsRoundTrip_isa3(@ForAll long misc) {
        long rebuilt = UintrMsr.misc(misc & 0xFFFF_FFFFL, (int) (misc >>> 32) & 0xFF);
        assertEquals(misc & ~UintrMsr.MISC_RESERVED_63_40, rebuilt);
        assertEquals((misc & UintrMsr.MISC_RESERVED_63_40) == 0, UintrMsr.MISC.accepts(misc, 57));
    }

    @Property
    void ttMsr_baseAndEnable_isa3(@ForAll long tt) {
        long rebuilt = UintrMsr.tt(tt & UintrMsr.TT_BASE_MASK, (tt & 1) != 0);
        assertEquals(tt & ~UintrMsr.TT_RESERVED_3_1, rebuilt);
    }
}
