package dev.uintr.bench;

import dev.uintr.nat.FloorPlacement;
import dev.uintr.nat.PtraceFloor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every selected mechanism in every mode this host allows, and after each one
 * rewrites latency.csv and relative.csv atomically: an interrupted run leaves valid CSV of
 * what was done. The plot is drawn once at the end. host.csv is the caller's (it knows the
 * shim and the CPU count).
 *
 * <p>The emulated uipi paths ({@link EmulatedPath}) run right after the native uipi round trip,
 * as rows of their own with backend {@code emulated}: with {@link BenchBackend#AUTO} only when
 * that native row was skipped, with {@code both} and {@code emulated} always. Their samples are
 * converted with their own tick rate, never with the TSC's.
 *
 * <p>The hybrid rows ({@link HybridRows}: uipi and uipi-blocked round trip, the C loops under the
 * hybrid supervisor) run right after their mechanism's native rows: with {@link BenchBackend#HYBRID}
 * always (skipped with the reason where hybrid cannot run), with {@code auto} only when that
 * mechanism's native round trip was skipped and hybrid runs here. Each hybrid measurement is followed
 * at once by the bare ptrace floor ({@link HybridLatencySource#floor}), and
 * hybrid-floor.csv is rewritten with the rounds so far ({@link HybridFloorCsv}).
 */
public final class BenchRunner {
    private final LatencySource source;
    private final EmulatedLatencySource emulated;
    private final HybridLatencySource hybrid;
    private final List<FloorSample> floor = new ArrayList<>();
    private String floorError;
    private String execPingPongError;
    private final HostSnapshot host;
    private final Path dir;
    private final BenchProgress progress;
    /** The host's 1-minute load average now (NaN unknown), kept with each floor; tests set their own. */
    java.util.function.DoubleSupplier loadAverage = BenchRunner::loadAverageNow;

    /** Native rows from {@code source}, emulated rows from the Java model. */
    public BenchRunner(LatencySource source, HostSnapshot host, Path dir, BenchProgress progress) {
        this(source, new EmulatedUipiSource(), host, dir, progress);
    }

    public BenchRunner(LatencySource source, EmulatedLatencySource emulated, HostSnapshot host, Path dir,
                       BenchProgress progress) {
        this(source, emulated, HybridLatencySource.unavailable("no hybrid source given to this bench runner"), host, dir,
                progress);
    }

    public BenchRunner(LatencySource source, EmulatedLatencySource emulated, HybridLatencySource hybrid,
                       HostSnapshot host, Path dir, BenchProgress progress) {
        this.source = source;
        this.emulated = emulated;
        this.hybrid = hybrid;
        this.host = host;
        this.dir = dir;
        this.progress = progress;
    }

    /** The number of progress steps {@code cfg} takes (an emulated path auto leaves out is passed over). */
    public static int steps(BenchConfig cfg) {
        int perRound = cfg.backend().runsNative() ? cfg.mechanisms().size() * (cfg.oneWay() ? 2 : 1) : 0;
        if (cfg.backend().mayEmulate() && cfg.mechanisms().contains(Mechanism.UIPI)) {
            perRound += EmulatedPath.values().length;
        }
        if (cfg.backend().mayHybrid()) {
            perRound += (int) cfg.mechanisms().stream().filter(HybridRows::has).count();
        }
        return perRound * cfg.rounds();
    }

    /** One mechanism in one mode (native, or one emulated path), with the samples of the rounds so far. */
    private static final class Unit {
        final Mechanism mechanism;
        final Mode mode;
        final EmulatedPath path;   // null: native or hybrid
        final boolean hybrid;      // the C loop under the hybrid supervisor
        final Unit nativeTwin;     // auto: the native uipi round trip whose skip lets this emulated unit run
        long[] ticks = new long[0];
        int count;
        double ticksPerSecond;
        LatencyRow row;          // null until its first round ended
        boolean dropped;         // auto, and the native twin was not skipped: no row
        String cpusSeen = HostSnapshot.UNKNOWN;
        long stops;              // hybrid: stops the models answered, over the rounds so far
        long roundTrips;         // hybrid: round trips run (warm-up included), over the rounds so far

        Unit(Mechanism mechanism, Mode mode, EmulatedPath path, Unit nativeTwin) {
            this(mechanism, mode, path, false, nativeTwin);
        }

        Unit(Mechanism mechanism, Mode mode, EmulatedPath path, boolean hybrid, Unit nativeTwin) {
            this.mechanism = mechanism;
            this.mode = mode;
            this.path = path;
            this.hybrid = hybrid;
            this.nativeTwin = nativeTwin;
        }

        String label() {
            return mechanism.id() + " " + mode.id() + (path == null ? "" : " emulated " + path.cpus())
                    + (hybrid ? " hybrid" : "");
        }

        boolean finished() {
            return dropped || (row != null && row.status() != RowStatus.OK);
        }

        void append(Measurement m) {
            long[] t = java.util.Arrays.copyOf(ticks, count + m.count());
            System.arraycopy(m.ticks(), 0, t, count, m.count());
            ticks = t;
            count += m.count();
            cpusSeen = m.cpusSeen();
            ticksPerSecond = m.ticksPerSecond();
        }
    }

    /**
     * Runs and writes; returns the rows in mechanism order. With several rounds, round 1 of
     * every unit runs first, then round 2, and so on; a unit's row holds its merged samples.
     * A unit skipped or failed in one round is not run again.
     */
    public List<LatencyRow> run(BenchConfig cfg) {
        List<Unit> units = units(cfg);
        for (int round = 0; round < cfg.rounds(); round++) {
            BenchConfig roundCfg = cfg.withIterations(cfg.iterationsInRound(round));
            String of = cfg.rounds() > 1 ? String.format(Locale.ROOT, " (round %d/%d)", round + 1, cfg.rounds()) : "";
            for (Unit u : units) {
                if (u.row == null && u.nativeTwin != null
                        && (u.nativeTwin.row == null || u.nativeTwin.row.status() != RowStatus.SKIPPED)) {
                    u.dropped = true;   // auto: the native uipi round trip ran (or failed), so no emulated stand-in
                }
                if (u.row == null && u.hybrid && u.nativeTwin != null && hybrid.unavailableReason() != null) {
                    u.dropped = true;   // auto: hybrid cannot run here, so no hybrid stand-in either
                }
                if (u.finished()) {
                    progress.pass();
                    continue;
                }
                progress.start(u.label() + of);
                Measurement meas;
                HybridRun hr = null;
                if (u.path != null) {
                    meas = emulated.measure(u.path, roundCfg);
                } else if (u.hybrid) {
                    BenchConfig sized = HybridRows.sized(roundCfg);
                    hr = hybrid.measure(u.mechanism, sized);
                    meas = hr.measurement();
                    if (meas.status() == RowStatus.OK) {
                        u.stops += hr.stops();
                        u.roundTrips += hr.roundTrips();
                        measureFloor(round + 1, u.mechanism, hr, sized);
                        if (u.mechanism == Mechanism.UIPI) {
                            measureExecPingPong(round + 1, sized);
                        }
                    }
                } else if (u.mode == Mode.ONE_WAY && !"yes".equals(host.invariantTsc())) {
                    meas = Measurement.skipped("one-way needs an invariant TSC (invariant_tsc = " + host.invariantTsc() + ")");
                } else {
                    meas = source.measure(u.mechanism, u.mode, roundCfg);
                }
                if (meas.status() == RowStatus.OK) {
                    u.append(meas);
                    u.row = toRow(u, new Measurement(RowStatus.OK, "", u.ticks, u.count, u.cpusSeen,
                            meas.backend(), u.ticksPerSecond), cfg);
                } else {
                    String why = cfg.rounds() > 1 && meas.status() == RowStatus.FAILED
                            ? "round " + (round + 1) + ": " + meas.reason() : meas.reason();
                    u.row = toRow(u, new Measurement(meas.status(), why, new long[0], 0,
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
            if (u.row != null && u.row.status() == RowStatus.OK) {
                curves.add(u.hybrid
                        ? LatencyPlot.Series.of(u.mechanism.id() + " " + u.mode.id() + " (hybrid " + hybrid.profile()
                                + ": supervisor cost, not hardware)", u.ticks, u.count, host.tscHz(), true)
                        : u.path == null
                        ? LatencyPlot.Series.of(u.label() + " (native)", u.ticks, u.count, host.tscHz(), false)
                        : LatencyPlot.Series.of(u.mechanism.id() + " " + u.mode.id() + " (emulated " + u.path.cpus()
                                + ": Java model cost, not hardware)", u.ticks, u.count, u.ticksPerSecond, true));
            }
        }
        if (!curves.isEmpty()) {
            LatencyPlot.write(dir.resolve(LatencyPlot.FILE), curves,
                    host.cpuModel() + " · " + host.kernel() + " · CPUs " + host.pinning() + " · "
                            + cfg.iterations() + " samples each");
        }
        return rows(units);
    }

    /**
     * One floor measurement right after a hybrid one, as long: 3 floor rounds (6 stops) per round trip
     * the hybrid loop ran. Kept with the hybrid figures of the same round, and hybrid-floor.csv rewritten.
     */
    private void measureFloor(int round, Mechanism m, HybridRun hr, BenchConfig roundCfg) {
        Measurement meas = hr.measurement();
        double sumTicks = 0;
        for (int i = 0; i < meas.count(); i++) {
            sumTicks += meas.ticks()[i];
        }
        if (!(sumTicks > 0) || host.tscHz() <= 0) {
            floorError = "no hybrid rate: TSC rate unknown or no time measured";
            return;
        }
        double rtPerSec = meas.count() * (double) host.tscHz() / sumTicks;
        floorBeside(round, m.id(), rtPerSec, hr.roundTrips() > 0 ? (double) hr.stops() / hr.roundTrips() : Double.NaN,
                hr.tracerCpuUsPerStop(), (long) roundCfg.warmup() + roundCfg.iterations(), roundCfg.cpus());
    }

    /**
     * The example ping-pong through exec (the bound of issue 13 is worded for it: an unmodified
     * program, its threads unpinned), as many round trips as the uipi loop ran, then the floor beside
     * it. Where it cannot run, the reason is kept and the uipi figures stand alone.
     */
    private void measureExecPingPong(int round, BenchConfig roundCfg) {
        int roundTrips = roundCfg.warmup() + roundCfg.iterations();
        ExecPingPong e = hybrid.execPingPong(roundTrips, roundCfg.timeoutMs());
        if (e.problem() != null) {
            execPingPongError = e.problem();
            return;
        }
        floorBeside(round, EXEC_PING_PONG, e.roundTripsPerSec(), e.stopsPerRoundTrip(), e.tracerCpuUsPerStop(), roundTrips,
                roundCfg.cpus());
    }

    /**
     * The floor loop for as many stops as {@code roundTrips} ping-pong round trips take, kept beside a
     * hybrid figure: tracer and tracee apart on the bench's two CPUs (the figure the target is about:
     * pinned, because left to the scheduler they share a CPU whenever the other one is busy and the
     * floor quadruples), then both on CPU a (information; a failure there only leaves it empty).
     */
    private void floorBeside(int round, String what, double rtPerSec, double stopsPerRt, double cpuPerStop, long roundTrips,
                             CpuPair cpus) {
        int floorRounds = (int) Math.min(10_000_000L, Math.max(100L, 3L * roundTrips));
        FloorPlacement apart = FloorPlacement.apart(cpus.a(), cpus.b());
        PtraceFloor f = hybrid.floor(floorRounds, apart);
        if (!f.measured()) {
            floorError = "the ptrace floor (tracer,tracee on CPUs " + apart.label() + ") could not be measured (errno "
                    + (long) -f.stopsPerSec() + ")";
            return;
        }
        PtraceFloor one = hybrid.floor(floorRounds, FloorPlacement.together(cpus.a()));
        floor.add(new FloorSample(round, what, hybrid.profile(), rtPerSec, stopsPerRt, f.stopsPerSec(), cpuPerStop,
                f.cpuUsPerStop(), apart.label(), one.measured() ? one.stopsPerSec() : Double.NaN, loadAverage.getAsDouble()));
        HybridFloorCsv.write(dir.resolve(HybridFloorCsv.FILE), floor);
    }

    private static double loadAverageNow() {
        try {
            return Double.parseDouble(HostCsv.loadAverage(Path.of("/proc/loadavg")));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The hybrid-floor.csv name of the exec ping-pong rows. */
    public static final String EXEC_PING_PONG = "exec-ping-pong";

    /** Why the exec ping-pong could not be measured (the last time it was tried), or null. */
    public String execPingPongError() {
        return execPingPongError;
    }

    /** The hybrid speed checks so far, one per hybrid measurement (empty when no hybrid row ran). */
    public List<FloorSample> floorSamples() {
        return List.copyOf(floor);
    }

    /** Why the last floor measurement failed, or null. */
    public String floorError() {
        return floorError;
    }

    /**
     * The units in run order: each mechanism's native modes, right after uipi's the emulated
     * paths (auto ties them to the native uipi round trip), then the mechanism's hybrid round trip
     * (auto ties it to the native round trip of the same mechanism).
     */
    private static List<Unit> units(BenchConfig cfg) {
        List<Unit> units = new ArrayList<>();
        BenchBackend b = cfg.backend();
        for (Mechanism m : cfg.mechanisms()) {
            Unit roundTrip = null;
            if (b.runsNative()) {
                for (Mode mode : Mode.values()) {
                    if (mode == Mode.ROUND_TRIP || cfg.oneWay()) {
                        Unit u = new Unit(m, mode, null, null);
                        units.add(u);
                        if (mode == Mode.ROUND_TRIP) {
                            roundTrip = u;
                        }
                    }
                }
            }
            if (m == Mechanism.UIPI && b.mayEmulate()) {
                for (EmulatedPath p : EmulatedPath.values()) {
                    units.add(new Unit(m, Mode.ROUND_TRIP, p, b == BenchBackend.AUTO ? roundTrip : null));
                }
            }
            if (HybridRows.has(m) && b.mayHybrid()) {
                units.add(new Unit(m, Mode.ROUND_TRIP, null, true, b == BenchBackend.AUTO ? roundTrip : null));
            }
        }
        return units;
    }

    private static List<LatencyRow> rows(List<Unit> units) {
        return units.stream().filter(u -> u.row != null).map(u -> u.row).toList();
    }

    private LatencyRow toRow(Unit u, Measurement meas, BenchConfig cfg) {
        if (u.hybrid) {
            return toHybridRow(u.mechanism, meas, u.stops, u.roundTrips, cfg);
        }
        return u.path == null ? toRow(u.mechanism, u.mode, meas, cfg) : toEmulatedRow(u.mechanism, u.path, meas, cfg);
    }

    /**
     * A hybrid row: backend hybrid, the note {@link HybridRows#NOTE} first in its reason (also when ok,
     * with the profile and the stops per round trip), samples in TSC ticks of the traced loop, never
     * corrected for coordinated omission.
     */
    LatencyRow toHybridRow(Mechanism m, Measurement meas, long stops, long roundTrips, BenchConfig cfg) {
        LatencyRow r = toRow(m, Mode.ROUND_TRIP, meas, HybridRows.sized(cfg.withExpectedInterval(0)));
        String reason = r.status() == RowStatus.OK ? HybridRows.okReason(hybrid.profile(), stops, roundTrips)
                : HybridRows.notOkReason(r.reason());
        return new LatencyRow(r.mechanism(), r.mode(), Measurement.HYBRID, r.status(), reason, r.warmup(),
                r.cpusSeen(), r.stats(), r.host());
    }

    /**
     * An emulated row: backend emulated, the emulated CPUs in {@code cpus}, the note "emulation cost
     * of the Java model, not hardware latency" as its reason (also when ok), samples converted with
     * their own tick rate and never corrected for coordinated omission (there is no request interval).
     */
    LatencyRow toEmulatedRow(Mechanism m, EmulatedPath path, Measurement meas, BenchConfig cfg) {
        RowStatus status = meas.status();
        String note = path.note(EmulatedUipiSource.BATCH);
        String reason = status == RowStatus.OK ? note : meas.reason() + " (" + EmulatedPath.NOTE + ")";
        LatencyStats stats = null;
        if (status == RowStatus.OK) {
            int bad = meas.nonPositiveSamples();
            if (meas.count() == 0 || bad > 0 || !(meas.ticksPerSecond() > 0)) {
                status = RowStatus.FAILED;
                reason = String.format(Locale.ROOT, "%d samples, %d of them <= 0, tick rate %s (%s)", meas.count(), bad,
                        meas.ticksPerSecond(), EmulatedPath.NOTE);
            } else {
                stats = LatencyStats.of(meas.ticks(), meas.count(), meas.ticksPerSecond(), 0);
            }
        }
        return new LatencyRow(m.id(), Mode.ROUND_TRIP.id(), Measurement.EMULATED, status, reason,
                EmulatedUipiSource.warmupBatches(cfg.warmup()), HostSnapshot.UNKNOWN, stats,
                host.withPinning(path.cpus()));
    }

    LatencyRow toRow(Mechanism m, Mode mode, Measurement meas, BenchConfig cfg) {
        RowStatus status = meas.status();
        String reason = meas.reason();
        LatencyStats stats = null;
        if (status == RowStatus.OK) {
            int bad = meas.nonPositiveSamples();
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
        return String.format(Locale.ROOT, "p50 %.3f µs  p99 %.3f µs  max %.3f µs  (n=%d)%s", p.p50() / 1e3,
                p.p99() / 1e3, p.max() / 1e3, p.count(), r.emulated() ? "  [" + r.emulationNote() + "]" : "");
    }
}
