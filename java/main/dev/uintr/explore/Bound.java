package dev.uintr.explore;

/**
 * Limits of one search: states settled, events per interleaving, and the bytes the search's
 * own tables may hold (visited fingerprints + frontier; {@link #UNLIMITED} for none). A search
 * stopped by any of them says "within bound".
 */
public record Bound(int maxStates, int maxDepth, long maxMemory) {
    public static final long UNLIMITED = Long.MAX_VALUE;
    /** Costs pack switches and events into 15 and 16 bits (see VisitedTable). */
    public static final int DEPTH_LIMIT = 0x7FFF;
    public static final Bound DEFAULT = new Bound(200_000, 60);
    public static final Bound QUICK = new Bound(20_000, 40);

    public Bound {
        if (maxStates < 1 || maxDepth < 1 || maxMemory < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        if (maxDepth > DEPTH_LIMIT) {
            throw new IllegalArgumentException("maxDepth must be at most " + DEPTH_LIMIT);
        }
    }

    public Bound(int maxStates, int maxDepth) {
        this(maxStates, maxDepth, UNLIMITED);
    }

    public Bound withMaxMemory(long bytes) {
        return new Bound(maxStates, maxDepth, bytes);
    }
}
