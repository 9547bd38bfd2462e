package dev.uintr.machine;

/**
 * Decides what happens next wherever the platform is nondeterministic: whether an IPI in
 * flight lands now, which processor reaches its next boundary first, ... The model itself
 * never uses randomness; a chooser does, so the same chooser (same seed or same script)
 * replays a run exactly, and the explorer enumerates every answer.
 */
@FunctionalInterface
public interface Chooser {
    /**
     * Picks one of {@code options} alternatives (0 ≤ result &lt; options).
     *
     * @param point   what is being decided, a short stable label such as {@link #IPI_LANDING}
     * @param options the number of alternatives, at least 1
     */
    int choose(String point, int options);

    /** At a boundary: 0 = no (further) IPI lands now; k ≥ 1 = the k-th oldest IPI in flight lands. */
    String IPI_LANDING = "ipi-landing";
}
