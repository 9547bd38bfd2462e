package dev.uintr.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every selected mechanism in every mode this host allows, and after each one
 * rewrites latency.csv and relative.csv atomically: an interrupted run leaves valid CSV of
 * what was done. The plot is drawn once at the end. host.csv is the caller's (it knows the
 * shim and the CPU count).
 */
public final class BenchRunner {
    private final LatencySource source;
    private final HostSnapshot host;
    private final Path dir;
    private final BenchProgress progress;

    public BenchRunner(LatencySource source, HostSnapshot host, Path dir, BenchProgress progress) {
        this.source = source;
        this.host = host;
        this.dir = dir;
        this.progress = progress;
    }

    /** The number of progress steps {@code cfg} takes. */
    public static int steps(BenchConfig cfg) {
        return cfg.mechanisms().size() * (cfg.oneWay() ? 2 : 1);
    }

    /** Runs and writes; returns the rows in the order they were measured. */
    public List<LatencyRow> run(BenchConfig cfg) {
        List<LatencyRow> rows = new ArrayList<>();
        List<LatencyPlot.Series> curves = new ArrayList<>();
        for (Mechanism m : cfg.mechanisms()) {
            for (Mode mode : Mode.values()) {
                if (mode == Mode.ONE_WAY && !cfg.oneWay()) {
                    continue;
                }
                String label = m.id() + " " + mode.id();
                progress.start(label);
                Measurement meas = mode == Mode.ONE_WAY && !"yes".equals(host.invariantTsc())
                        ? Measurement.skipped("one-way needs an invariant TSC (invariant_tsc = " + host.invariantTsc() + ")")
                        : source.measure(m, mode, cfg);
                LatencyRow row = toRow(m, mode, meas, cfg);
                rows.add(row);
                if (row.status() == RowStatus.OK) {
                    curves.add(new LatencyPlot.Series(label + " (" + row.backend() + ")", meas.ticks(), meas.count()));
                }
                LatencyCsv.write(dir.resolve(LatencyCsv.FILE), rows, cfg.expectedIntervalNs());
                RelativeTable.write(dir.resolve(RelativeTable.FILE), RelativeTable.compute(rows, cfg.normaliseTo()));
                progress.finish(label, row.status(), summary(row));
            }
        }
        if (!curves.isEmpty() && host.tscHz() > 0) {
            LatencyPlot.write(dir.resolve(LatencyPlot.FILE), curves, host.tscHz(),
                    host.cpuModel() + " · " + host.kernel() + " · CPUs " + host.pinning() + " · "
                            + cfg.iterations() + " samples each");
        }
        return rows;
    }

    LatencyRow toRow(Mechanism m, Mode mode, Measurement meas, BenchConfig cfg) {
        RowStatus status = meas.status();
        String reason = meas.reason();
        LatencyStats stats = null;
        if (status == RowStatus.OK) {
            int bad = 0;
            for (int i = 0; i < meas.count(); i++) {
                if (meas.ticks()[i] <= 0) {
                    bad++;
                }
            }
            if (meas.count() == 0) {
                status = RowStatus.FAILED;
                reason = "no samples came back";
            } else if (bad > 0) {
                status = RowStatus.FAILED;
                reason = String.format(Locale.ROOT, "%d of %d samples <= 0 ticks%s", bad, meas.count(),
                        mode == Mode.ONE_WAY ? ": the TSCs of CPUs " + cfg.cpus() + " are not synchronised" : "");
            } else if (host.tscHz() <= 0) {
                status = RowStatus.FAILED;
                reason = "TSC rate unknown: cannot convert ticks to time";
            } else {
                stats = LatencyStats.of(meas.ticks(), meas.count(), host.tscHz(), cfg.expectedIntervalNs());
            }
        }
        return new LatencyRow(m.id(), mode.id(), meas.backend(), status, reason, cfg.warmup(), meas.cpusSeen(),
                stats, host);
    }

    static String summary(LatencyRow r) {
        if (r.stats() == null) {
            return r.reason();
        }
        Percentiles p = r.stats().raw();
        return String.format(Locale.ROOT, "p50 %.2f µs  p99 %.2f µs  max %.2f µs  (n=%d)", p.p50() / 1e3, p.p99() / 1e3,
                p.max() / 1e3, p.count());
    }

    /** ExitCodes-style verdict: 1 if a row failed, 4 if every row was skipped, else 0. */
    public static int verdict(List<LatencyRow> rows) {
        if (rows.stream().anyMatch(r -> r.status() == RowStatus.FAILED)) {
            return 1;
        }
        if (!rows.isEmpty() && rows.stream().allMatch(r -> r.status() == RowStatus.SKIPPED)) {
            return 4;
        }
        return 0;
    }
}
