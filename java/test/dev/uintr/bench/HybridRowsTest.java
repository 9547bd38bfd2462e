package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.nat.FloorPlacement;
import dev.uintr.nat.PtraceFloor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hybrid rows and the floor beside them, from canned sources: how they are marked, kept apart and summed up. */
class HybridRowsTest {
    private final StringWriter console = new StringWriter();

    /** A canned hybrid source: every round trip {@code ns} ns (1 tick = 1 ns), 6 stops each, the floor at {@code floor} stops/s. */
    private static final class CannedHybrid implements HybridLatencySource {
        final long ns;
        final double floor;
        final List<Integer> floorRounds = new ArrayList<>();
        final List<FloorPlacement> placements = new ArrayList<>();
        int measured;
        /** What execPingPong answers (round trips/s, or the reason when NaN); null: the interface's default. */
        Double execRate;
        String execProblem = "canned: no program";
        final List<Integer> execRoundTrips = new ArrayList<>();

        CannedHybrid(long ns, double floor) {
            this.ns = ns;
            this.floor = floor;
        }

        @Override
        public String unavailableReason() {
            return null;
        }

        @Override
        public String profile() {
            return "later";
        }

        @Override
        public HybridRun measure(Mechanism m, BenchConfig cfg) {
            measured++;
            long[] t = new long[cfg.iterations()];
            java.util.Arrays.fill(t, ns);
            long rts = (long) cfg.warmup() + cfg.iterations();
            long stops = 6 * rts + 12;
            return new HybridRun(Measurement.ok(t, t.length, "0,1").asHybrid(), stops, rts, 40_000L * stops);   // 40 µs a stop
        }

        @Override
        public PtraceFloor floor(int rounds, FloorPlacement where) {
            floorRounds.add(rounds);
            placements.add(where);
            // Canned: the floor apart is `floor`; both on one CPU it runs four times as fast (as on this project's hosts).
            return where.tracerCpu() == where.traceeCpu() ? new PtraceFloor(floor < 0 ? floor : 4 * floor, 9)
                    : new PtraceFloor(floor, 16);
        }

        @Override
        public ExecPingPong execPingPong(int roundTrips, int timeoutMs) {
            if (execRate == null) {
                return HybridLatencySource.super.execPingPong(roundTrips, timeoutMs);
            }
            execRoundTrips.add(roundTrips);
            return execRate.isNaN() ? ExecPingPong.none(execProblem)
                    : new ExecPingPong(execRate, roundTrips, 6L * roundTrips + 20, 30_000L * (6L * roundTrips + 20), null);
        }
    }

    private BenchRunner runner(LatencySource nat, HybridLatencySource hy, BenchConfig cfg, Path dir) {
        BenchRunner r = new BenchRunner(nat, (p, c) -> Measurement.skipped("no emulated rows here"), hy, Canned.host("yes"), dir,
                new BenchProgress(new PrintWriter(console, true), BenchRunner.steps(cfg)));
        r.loadAverage = () -> 0.3;                                 // canned: a quiet host
        return r;
    }

    private static BenchConfig config(BenchBackend b, int iterations, int rounds) {
        return new BenchConfig(List.of(Mechanism.UIPI, Mechanism.UIPI_BLOCKED, Mechanism.PIPE), iterations, 10,
                CpuPair.DEFAULT, 10_000, 0, Mechanism.PIPE, false, rounds, b);
    }

    @Test
    void hybridBackend_rowsAreMarkedEmulationCost_andStayOutOfRelativeCsv(@TempDir Path dir) throws Exception {
        CannedHybrid hy = new CannedHybrid(500_000, 12_000);   // 2000 round trips/s against a floor of 2000/s
        BenchConfig cfg = config(BenchBackend.HYBRID, 300, 3);
        BenchRunner r = runner(Canned.scaled(Map.of(Mechanism.PIPE, 100L)), hy, cfg, dir);
        List<LatencyRow> rows = r.run(cfg);
        assertEquals(List.of("uipi/round-trip", "uipi/round-trip/hybrid 0,1", "uipi-blocked/round-trip",
                "uipi-blocked/round-trip/hybrid 0,1", "pipe/round-trip"), rows.stream().map(LatencyRow::key).toList());
        for (LatencyRow row : List.of(rows.get(1), rows.get(3))) {
            assertEquals(Measurement.HYBRID, row.backend());
            assertTrue(row.emulated(), "a hybrid row times an emulation");
            assertEquals(RowStatus.OK, row.status(), row.reason());
            assertTrue(row.reason().startsWith(HybridRows.NOTE), row.reason());
            assertTrue(row.reason().contains("profile later"), row.reason());
            assertTrue(row.reason().contains("6.1 per round trip"), row.reason());   // (6·310+12)/310
            assertEquals(300, row.stats().raw().count(), "every round's samples, merged");
            assertEquals(500_000, row.stats().raw().p50(), 500, "within the histogram's precision");
        }
        assertEquals(6, hy.measured, "two mechanisms, three rounds");
        // The native pipe row is the only entry of relative.csv (baseline pipe): the hybrid uipi is never its baseline.
        List<String> rel = Files.readAllLines(dir.resolve(RelativeTable.FILE));
        assertEquals(2, rel.size(), rel.toString());
        assertTrue(rel.get(1).startsWith("pipe,round-trip,pipe,"), rel.toString());
        // latency.csv keeps the marks.
        List<LatencyRow> back = LatencyCsv.read(dir.resolve(LatencyCsv.FILE));
        assertEquals("hybrid", back.get(1).backend());
        assertEquals(rows.get(1).reason(), back.get(1).reason());
        assertTrue(LatencySummary.render(rows).contains(HybridRows.NOTE), LatencySummary.render(rows));
    }

