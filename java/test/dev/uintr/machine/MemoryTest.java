package dev.uintr.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryTest {
    private static final int RW = Memory.WRITABLE | Memory.USER;

    @Test
    void mappedRangeIsByteGranular_isaVectors() {
        Memory m = new Memory();
        m.map(0x2040, 0x204F, RW);
        assertTrue(m.canAccess(0x2040, 16, true, true));
        assertFalse(m.canAccess(0x2048, 16, false, false), "0x2050.. is not mapped");
        assertFalse(m.canAccess(0x203F, 1, false, false));
        assertTrue(m.isPresent(0x204F));
        assertFalse(m.isPresent(0x2050));
    }

    @Test
    void permissions_writableAndUser() {
        Memory m = new Memory();
        m.map(0x1000, 0x1FFF, Memory.WRITABLE);                // supervisor page
        m.map(0x3000, 0x3FFF, Memory.USER);                    // user read-only
        assertTrue(m.canAccess(0x1000, 8, true, false));
        assertFalse(m.canAccess(0x1000, 8, false, true), "user access to a supervisor page");
        assertTrue(m.canAccess(0x3000, 8, false, true));
        assertFalse(m.canAccess(0x3000, 8, true, true), "write to a read-only page");
    }

    @Test
    void littleEndianQuadwords_anyAlignment() {
        Memory m = new Memory();
        m.map(0x0FF0, 0x100F, RW);                             // crosses a page boundary
        m.write64(0x0FFC, 0x0807060504030201L);
        assertEquals(0x01, m.read8(0x0FFC));
        assertEquals(0x08, m.read8(0x1003));
        assertEquals(0x0807060504030201L, m.read64(0x0FFC));
        m.write64(0x1000, -1L);
        assertEquals(0xFFFFFFFF04030201L, m.read64(0x0FFC));
    }

    @Test
    void writesToAbsentBytesAreDropped() {
        Memory m = new Memory();
        m.map(0x1000, 0x1003, RW);
        m.write64(0x1000, -1L);
        assertEquals(0xFFFFFFFFL, m.read64(0x1000));
    }

    @Test
    void copyIsIndependent_copyOnWrite() {
        Memory a = new Memory();
        a.map(0x1000, 0x2FFF, RW);
        a.write64(0x1000, 42);
        Memory b = a.copy();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        b.write64(0x1000, 43);
        assertEquals(42, a.read64(0x1000));
        assertEquals(43, b.read64(0x1000));
        assertNotEquals(a, b);
        a.write64(0x2000, 7);
        assertEquals(0, b.read64(0x2000));
        b.write64(0x1000, 42);
        b.write64(0x2000, 7);
        assertEquals(a, b, "equal contents are equal whatever the sharing");
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void unmapDropsContentsAndEmptyPages() {
        Memory m = new Memory();
        m.map(0x1000, 0x1FFF, RW);
        m.write64(0x1000, 5);
        m.unmap(0x1000, 0x1FFF);
        assertArrayEquals(new long[0], m.pages());
        assertEquals(new Memory(), m);
        m.map(0x1000, 0x1007, RW);
        assertEquals(0, m.read64(0x1000), "re-mapped bytes are zero");
    }

    @Test
    void partialRangesAtOddOffsets_keepTheirNeighbours() {
        // Presence and zeroing work a mask word (64 bytes) or a data word (8 bytes) at a time:
        // ranges that start and end inside words must touch exactly their own bytes.
        for (int from : new int[] {0, 1, 7, 63, 64, 65, 127, 4000}) {
            for (int len : new int[] {1, 2, 8, 9, 63, 64, 65, 200}) {
                if (from + len > 4096) {
                    continue;
                }
                Memory m = new Memory();
                m.map(0x1000, 0x1FFF, RW);
                for (int b = 0; b < 4096; b++) {
                    m.write8(0x1000 + b, 0xA5);
                }
                m.unmap(0x1000 + from, 0x1000 + from + len - 1);
                for (int b = 0; b < 4096; b++) {
                    boolean inside = b >= from && b < from + len;
                    assertEquals(!inside, m.isPresent(0x1000 + b), "byte " + b + " after unmap of " + from + "+" + len);
                    assertEquals(inside ? 0 : 0xA5, m.read8(0x1000 + b), "byte " + b);
                }
                m.map(0x1000 + from, 0x1000 + from + len - 1, RW);
                for (int b = from; b < from + len; b++) {
                    assertEquals(0, m.read8(0x1000 + b), "re-mapped byte " + b + " is zero");
                }
                for (int b = 0; b < 4096; b++) {
                    assertEquals(true, m.isPresent(0x1000 + b), "byte " + b + " present again");
                }
            }
        }
    }

    @Test
    void equalityCoversFlagsAndPresence() {
        Memory a = new Memory();
        Memory b = new Memory();
        a.map(0x1000, 0x1FFF, RW);
        b.map(0x1000, 0x1FFF, Memory.WRITABLE);
        assertNotEquals(a, b);
        Memory c = new Memory();
        c.map(0x1000, 0x1FFE, RW);
        assertNotEquals(a, c);
    }

    @Test
    void manyPagesStaySorted() {
        Memory m = new Memory();
        long[] addrs = {0x9000, 0x1000, 0xFFFF_8000_0000_0000L, 0x5000, 0x7FFF_FFFF_E000L, 0x3000};
        for (long a : addrs) {
            m.map(a, a + 0xFFF, RW);
            m.write64(a, a);
        }
        for (long a : addrs) {
            assertEquals(a, m.read64(a));
        }
        long[] pages = m.pages();
        for (int i = 1; i < pages.length; i++) {
            assertTrue(Long.compareUnsigned(pages[i - 1], pages[i]) < 0);
        }
    }
}
