package dev.uintr.explore;

import java.util.function.Consumer;

/**
 * How a search runs (not what it finds: every choice here gives the same result).
 *
 * @param workers  threads expanding states; the merge of their work is sequential and in the
 *                 one-worker order, so verdicts, counters and counterexamples do not depend on it
 * @param progress called about every {@code everyMillis} with where the search is, or null
 * @param everyMillis how often progress is reported
 */
public record SearchOptions(int workers, Consumer<SearchProgress> progress, long everyMillis) {
    public static final SearchOptions DEFAULT = new SearchOptions(1, null, 1000);

    public SearchOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
    }

    public SearchOptions withWorkers(int n) {
        return new SearchOptions(n, progress, everyMillis);
    }

    public SearchOptions withProgress(Consumer<SearchProgress> p, long every) {
        return new SearchOptions(workers, p, every);
    }
}
