package dev.uintr.explore;

/** Limits of one search: states settled and events per interleaving. */
public record Bound(int maxStates, int maxDepth) {
    public static final Bound DEFAULT = new Bound(200_000, 60);
    public static final Bound QUICK = new Bound(20_000, 40);

    public Bound {
        if (maxStates < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
    }
}
