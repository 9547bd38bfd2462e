package dev.uintr.bench;

import dev.uintr.BadInputException;
import java.util.List;

/**
 * What one bench run measures.
 *
 * @param mechanisms         in the order they run
 * @param iterations         measured samples per mechanism and mode
 * @param warmup             iterations run first and discarded
 * @param cpus               where the two threads are pinned
 * @param timeoutMs          a measurement's child is killed after this long
 * @param expectedIntervalNs when &gt; 0, the coordinated-omission-corrected figures are added for this interval
 * @param normaliseTo        the relative table's baseline when uipi was not measured
 * @param oneWay             also measure one-way latency (only taken where the TSC is invariant)
 * @param rounds             the iterations are split into this many rounds, interleaved across the
 *                           mechanisms (round 1 of every mechanism, then round 2, ...), and the samples
 *                           merged: a burst of interference on a shared host then spreads over every
 *                           mechanism instead of ruining one, which keeps medians reproducible
 * @param backend            which rows: native, the emulated uipi round trips, both, or auto (the emulated
 *                           ones only where the native uipi round trip was skipped); see {@link BenchBackend}
 */
public record BenchConfig(List<Mechanism> mechanisms, int iterations, int warmup, CpuPair cpus, int timeoutMs,
                          long expectedIntervalNs, Mechanism normaliseTo, boolean oneWay, int rounds,
                          BenchBackend backend) {
    public static final int DEFAULT_ITERATIONS = 20_000;
    public static final int QUICK_ITERATIONS = 200;
    public static final int DEFAULT_ROUNDS = 5;

    public BenchConfig {
        mechanisms = List.copyOf(mechanisms);
        if (mechanisms.isEmpty()) {
            throw new BadInputException("--mechanisms: no mechanism selected");
        }
        if (iterations <= 0 || iterations > 10_000_000) {
            throw new BadInputException("--iterations: must be between 1 and 10000000, got " + iterations);
        }
        if (warmup < 0 || warmup > 10_000_000) {
            throw new BadInputException("--warmup: must be between 0 and 10000000, got " + warmup);
        }
        if (timeoutMs <= 0 || timeoutMs > 600_000) {
            throw new BadInputException("--timeout-ms: must be between 1 and 600000 (10 minutes), got " + timeoutMs);
        }
        if (rounds <= 0 || rounds > iterations) {
            throw new BadInputException("--rounds: must be between 1 and --iterations (" + iterations + "), got " + rounds);
        }
        if (expectedIntervalNs < 0 || expectedIntervalNs > 1_000_000_000L) {
            throw new BadInputException("--expected-interval-ns: must be between 0 and 1000000000 (1 s), got "
                    + expectedIntervalNs);
        }
        if (backend == null) {
            throw new IllegalArgumentException("backend");
        }
        if (backend == BenchBackend.EMULATED && !mechanisms.contains(Mechanism.UIPI)) {
            throw new BadInputException("--backend emulated: only uipi has an emulated path, and --mechanisms "
                    + "does not select it");
        }
        if (backend == BenchBackend.HYBRID && mechanisms.stream().noneMatch(HybridRows::has)) {
            throw new BadInputException("--backend hybrid: only uipi and uipi-blocked run under the hybrid supervisor, "
                    + "and --mechanisms selects neither");
        }
    }

    /**
     * Every mechanism, default sizes, pinned to 0,1, normalised to eventfd when uipi is not measured,
     * backend auto.
     */
    public static BenchConfig defaults() {
        return new BenchConfig(List.of(Mechanism.values()), DEFAULT_ITERATIONS, 1_000, CpuPair.DEFAULT, 60_000, 0,
                Mechanism.EVENTFD, true, DEFAULT_ROUNDS, BenchBackend.AUTO);
    }

    /** The run stage's short bench: every mechanism, few iterations (ctx.quick()) or a modest number, backend auto. */
    public static BenchConfig forStage(boolean quick) {
        return new BenchConfig(List.of(Mechanism.values()), quick ? QUICK_ITERATIONS : 5_000, quick ? 20 : 500,
                CpuPair.DEFAULT, 30_000, 0, Mechanism.EVENTFD, true, quick ? 1 : DEFAULT_ROUNDS, BenchBackend.AUTO);
    }

    /** Samples measured in round {@code r} (0-based): the iterations split as evenly as possible. */
    public int iterationsInRound(int r) {
        return iterations / rounds + (r < iterations % rounds ? 1 : 0);
    }

    /** This configuration without (0) or with another coordinated-omission interval. */
    public BenchConfig withExpectedInterval(long ns) {
        return new BenchConfig(mechanisms, iterations, warmup, cpus, timeoutMs, ns, normaliseTo, oneWay, rounds,
                backend);
    }

    /** This configuration with another iteration count, one round (what one native call measures). */
    public BenchConfig withIterations(int n) {
        return new BenchConfig(mechanisms, n, warmup, cpus, timeoutMs, expectedIntervalNs, normaliseTo, oneWay, 1,
                backend);
    }
}