    @Test
    void floor_isMeasuredAfterEveryHybridMeasurement_asLongAsIt_andTheRatioIsOfTheMedians(@TempDir Path dir)
            throws Exception {
        CannedHybrid hy = new CannedHybrid(1_000_000, 12_000);   // 1000 round trips/s, floor 12000/6 = 2000/s
        BenchConfig cfg = config(BenchBackend.HYBRID, 300, 3);
        BenchRunner r = runner(Canned.scaled(Map.of(Mechanism.PIPE, 100L)), hy, cfg, dir);
        r.run(cfg);
        // 3 floor rounds (6 stops) per round trip run, warm-up included: the floor takes as many stops as the loop,
        // once apart on the bench's CPUs (the target's floor), once on one CPU (information).
        assertEquals(java.util.Collections.nCopies(12, 330), hy.floorRounds);
        for (int i = 0; i < 12; i += 2) {
            assertEquals(FloorPlacement.apart(0, 1), hy.placements.get(i));
            assertEquals(FloorPlacement.together(0), hy.placements.get(i + 1));
        }
        List<FloorSample> f = r.floorSamples();
        assertEquals(6, f.size());
        for (FloorSample s : f) {
            assertEquals(1000, s.roundTripsPerSec(), 1e-6);
            assertEquals(2000, s.floorRoundTripsPerSec(), 1e-6);
            assertEquals(0.5, s.ratio(), 1e-9);
            assertEquals("0,1", s.floorCpus());
            assertEquals(0.125, s.oneCpuRatio(), 1e-9, "the one-CPU floor is four times the floor apart here");
        }
        List<String> csv = Files.readAllLines(dir.resolve(HybridFloorCsv.FILE));
        assertEquals(String.join(",", HybridFloorCsv.HEADER), csv.get(0));
        assertEquals(1 + 6 + 2, csv.size(), csv.toString());
        // (6·110 + 12) / 110 = 6.1 stops per round trip in each round.
        assertEquals("median,uipi,later,1000.0,6.1,12000.0,2000.0,0.500,0.50,yes,40.0,16.0,\"0,1\",48000.0,0.125,0.30", csv.get(7));
        assertTrue(csv.get(8).startsWith("median,uipi-blocked,later,"), csv.toString());
        assertTrue(csv.get(8).endsWith(",0.500,,,40.0,16.0,\"0,1\",48000.0,0.125,0.30"), "the target is the uipi ping-pong's: " + csv.get(8));
        String text = HybridFloorCsv.render(f, 2);
        assertFalse(text.contains("warning"), "load 0.3 on 2 CPUs is quiet: " + text);
        assertTrue(text.contains("hybrid uipi (later): 1,000 round trips/s"), text);
        assertTrue(text.contains("ptrace floor (tracer,tracee on CPUs 0,1) 12,000 stops/s = 2,000 round trips/s"), text);
        assertTrue(text.contains("the floor with tracer and tracee on one CPU makes 48,000 stops/s (13% of it; no target"), text);
        assertTrue(text.contains("ratio 50% (target >= 50%: met)"), text);
        assertTrue(text.contains("tracer CPU 40.0 µs per stop, the floor's 16.0 µs (2.5x)"), text);
    }

