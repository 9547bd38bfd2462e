package dev.uintr.bench;

import org.HdrHistogram.Histogram;

/**
 * The summary of one measurement: the raw distribution and, when an expected interval was
 * given, the coordinated-omission-corrected one (HdrHistogram's copyCorrectedForCoordinatedOmission:
 * every sample longer than the interval also stands for the requests that would have been
 * issued meanwhile). Samples are recorded in TSC ticks (exact integers) and converted to
 * nanoseconds with the calibrated TSC rate.
 *
 * @param raw       the samples as measured
 * @param corrected the corrected distribution, or null when no interval was given
 */
public record LatencyStats(Percentiles raw, Percentiles corrected) {
    private static final int SIGNIFICANT_DIGITS = 3;

    /**
     * Summarises {@code ticks[0..count)}. Every sample must be &gt; 0 (the caller reports
     * non-positive one-way samples as a failure before getting here).
     *
     * @param tscHz              TSC ticks per second (&gt; 0)
     * @param expectedIntervalNs 0 for none
     */
    public static LatencyStats of(long[] ticks, int count, double tscHz, long expectedIntervalNs) {
        if (count <= 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(tscHz > 0)) {
            throw new IllegalArgumentException("TSC rate unknown");
        }
        Histogram h = new Histogram(SIGNIFICANT_DIGITS);
        for (int i = 0; i < count; i++) {
            if (ticks[i] <= 0) {
                throw new IllegalArgumentException("sample " + i + " is " + ticks[i] + " ticks (must be > 0)");
            }
            h.recordValue(ticks[i]);
        }
        double nsPerTick = 1e9 / tscHz;
        Percentiles raw = summarise(h, nsPerTick);
        Percentiles corrected = null;
        if (expectedIntervalNs > 0) {
            long intervalTicks = Math.max(1, Math.round(expectedIntervalNs / nsPerTick));
            corrected = summarise(h.copyCorrectedForCoordinatedOmission(intervalTicks), nsPerTick);
        }
        return new LatencyStats(raw, corrected);
    }

    private static Percentiles summarise(Histogram h, double nsPerTick) {
        return new Percentiles(
                h.getValueAtPercentile(50.0) * nsPerTick,
                h.getValueAtPercentile(90.0) * nsPerTick,
                h.getValueAtPercentile(99.0) * nsPerTick,
                h.getValueAtPercentile(99.9) * nsPerTick,
                h.getMinValue() * nsPerTick,
                h.getMaxValue() * nsPerTick,
                h.getMean() * nsPerTick,
                h.getStdDeviation() * nsPerTick,
                h.getTotalCount());
    }

    /** Median of raw ticks (the timer overhead figure), exact; 0 for an empty array. */
    public static long medianTicks(long[] ticks) {
        if (ticks.length == 0) {
            return 0;
        }
        long[] s = ticks.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
