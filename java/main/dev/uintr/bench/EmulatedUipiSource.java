package dev.uintr.bench;

/**
 * Times the emulated uipi paths in Java. The model runs a round trip in far less than the
 * resolution of {@link System#nanoTime}, so a sample is one batch of {@link #BATCH} round trips:
 * the batch's nanoseconds are the sample's ticks and the tick rate is {@code BATCH × 10⁹} per
 * second, so LatencyStats turns each sample into the mean nanoseconds of one round trip of that
 * batch, exactly (no rounding to whole nanoseconds). At least {@link #MIN_WARMUP_BATCHES} batches
 * run first so the JIT has compiled the path before the first sample.
 */
public final class EmulatedUipiSource implements EmulatedLatencySource {
    /** Round trips per sample. */
    public static final int BATCH = 1000;
    /** The fewest warm-up batches (200 000 round trips: the JIT's C2 tier is in by then). */
    public static final int MIN_WARMUP_BATCHES = 200;

    /** The warm-up batches actually run for a requested {@code --warmup}. */
    public static int warmupBatches(int requested) {
        return Math.max(requested, MIN_WARMUP_BATCHES);
    }

    @Override
    public Measurement measure(EmulatedPath path, BenchConfig cfg) {
        EmulatedRoundTrip rt = path.newRoundTrip();
        long bad = 0;
        for (int w = warmupBatches(cfg.warmup()); w > 0; w--) {
            bad += rt.run(BATCH);
        }
        int n = cfg.iterations();
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            bad += rt.run(BATCH);
            ns[i] = System.nanoTime() - t0;
        }
        if (bad != 0) {
            return Measurement.failed("the emulated round trip went wrong " + bad + " times ("
                    + path.description() + ")").asEmulated();
        }
        return new Measurement(RowStatus.OK, "", ns, n, HostSnapshot.UNKNOWN, Measurement.EMULATED, BATCH * 1e9);
    }
}
