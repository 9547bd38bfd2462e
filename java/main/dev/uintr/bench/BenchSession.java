package dev.uintr.bench;

import dev.uintr.AbiProfile;
import dev.uintr.backend.HostFacts;
import dev.uintr.nat.ShimLoader;
import dev.uintr.nat.UintrBenchLib;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * One bench run end to end, for {@code bench} and the run stage alike: calibrates the TSC
 * (against CLOCK_MONOTONIC_RAW, in C), measures the timer's own overhead (back-to-back
 * RDTSCP on CPU a), writes host.csv, then runs every mechanism through {@link BenchRunner}.
 */
public final class BenchSession {
    /** How long the TSC calibration runs (ms). */
    static final int CALIBRATION_MS = 200;
    /** Back-to-back RDTSCP pairs measured for the overhead figure. */
    static final int OVERHEAD_PAIRS = 100_000;

    private BenchSession() {}

    /** The profile whose models answer the hybrid rows when none is named (as {@code exec}'s default). */
    public static final AbiProfile DEFAULT_HYBRID_PROFILE = AbiProfile.LATER;

    /**
     * Measures and writes latency.csv, relative.csv, latency.png and host.csv into {@code dir}; with
     * hybrid rows also hybrid-floor.csv. Hybrid rows are answered by the models of {@code hybridProfile}.
     */
    public static List<LatencyRow> run(BenchConfig cfg, HostFacts facts, Path dir, PrintWriter console,
                                       AbiProfile hybridProfile) {
        return run(cfg, facts, dir, console, new NativeLatencySource(facts), new HybridUipiSource(hybridProfile));
    }

    /** As above with the default hybrid profile. */
    public static List<LatencyRow> run(BenchConfig cfg, HostFacts facts, Path dir, PrintWriter console) {
        return run(cfg, facts, dir, console, DEFAULT_HYBRID_PROFILE);
    }

    /** As above with other sources (tests). */
    public static List<LatencyRow> run(BenchConfig cfg, HostFacts facts, Path dir, PrintWriter console,
                                       LatencySource source, HybridLatencySource hybrid) {
        long tscHz = facts.tscHz() > 0 ? facts.tscHz() : ShimLoader.tscHz(CALIBRATION_MS);
        long[] pairs = UintrBenchLib.Calls.timerOverhead(OVERHEAD_PAIRS, cfg.cpus().a());
        long overhead = pairs.length == 0 ? -1 : LatencyStats.medianTicks(pairs);       // -1: unknown, never 0
        HostSnapshot host = HostSnapshot.of(facts, tscHz, overhead, cfg.cpus(), Path.of("/sys"));
        String load = HostCsv.loadAverage(Path.of("/proc/loadavg"));
        HostCsv.write(dir.resolve(HostCsv.FILE), host, UintrBenchLib.Calls.cpusAllowed(), load, ShimLoader.describe());
        console.printf("bench: TSC %s, timer overhead %s, threads on CPUs %s, %d iterations in %d"
                        + " round(s) + %d warm-up each, load average %s, backend %s%n",
                tscHz > 0 ? String.format(java.util.Locale.ROOT, "%.3f GHz", tscHz / 1e9) : "unknown",
                overhead < 0 ? "unknown" : overhead + " ticks (" + (tscHz > 0 ? LatencyCsv.num(host.timerOverheadNs()) : "unknown")
                        + " ns)", cfg.cpus(), cfg.iterations(), cfg.rounds(), cfg.warmup(), load, cfg.backend());
        quietnessWarning(load, UintrBenchLib.Calls.cpusAllowed()).ifPresent(console::println);
        NativeLatencySource.unavailable().ifPresent(why -> console.println("bench: native loops unavailable: " + why));
        if (cfg.backend().mayHybrid() && cfg.mechanisms().stream().anyMatch(HybridRows::has)
                && hybrid.unavailableReason() != null) {
            console.println("bench: hybrid unavailable: " + hybrid.unavailableReason());
        }
        BenchRunner runner = new BenchRunner(source, new EmulatedUipiSource(), hybrid, host, dir,
                new BenchProgress(console, BenchRunner.steps(cfg)));
        List<LatencyRow> rows = runner.run(cfg);
        console.print(LatencySummary.render(rows));
        if (!runner.floorSamples().isEmpty()) {
            console.print(HybridFloorCsv.render(runner.floorSamples(), UintrBenchLib.Calls.cpusAllowed()));
        }
        if (runner.execPingPongError() != null) {
            console.println("bench: hybrid exec ping-pong not measured: " + runner.execPingPongError());
        }
        if (runner.floorError() != null) {
            console.println("bench: hybrid floor: " + runner.floorError());
        }
        console.println("bench: reports in " + dir);
        console.flush();
        return rows;
    }

    /**
     * A warning when the host was busy as the run started (1-minute load average above a
     * quarter of the CPUs this process may use): medians from a busy host do not reproduce.
     */
    static java.util.Optional<String> quietnessWarning(String loadAvg, int cpus) {
        try {
            double load = Double.parseDouble(loadAvg);
            int n = Math.max(1, cpus);
            if (load > 0.25 * n) {
                return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                        "bench: warning: the host is busy (load average %.2f on %d CPUs): figures will be noisier "
                                + "and medians may not reproduce; see host.csv load_avg_1m", load, n));
            }
        } catch (NumberFormatException e) {
            // unknown load: nothing to say
        }
        return java.util.Optional.empty();
    }
}
