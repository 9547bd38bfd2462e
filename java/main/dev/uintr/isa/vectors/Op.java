package dev.uintr.isa.vectors;

/** The operations a vector row can run (spec/isa-vectors.md, column {@code op}). */
public enum Op {
    SENDUIPI, UIRET, CLUI, STUI, TESTUI, NOTIFY, DELIVER, WRMSR, RDMSR, XSAVES, XRSTORS;

    /** The op spelled {@code name} (exactly, upper case), or null. */
    public static Op of(String name) {
        for (Op o : values()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }
}
