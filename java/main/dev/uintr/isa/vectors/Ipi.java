package dev.uintr.isa.vectors;

/** An IPI a row sends: {@code ipi=VECTOR@DEST}. */
record Ipi(int vector, long destination) {
    @Override
    public String toString() {
        return Numbers.hex(vector) + "@" + Numbers.hex(destination);
    }
}
