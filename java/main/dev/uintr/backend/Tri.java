package dev.uintr.backend;

/** A host fact that may be unknown: reports spell "unknown", never 0 or false. */
public enum Tri {
    YES, NO, UNKNOWN;

    public static Tri of(boolean b) {
        return b ? YES : NO;
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
