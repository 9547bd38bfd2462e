package dev.uintr.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress line of a bench run: a bar, the step count, what runs now and an ETA
 * (the mean duration of the measured steps so far times the steps left). One line per
 * event, so it reads the same on a terminal and in a CI log. A step that runs long (a
 * mechanism that hangs until its --timeout-ms) gets a "still running" line every
 * {@link #HEARTBEAT_SECONDS} seconds, so the last line is never a stale ETA.
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
    /** Seconds between "still running" lines of a long step. */
    static final int HEARTBEAT_SECONDS = 10;
    private static final java.util.concurrent.ScheduledExecutorService TIMER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-progress");
                t.setDaemon(true);
                return t;
            });
    private java.util.concurrent.ScheduledFuture<?> heartbeat;

    private final long heartbeatMillis;

    public BenchProgress(PrintWriter out, int total) {
        this(out, total, HEARTBEAT_SECONDS * 1000L);
    }

    /** With another period between "still running" lines (tests). */
    BenchProgress(PrintWriter out, int total, long heartbeatMillis) {
        this.out = out;
        this.total = total;
        this.heartbeatMillis = heartbeatMillis;
    }

    /** A step begins. */
    public void start(String label) {
        stepStart = System.nanoTime();
        out.printf(Locale.ROOT, "%s %2d/%d %-24s elapsed %s  ETA %s%n", bar(), done + 1, total, label,
                clock(System.nanoTime() - startNanos), eta());
        out.flush();
        cancelHeartbeat();
        long began = stepStart;
        synchronized (this) {
            heartbeat = TIMER.scheduleAtFixedRate(() -> beat(label, began), heartbeatMillis, heartbeatMillis,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One "still running" line, under the lock cancelHeartbeat takes: a beat that fires as the step
     * ends either prints before the step's own line or not at all (cancel alone does not stop a
     * beat already running).
     */
    private synchronized void beat(String label, long began) {
        if (heartbeat == null || stepStart != began) {
            return;
        }
        out.printf(Locale.ROOT, "%s %2d/%d %-24s still running, %s so far%n", bar(), done + 1, total, label,
                clock(System.nanoTime() - began));
        out.flush();
    }

    private synchronized void cancelHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }

    /** The step ended with {@code status}; {@code summary} is its one-line result. */
    public void finish(String label, RowStatus status, String summary) {
        cancelHeartbeat();
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
