package dev.uintr.bench;

/**
 * One distribution's summary, in nanoseconds: HdrHistogram percentiles, min and max (3 significant
 * digits: within 0.1% of the recorded value), mean, standard deviation and the number of samples.
 */
public record Percentiles(double p50, double p90, double p99, double p999, double min, double max, double mean,
                          double stddev, long count) {
}
