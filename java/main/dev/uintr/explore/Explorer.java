package dev.uintr.explore;

/**
 * Exhaustive interleaving search over one {@link World} (style.md §2, Lincheck's model
 * checking): every enabled actor step and every pending kernel event is tried from every
 * state; states are deduplicated by their {@link Fingerprint}; the search is ordered by
 * (switches, events), so the first violation found of each invariant is the shortest
 * counterexample (fewest switches between CPUs, then fewest events). Nothing is hard-coded
 * per design: the verdict is whatever the kernel model does.
 *
 * <p>States wait in the frontier as {@link StateCodec} bytes and are remembered as 128-bit
 * fingerprints with their parent and move ({@link VisitedTable}); see {@link Search} for how
 * several workers share a search without changing its result.
 */
public final class Explorer {
    private Explorer() {}

    public static SearchResult search(World world, Bound bound) {
        return search(world, bound, SearchOptions.DEFAULT);
    }

    public static SearchResult search(World world, Bound bound, SearchOptions options) {
        return new Search(world, bound, options).run();
    }
}
