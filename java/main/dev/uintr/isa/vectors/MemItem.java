package dev.uintr.isa.vectors;

/** Bytes at an address: an {@code m64[ADDR]=VALUE} (8 little-endian bytes) or {@code m8[ADDR]=HEXBYTES} item. */
record MemItem(long addr, byte[] bytes) {
    static MemItem quadword(long addr, long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return new MemItem(addr, b);
    }
}
