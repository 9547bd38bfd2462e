package dev.uintr.bench;

/** A report row's status: measured, skipped with a reason, or failed with a reason. Never a skip posing as a pass. */
public enum RowStatus {
    OK("ok"), SKIPPED("skipped"), FAILED("failed");

    private final String id;

    RowStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The status spelled {@code id}, or null. */
    public static RowStatus byId(String id) {
        for (RowStatus s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
