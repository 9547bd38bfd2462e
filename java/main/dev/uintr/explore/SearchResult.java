package dev.uintr.explore;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What one search over a (scenario, profile, design) found.
 *
 * @param found      the shortest counterexample per violated invariant
 * @param states     distinct states settled
 * @param depth      the longest interleaving (events) reached
 * @param millis     wall time of the search
 * @param exhausted  true when every reachable state within maxDepth was explored and no bound on
 *                   states was hit; false means "no violation within bound" for what was not found
 * @param depthCut   some interleaving was cut at maxDepth
 * @param worst      the largest value of each counter over all states explored
 * @param peakBytes  the most bytes the search's tables held (visited fingerprints + frontier)
 * @param stoppedBy  null, or the bound that stopped the search: "max-states" or "max-memory"
 * @param cpuNanos   CPU time the search's threads spent on it (the calling thread's, plus each
 *                   pool thread's time in buckets it shared), from {@code ThreadMXBean}; 0 where the JVM cannot measure it
 * @param busiestCpuNanos the most CPU time one of those threads spent (with N workers sharing the
 *                   work evenly about {@code cpuNanos / N}; on idle cores the wall time cannot be shorter)
 * @param backups    chunks of states a worker expanded again because the thread that had claimed
 *                   them was held up for milliseconds (descheduled on a loaded host); 0 on idle cores
 */
public record SearchResult(Map<Invariant, Counterexample> found, int states, int depth, long millis,
                           boolean exhausted, boolean depthCut, Worst worst, long peakBytes, String stoppedBy,
                           long cpuNanos, long busiestCpuNanos, int backups) {

    public SearchResult(Map<Invariant, Counterexample> found, int states, int depth, long millis, boolean exhausted,
                        boolean depthCut, Worst worst, long peakBytes, String stoppedBy) {
        this(found, states, depth, millis, exhausted, depthCut, worst, peakBytes, stoppedBy, 0, 0, 0);
    }

    /** Per-design costs, the maximum over every explored interleaving. */
    public record Worst(long victims, long spurious, long gpFixups, long emptyWakeups, long kernelVector, long lostIpis) {}

    /** A result without the memory figures (tests and reports that build one by hand). */
    public SearchResult(Map<Invariant, Counterexample> found, int states, int depth, long millis, boolean exhausted,
                        boolean depthCut, Worst worst) {
        this(found, states, depth, millis, exhausted, depthCut, worst, 0, exhausted ? null : "max-states");
    }

    public Set<Invariant> verdict() {
        return found.isEmpty() ? EnumSet.noneOf(Invariant.class) : EnumSet.copyOf(found.keySet());
    }

    /** "exhaustive" when the whole state space was explored, else "within bound". */
    public String coverage() {
        return exhausted && !depthCut ? "exhaustive" : "within bound";
    }
}
