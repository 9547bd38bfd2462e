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
        return cfg.mechanisms().size() * (cfg.oneWay() ? 2 : 1) * cfg.rounds();
    }

    /** One mechanism in one mode, with the samples of the rounds so far. */
    private static final class Unit {
        final Mechanism mechanism;
        final Mode mode;
        long[] ticks = new long[0];
        int count;
        LatencyRow row;          // null until its first round ended
        String cpusSeen = HostSnapshot.UNKNOWN;

        Unit(Mechanism mechanism, Mode mode) {
            this.mechanism = mechanism;
            this.mode = mode;
        }

        String label() {
            return mechanism.id() + " " + mode.id();
        }

        boolean finished() {
            return row != null && row.status() != RowStatus.OK;
        }

        void append(Measurement m) {
            long[] t = java.util.Arrays.copyOf(ticks, count + m.count());
            System.arraycopy(m.ticks(), 0, t, count, m.count());
            ticks = t;
            count += m.count();
            cpusSeen = m.cpusSeen();
        }
    }

    /**
     * Runs and writes; returns the rows in mechanism order. With several rounds, round 1 of
     * every unit runs first, then round 2, and so on; a unit's row holds its merged samples.
     * A unit skipped or failed in one round is not run again.
     */
    public List<LatencyRow> run(BenchConfig cfg) {
        List<Unit> units = new ArrayList<>();
        for (Mechanism m : cfg.mechanisms()) {
            for (Mode mode : Mode.values()) {
                if (mode == Mode.ROUND_TRIP || cfg.oneWay()) {
                    units.add(new Unit(m, mode));
                }
            }
        }
        for (int round = 0; round < cfg.rounds(); round++) {
            BenchConfig roundCfg = cfg.withIterations(cfg.iterationsInRound(round));
            String of = cfg.rounds() > 1 ? String.format(Locale.ROOT, " (round %d/%d)", round + 1, cfg.rounds()) : "";
            for (Unit u : units) {
                if (u.finished()) {
                    progress.pass();
                    continue;
                }
                progress.start(u.label() + of);
                Measurement meas = u.mode == Mode.ONE_WAY && !"yes".equals(host.invariantTsc())
                        ? Measurement.skipped("one-way needs an invariant TSC (invariant_tsc = " + host.invariantTsc() + ")")
                        : source.measure(u.mechanism, u.mode, roundCfg);
                if (meas.status() == RowStatus.OK) {
                    u.append(meas);
                    u.row = toRow(u.mechanism, u.mode, new Measurement(RowStatus.OK, "", u.ticks, u.count, u.cpusSeen,
                            meas.backend()), cfg);
                } else {
                    String why = cfg.rounds() > 1 && meas.status() == RowStatus.FAILED
                            ? "round " + (round + 1) + ": " + meas.reason() : meas.reason();
                    u.row = toRow(u.mechanism, u.mode, new Measurement(meas.status(), why, new long[0], 0,
                            meas.cpusSeen(), meas.backend()), cfg);
                }
                List<LatencyRow> rows = rows(units);
                LatencyCsv.write(dir.resolve(LatencyCsv.FILE), rows, cfg.expectedIntervalNs());
                RelativeTable.write(dir.resolve(RelativeTable.FILE), RelativeTable.compute(rows, cfg.normaliseTo()));
                progress.finish(u.label() + of, u.row.status(), summary(u.row));
            }
        }
        List<LatencyPlot.Series> curves = new ArrayList<>();
        for (Unit u : units) {
            if (u.row.status() == RowStatus.OK) {
                curves.add(new LatencyPlot.Series(u.label() + " (" + u.row.backend() + ")", u.ticks, u.count));
            }
        }
        if (!curves.isEmpty() && host.tscHz() > 0) {
            LatencyPlot.write(dir.resolve(LatencyPlot.FILE), curves, host.tscHz(),
                    host.cpuModel() + " · " + host.kernel() + " · CPUs " + host.pinning() + " · "
                            + cfg.iterations() + " samples each");
        }
        return rows(units);
    }

    private static List<LatencyRow> rows(List<Unit> units) {
        return units.stream().filter(u -> u.row != null).map(u -> u.row).toList();
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
