package dev.uintr.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress line of a bench run: a bar, the step count, what runs now and an ETA
 * (the mean duration of the measured steps so far times the steps left). One line per
 * event, so it reads the same on a terminal and in a CI log.
 */
public final class BenchProgress {
    private static final int BAR = 20;
    private final PrintWriter out;
    private final int total;
    private final long startNanos = System.nanoTime();
    private int done;
    private long measuredNanos;
    private int measured;
    private long stepStart;

    public BenchProgress(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    /** A step begins. */
    public void start(String label) {
        stepStart = System.nanoTime();
        out.printf(Locale.ROOT, "%s %2d/%d %-24s elapsed %s  ETA %s%n", bar(), done + 1, total, label,
                clock(System.nanoTime() - startNanos), eta());
        out.flush();
    }

    /** The step ended with {@code status}; {@code summary} is its one-line result. */
    public void finish(String label, RowStatus status, String summary) {
        long took = System.nanoTime() - stepStart;
        done++;
        if (status == RowStatus.OK) {
            measured++;
            measuredNanos += took;
        }
        out.printf(Locale.ROOT, "%s %2d/%d %-24s %-7s %s%n", bar(), done, total, label, status.id(), summary);
        out.flush();
    }

    /** A step that needs no work (a unit already skipped in an earlier round). */
    public void pass() {
        done++;
    }

    /** "m:ss" left, "?" before anything was measured. */
    String eta() {
        if (measured == 0) {
            return "?";
        }
        return clock(measuredNanos / measured * (total - done));
    }

    String bar() {
        int filled = total == 0 ? BAR : done * BAR / total;
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
    }

    static String clock(long nanos) {
        long s = Math.max(0, Math.round(nanos / 1e9));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
