package dev.uintr.bench;

/** An emulated machine set up for one uipi path: runs round trips and checks every step. */
public interface EmulatedRoundTrip {
    /** Runs {@code n} round trips; returns how many steps went wrong (0 when the path works). */
    long run(long n);
}
