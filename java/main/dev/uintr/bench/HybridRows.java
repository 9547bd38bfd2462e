package dev.uintr.bench;

import java.util.Locale;

/**
 * The hybrid rows of latency.csv: the uipi and uipi-blocked C loops run for real under the hybrid
 * supervisor (ptrace stops answered by the Java models). Their samples are real RDTSCP round trips,
 * but what they time is the emulation: every SENDUIPI, delivery and UIRET is a tracee stop. Backend
 * {@code hybrid}, the note below first in the reason (also when ok), never in relative.csv.
 */
public final class HybridRows {
    /** The words every hybrid row's reason starts with. */
    public static final String NOTE = "emulation cost of the hybrid supervisor (ptrace stops answered by the Java models), "
            + "not hardware latency";

    /**
     * With backend auto (the run stage, a plain {@code bench}) a hybrid measurement takes at most this
     * many round trips per round and {@link #AUTO_WARMUP} warm-up ones: a traced round trip costs
     * about six ptrace stops, so the native iteration counts would take minutes. {@code --backend
     * hybrid} takes the counts as given.
     */
    public static final int AUTO_ITERATIONS = 200;
    public static final int AUTO_WARMUP = 20;

    private HybridRows() {}

    /** What one hybrid measurement of a round takes: {@code roundCfg} as given, or capped under auto. */
    static BenchConfig sized(BenchConfig roundCfg) {
        if (roundCfg.backend() != BenchBackend.AUTO) {
            return roundCfg;
        }
        return new BenchConfig(roundCfg.mechanisms(), Math.min(roundCfg.iterations(), AUTO_ITERATIONS),
                Math.min(roundCfg.warmup(), AUTO_WARMUP), roundCfg.cpus(), roundCfg.timeoutMs(), 0,
                roundCfg.normaliseTo(), roundCfg.oneWay(), 1, roundCfg.backend());
    }

    /** The mechanisms that have hybrid rows. */
    public static boolean has(Mechanism m) {
        return m.needsUintr();
    }

    /** An ok row's reason: the note, the profile, and the stops the supervisor took per round trip. */
    static String okReason(String profile, long stops, long roundTrips) {
        return String.format(Locale.ROOT, "%s; profile %s; %d stops answered for %d round trips (%.1f per round trip, "
                + "set-up included); samples: RDTSCP round trips of the traced C loop", NOTE, profile, stops, roundTrips,
                roundTrips > 0 ? (double) stops / roundTrips : 0.0);
    }

    /** A skipped or failed row's reason. */
    static String notOkReason(String reason) {
        return reason + " (" + NOTE + ")";
    }
}
