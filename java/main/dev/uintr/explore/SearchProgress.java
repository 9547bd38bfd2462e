package dev.uintr.explore;

import java.util.Locale;

/**
 * Where a running search is: states settled, the rate since it started, states waiting in
 * the frontier, bytes held by its tables, the deepest interleaving settled, time so far.
 */
public record SearchProgress(long states, long statesPerSecond, long frontier, long memoryBytes, int depth, long millis) {
    /** One line: "1,234,567 states  52,100 states/s  frontier 123,456  memory 412 MB  depth 23  24 s". */
    public String line() {
        return String.format(Locale.ROOT, "%,d states  %,d states/s  frontier %,d  memory %,d MB  depth %d  %d s",
                states, statesPerSecond, frontier, memoryBytes >> 20, depth, millis / 1000);
    }
}