    /** Issue 13's bound is worded for an unmodified ping-pong through exec: it runs after each uipi round, with its own floor. */
    @Test
    void execPingPong_runsAfterEachUipiRound_withItsOwnFloor_andCarriesTheTarget(@TempDir Path dir) throws Exception {
        CannedHybrid hy = new CannedHybrid(1_000_000, 12_000);
        hy.execRate = 1500.0;                                      // 75% of the 2000 round trips/s floor
        BenchConfig cfg = config(BenchBackend.HYBRID, 300, 2);
        BenchRunner r = runner(Canned.scaled(Map.of(Mechanism.PIPE, 100L)), hy, cfg, dir);
        r.run(cfg);
        assertEquals(List.of(160, 160), hy.execRoundTrips, "as many round trips as the uipi loop ran, warm-up included");
        List<FloorSample> exec = r.floorSamples().stream().filter(s -> s.mechanism().equals(BenchRunner.EXEC_PING_PONG)).toList();
        assertEquals(2, exec.size());
        assertEquals(0.75, exec.get(0).ratio(), 1e-9);
        assertEquals(30.0, exec.get(0).tracerCpuUsPerStop(), 1e-9);
        assertEquals(12, hy.floorRounds.size(), "in each of 2 rounds two floors after uipi, uipi-blocked and exec-ping-pong");
        List<String> csv = Files.readAllLines(dir.resolve(HybridFloorCsv.FILE));
        assertTrue(csv.contains("median,exec-ping-pong,later,1500.0,6.1,12000.0,2000.0,0.750,0.50,yes,30.0,16.0,\"0,1\",48000.0,0.188,0.30"), csv.toString());
        assertTrue(HybridFloorCsv.render(r.floorSamples(), 2).contains("hybrid exec-ping-pong (later): 1,500 round trips/s"));
        assertEquals(null, r.execPingPongError());
    }

    @Test
    void execPingPong_thatCannotRun_addsNoFigure_andSaysWhy(@TempDir Path dir) {
        CannedHybrid hy = new CannedHybrid(1_000_000, 12_000);
        hy.execRate = Double.NaN;
        hy.execProblem = "programs/ping-pong is not built (canned)";
        BenchConfig cfg = config(BenchBackend.HYBRID, 100, 1);
        BenchRunner r = runner(Canned.scaled(Map.of(Mechanism.PIPE, 100L)), hy, cfg, dir);
        r.run(cfg);
        assertTrue(r.floorSamples().stream().noneMatch(s -> s.mechanism().equals(BenchRunner.EXEC_PING_PONG)));
        assertEquals("programs/ping-pong is not built (canned)", r.execPingPongError());
    }

    @Test
    void execPingPong_readsTheProgramsOwnFigure() {
        assertEquals(2129, ExecPingPong.parse("rounds=10000 ns=4697510794 round_trips_per_s=2129\n"));
        assertTrue(Double.isNaN(ExecPingPong.parse("ping-pong: uintr setup failed")));
    }

    @Test
    void medians_areTakenPerColumn_overTheRounds() {
        List<FloorSample> s = List.of(new FloorSample(1, "uipi", "rfc-v1", 900, 6, 10_000, Double.NaN, Double.NaN, "0,1", 40_000, Double.NaN),
                new FloorSample(2, "uipi", "rfc-v1", 100, 7, 14_000, Double.NaN, Double.NaN, "0,1", Double.NaN, Double.NaN),
                new FloorSample(3, "uipi", "rfc-v1", 1200, 6, 12_000, Double.NaN, Double.NaN, "0,1", 60_000, Double.NaN));
        FloorSample m = HybridFloorCsv.medians(s).get(0);
        assertEquals(900, m.roundTripsPerSec());
        assertEquals(6, m.stopsPerRoundTrip());
        assertEquals(12_000, m.floorStopsPerSec());
        assertEquals(900 / 2000.0, m.ratio(), 1e-12);
        assertTrue(Double.isNaN(m.tracerCpuUsPerStop()) && Double.isNaN(m.floorCpuUsPerStop()), "no CPU figures given: none made up");
        assertEquals(50_000, m.oneCpuFloorStopsPerSec(), "the median of the one-CPU floors measured, a missing one left out");
        assertEquals("0,1", m.floorCpus());
        FloorSample c = HybridFloorCsv.medians(List.of(new FloorSample(1, "uipi", "later", 900, 6, 10_000, 50, 15, "0,1", Double.NaN, Double.NaN),
                new FloorSample(2, "uipi", "later", 900, 6, 10_000, 30, 17, "0,1", Double.NaN, Double.NaN),
                new FloorSample(3, "uipi", "later", 900, 6, 10_000, 90, 14, "0,1", Double.NaN, Double.NaN))).get(0);
        assertEquals(50, c.tracerCpuUsPerStop());
        assertEquals(15, c.floorCpuUsPerStop());
    }

