package dev.uintr.isa.vectors;

/** The operations a vector row can run (spec/isa-vectors.md, column {@code op}). */
public enum VectorOp {
    SENDUIPI, UIRET, CLUI, STUI, TESTUI, NOTIFY, DELIVER, WRMSR, RDMSR, XSAVES, XRSTORS;

    /** The op spelled {@code name} (exactly, upper case), or null. */
    public static VectorOp of(String name) {
        for (VectorOp o : values()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }
}
