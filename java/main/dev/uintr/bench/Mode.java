package dev.uintr.bench;

/** What one sample measures (UBENCH_MODE_*). */
public enum Mode {
    /** A stamps, pings B, B answers, A stamps: both stamps on A's CPU. Always measured. */
    ROUND_TRIP("round-trip", 0),
    /** A stamps and pings, B stamps on receipt: the stamps come from two CPUs, so only with an invariant TSC. */
    ONE_WAY("one-way", 1);

    private final String id;
    private final int nativeId;

    Mode(String id, int nativeId) {
        this.id = id;
        this.nativeId = nativeId;
    }

    public String id() {
        return id;
    }

    public int nativeId() {
        return nativeId;
    }

    /** The mode named {@code id}, or null. */
    public static Mode byId(String id) {
        for (Mode m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