    @Test
    void aRoundOnABusyHost_isFlaggedBesideTheRatios() {
        List<FloorSample> s = List.of(new FloorSample(1, "uipi", "later", 900, 6, 12_000, 30, 20, "0,1", 48_000, 0.4),
                new FloorSample(2, "uipi", "later", 300, 6, 12_000, 30, 20, "0,1", 48_000, 3.5));
        String busy = HybridFloorCsv.render(s, 2);
        assertTrue(busy.contains("warning: load average up to 3.50 on 2 CPUs during these rounds"), busy);
        assertFalse(HybridFloorCsv.render(s, 16).contains("warning"), "3.5 on 16 CPUs is not busy");
        assertEquals(1.95, HybridFloorCsv.medians(s).get(0).loadAvg1m(), 1e-9);
    }

    @Test
    void floorThatFails_addsNoFigure_andSaysWhy(@TempDir Path dir) {
        CannedHybrid hy = new CannedHybrid(1_000_000, -1);   // EPERM
        BenchConfig cfg = config(BenchBackend.HYBRID, 100, 1);
        BenchRunner r = runner(Canned.scaled(Map.of(Mechanism.PIPE, 100L)), hy, cfg, dir);
        r.run(cfg);
        assertTrue(r.floorSamples().isEmpty());
        assertTrue(r.floorError().contains("errno 1"), r.floorError());
        assertFalse(Files.exists(dir.resolve(HybridFloorCsv.FILE)));
    }

    @Test
    void hybridBackend_whereHybridCannotRun_skipsWithTheReason(@TempDir Path dir) {
        BenchConfig cfg = config(BenchBackend.HYBRID, 100, 1);
        List<LatencyRow> rows = runner(Canned.scaled(Map.of(Mechanism.PIPE, 100L)),
                HybridLatencySource.unavailable("ptrace forbidden here (canned)"), cfg, dir).run(cfg);
        LatencyRow h = rows.get(1);
        assertEquals("hybrid", h.backend());
        assertEquals(RowStatus.SKIPPED, h.status());
        assertTrue(h.reason().contains("ptrace forbidden here (canned)") && h.reason().contains(HybridRows.NOTE), h.reason());
    }

    @Test
    void auto_addsHybridRows_onlyWhereTheNativeRoundTripWasSkipped_andHybridRuns(@TempDir Path dir) {
        BenchConfig cfg = new BenchConfig(List.of(Mechanism.UIPI, Mechanism.UIPI_BLOCKED, Mechanism.PIPE), 100, 10,
                CpuPair.DEFAULT, 10_000, 0, Mechanism.PIPE, false, 1, BenchBackend.AUTO);
        // native uipi measured, uipi-blocked skipped: only uipi-blocked gets a hybrid stand-in.
        LatencySource nat = Canned.scaled(Map.of(Mechanism.UIPI, 10L, Mechanism.PIPE, 100L));
        List<LatencyRow> rows = runner(nat, new CannedHybrid(1000, 12_000), cfg, dir.resolve("a")).run(cfg);
        assertEquals(List.of("uipi/round-trip", "uipi-blocked/round-trip", "uipi-blocked/round-trip/hybrid 0,1",
                "pipe/round-trip"), rows.stream().map(LatencyRow::key).toList());
        // hybrid unavailable: auto adds nothing (no skipped hybrid rows cluttering a native report).
        rows = runner(nat, HybridLatencySource.unavailable("canned"), cfg, dir.resolve("b")).run(cfg);
        assertEquals(List.of("uipi/round-trip", "uipi-blocked/round-trip", "pipe/round-trip"),
                rows.stream().map(LatencyRow::key).toList());
        // native and emulated backends never add hybrid rows.
        for (BenchBackend b : List.of(BenchBackend.NATIVE, BenchBackend.BOTH)) {
            BenchConfig c = new BenchConfig(cfg.mechanisms(), 100, 10, CpuPair.DEFAULT, 10_000, 0, Mechanism.PIPE, false,
                    1, b);
            assertTrue(runner(nat, new CannedHybrid(1000, 12_000), c, dir.resolve(b.id())).run(c).stream()
                    .noneMatch(r -> r.backend().equals("hybrid")), b.id());
        }
    }

    @Test
    void hybridBackend_needsAUipiMechanism() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.uintr.BadInputException.class,
                () -> new BenchConfig(List.of(Mechanism.PIPE), 100, 10, CpuPair.DEFAULT, 10_000, 0, Mechanism.PIPE, false,
                        1, BenchBackend.HYBRID));
        assertTrue(e.getMessage().startsWith("--backend hybrid"), e.getMessage());
    }
}
