package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.isa.Upid;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulated uipi rows: what they measure, how they are marked, and that relative.csv ignores them. */
class EmulatedRowsTest {
    private final StringWriter console = new StringWriter();

    /** A canned emulated source: every sample a batch of 1000 round trips of {@code ns} ns each, rate 10^12/s. */
    private static EmulatedLatencySource canned(long ns) {
        return (path, cfg) -> {
            long[] t = new long[cfg.iterations()];
            java.util.Arrays.fill(t, ns * EmulatedUipiSource.BATCH * (path == EmulatedPath.TWO_CPUS ? 2 : 1));
            return new Measurement(RowStatus.OK, "", t, t.length, HostSnapshot.UNKNOWN, Measurement.EMULATED,
                    EmulatedUipiSource.BATCH * 1e9);
        };
    }

    private List<LatencyRow> run(LatencySource nat, EmulatedLatencySource emu, BenchConfig cfg, Path dir) {
        return new BenchRunner(nat, emu, Canned.host("yes"), dir,
                new BenchProgress(new PrintWriter(console, true), BenchRunner.steps(cfg))).run(cfg);
    }

    // ---------------------------------------------------------------- the emulated paths themselves

    @Test
    void bothPaths_runCleanRoundTrips_isa7_5_isa8_isa9_isa7_4() {
        // SENDUIPI (§7.5) -> notification processing (§8) -> delivery (§9) -> UIRET (§7.4), every step checked.
        for (EmulatedPath p : EmulatedPath.values()) {
            assertEquals(0, p.newRoundTrip().run(1000), p.name());
        }
    }

    @Test
    void pingPong_countsABrokenPath_notAQuietZero_isa8() {
        // The receiver's UPID names another notification vector than its UINV: §8 identification sends the
        // IPI to the IDT instead, nothing is delivered, and the bench must notice.
        PingPongRoundTrip rt = new PingPongRoundTrip();
        rt.machine().memory().write64(PingPongRoundTrip.UPID_B,
                Upid.of(false, false, 0, 0xED, 0, (long) PingPongRoundTrip.B << 8, 0).lo());
        assertTrue(rt.run(3) > 0);
    }

    @Test
    void pingPong_theIpiReallyCrossesToTheOtherCpu() {
        PingPongRoundTrip rt = new PingPongRoundTrip();
        rt.run(5);
        // every notification ends with the receiver's EOI (§8 step 3): 5 on each CPU, none elsewhere.
        assertEquals(5, rt.machine().cpu(PingPongRoundTrip.A).apic.eoiCount);
        assertEquals(5, rt.machine().cpu(PingPongRoundTrip.B).apic.eoiCount);
    }

    @Test
    void realSource_givesPlausibleSamples() {
        BenchConfig cfg = Canned.config(List.of(Mechanism.UIPI), 40, false, BenchBackend.EMULATED);
        for (EmulatedPath p : EmulatedPath.values()) {
            Measurement m = new EmulatedUipiSource().measure(p, cfg);
            assertEquals(RowStatus.OK, m.status(), m.reason());
            assertEquals(Measurement.EMULATED, m.backend());
            assertEquals(40, m.count());
            assertEquals(EmulatedUipiSource.BATCH * 1e9, m.ticksPerSecond());
            for (int i = 0; i < m.count(); i++) {
                double nsPerRoundTrip = m.ticks()[i] * 1e9 / m.ticksPerSecond();
                assertTrue(nsPerRoundTrip > 0 && nsPerRoundTrip < 1e6, p + " sample " + i + ": " + nsPerRoundTrip + " ns");
            }
        }
    }

    // ---------------------------------------------------------------- rows, CSV, relative table

    @Test
    void auto_addsEmulatedRows_whenTheNativeUipiRoundTripWasSkipped(@TempDir Path dir) {
        BenchConfig cfg = Canned.config(List.of(Mechanism.UIPI, Mechanism.EVENTFD, Mechanism.PIPE), 300, false,
                BenchBackend.AUTO);
        List<LatencyRow> rows = run(Canned.scaled(Map.of(Mechanism.EVENTFD, 100L, Mechanism.PIPE, 200L)), canned(50),
                cfg, dir);
        assertEquals(List.of("uipi/round-trip", "uipi/round-trip/emulated emu0,emu0",
                "uipi/round-trip/emulated emu0,emu1", "eventfd/round-trip", "pipe/round-trip"),
                rows.stream().map(LatencyRow::key).toList());
        assertEquals(RowStatus.SKIPPED, rows.get(0).status());
        for (LatencyRow r : rows.subList(1, 3)) {
            assertEquals("emulated", r.backend());
            assertEquals(RowStatus.OK, r.status());
            assertTrue(r.reason().startsWith("emulation cost of the Java model, not hardware latency"), r.reason());
            assertEquals(300, r.stats().raw().count());
            assertTrue(r.stats().raw().min() > 0);
            assertTrue(Double.isNaN(r.timerOverheadPct()), "RDTSCP overhead does not apply to emulated rows");
        }
        // The batch's ns are converted with the batch's own rate: 50 ns per round trip, 100 on two CPUs.
        assertEquals(50, rows.get(1).stats().raw().p50(), 0.1);
        assertEquals(100, rows.get(2).stats().raw().p50(), 0.1);

        List<LatencyRow> back = LatencyCsv.read(dir.resolve(LatencyCsv.FILE));
        assertEquals(rows.stream().map(LatencyRow::key).toList(), back.stream().map(LatencyRow::key).toList());
        assertEquals("emulated", back.get(2).backend());
        assertEquals("emu0,emu1", back.get(2).host().pinning());
        assertEquals(rows.get(2).reason(), back.get(2).reason());
        assertTrue(console.toString().contains("uipi round-trip emulated emu0,emu1"), console.toString());
        assertTrue(LatencySummary.render(rows).contains("emulated emu0,emu1"), LatencySummary.render(rows));
    }

    @Test
    void relativeCsv_neverUsesEmulatedRows_asBaselineOrEntry(@TempDir Path dir) throws Exception {
        BenchConfig cfg = Canned.config(List.of(Mechanism.UIPI, Mechanism.EVENTFD, Mechanism.PIPE), 300, false,
                BenchBackend.AUTO);
        run(Canned.scaled(Map.of(Mechanism.EVENTFD, 100L, Mechanism.PIPE, 200L)), canned(50), cfg, dir);
        List<String> rel = Files.readAllLines(dir.resolve(RelativeTable.FILE));
        // header + eventfd + pipe, both against the native fallback; no uipi line, no ratio to the 50 ns rows.
        assertEquals(3, rel.size(), rel.toString());
        assertTrue(rel.get(1).startsWith("eventfd,round-trip,eventfd,"), rel.toString());
        assertTrue(rel.get(2).startsWith("pipe,round-trip,eventfd,") && rel.get(2).contains(",2.00,2.00,"), rel.toString());
    }

    @Test
    void relativeTable_skipsAnEmulatedUipiRow_evenAlone() {
        Percentiles fast = new Percentiles(50, 50, 60, 60, 50, 60, 50, 0, 100);
        Percentiles slow = new Percentiles(5000, 5000, 6000, 6000, 5000, 6000, 5000, 0, 100);
        LatencyRow emu = new LatencyRow("uipi", "round-trip", "emulated", RowStatus.OK, EmulatedPath.NOTE, 200,
                "unknown", new LatencyStats(fast, null), Canned.host("yes").withPinning("emu0,emu1"));
        LatencyRow pipe = new LatencyRow("pipe", "round-trip", "native", RowStatus.OK, "", 10, "0,1",
                new LatencyStats(slow, null), Canned.host("yes"));
        assertTrue(RelativeTable.compute(List.of(emu, pipe), Mechanism.EVENTFD).isEmpty(),
                "no native baseline: no table, and the emulated uipi never stands in");
        List<RelativeTable.Entry> e = RelativeTable.compute(List.of(emu, pipe), Mechanism.PIPE);
        assertEquals(1, e.size());
        assertEquals("pipe", e.get(0).baseline());
        assertEquals("pipe", e.get(0).mechanism());
    }

    @Test
    void auto_addsNoEmulatedRow_whenNativeUipiWasMeasured_butBothDoes(@TempDir Path dir) throws Exception {
        LatencySource withUipi = Canned.scaled(Map.of(Mechanism.UIPI, 10L, Mechanism.PIPE, 160L));
        BenchConfig auto = Canned.config(List.of(Mechanism.UIPI, Mechanism.PIPE), 200, false, BenchBackend.AUTO);
        List<LatencyRow> rows = run(withUipi, canned(50), auto, dir.resolve("auto"));
        assertEquals(List.of("uipi/round-trip", "pipe/round-trip"), rows.stream().map(LatencyRow::key).toList());

        BenchConfig both = Canned.config(List.of(Mechanism.UIPI, Mechanism.PIPE), 200, false, BenchBackend.BOTH);
        rows = run(withUipi, canned(1), both, dir.resolve("both"));
        assertEquals(4, rows.size());
        assertEquals(2, rows.stream().filter(LatencyRow::emulated).count());
        List<String> rel = Files.readAllLines(dir.resolve("both").resolve(RelativeTable.FILE));
        // the native uipi is the baseline; the 1 ns emulated rows are neither baseline nor entries.
        assertEquals(3, rel.size(), rel.toString());
        assertTrue(rel.get(1).startsWith("uipi,round-trip,uipi,2000.0,1.00,1.00,"), rel.toString());
        assertTrue(rel.get(2).startsWith("pipe,round-trip,uipi,") && rel.get(2).endsWith(",16.00,16.3"), rel.toString());
    }

    @Test
    void emulatedOnly_runsNoNativeLoop(@TempDir Path dir) throws Exception {
        BenchConfig cfg = Canned.config(List.of(Mechanism.UIPI, Mechanism.PIPE), 100, true, BenchBackend.EMULATED);
        LatencySource forbidden = (m, mode, c) -> {
            throw new AssertionError("native loop run with --backend emulated: " + m + " " + mode);
        };
        List<LatencyRow> rows = run(forbidden, canned(50), cfg, dir);
        assertEquals(2, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.emulated() && r.status() == RowStatus.OK));
        assertEquals(1, Files.readAllLines(dir.resolve(RelativeTable.FILE)).size(), "relative.csv: header only");
        assertTrue(Files.size(dir.resolve(LatencyPlot.FILE)) > 1000, "the emulated curves are drawn");
        assertEquals(0, new BenchResults(rows).verdict().exitCode());
        assertEquals(2, BenchRunner.steps(cfg));
    }

    @Test
    void brokenEmulation_failsItsRow(@TempDir Path dir) {
        BenchConfig cfg = Canned.config(List.of(Mechanism.UIPI), 50, false, BenchBackend.EMULATED);
        EmulatedLatencySource broken = (p, c) -> Measurement.failed("the emulated round trip went wrong 3 times").asEmulated();
        List<LatencyRow> rows = run((m, mode, c) -> Measurement.skipped("x"), broken, cfg, dir);
        assertTrue(rows.stream().allMatch(r -> r.status() == RowStatus.FAILED && r.emulated()), rows.toString());
        assertTrue(rows.get(0).reason().contains("went wrong 3 times") && rows.get(0).reason().contains(EmulatedPath.NOTE));
        assertEquals(1, new BenchResults(rows).verdict().exitCode());
    }

    @Test
    void emulatedOnly_withoutUipi_isBadInput() {
        dev.uintr.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(dev.uintr.BadInputException.class,
                () -> Canned.config(List.of(Mechanism.PIPE), 10, false, BenchBackend.EMULATED));
        assertTrue(e.getMessage().startsWith("--backend emulated:"), e.getMessage());
    }

    @Test
    void backendParse_namesOptionAndValue() {
        assertEquals(BenchBackend.BOTH, BenchBackend.parse("Both", "--backend"));
        dev.uintr.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(dev.uintr.BadInputException.class,
                () -> BenchBackend.parse("hardware", "--backend"));
        assertEquals("--backend: unknown backend 'hardware' (expected one of auto, native, emulated, both, hybrid)", e.getMessage());
    }

    @Test
    void keys_keepEmulatedAndNativeApart() {
        LatencyRow nat = new LatencyRow("uipi", "round-trip", "native", RowStatus.SKIPPED, "x", 0, "unknown", null,
                Canned.host("yes"));
        LatencyRow emu = new LatencyRow("uipi", "round-trip", "emulated", RowStatus.SKIPPED, "x", 0, "unknown", null,
                Canned.host("yes").withPinning("emu0,emu0"));
        assertEquals("uipi/round-trip", nat.key());
        assertNotEquals(nat.key(), emu.key());
        assertFalse(nat.emulated());
        assertTrue(emu.emulated());
    }

    @Test
    void reportCompare_keepsEmulatedRowsOnLinesOfTheirOwn(@TempDir Path dir) {
        BenchConfig cfg = Canned.config(List.of(Mechanism.UIPI, Mechanism.PIPE), 100, false, BenchBackend.AUTO);
        LatencySource nat = Canned.scaled(Map.of(Mechanism.PIPE, 200L));
        run(nat, canned(50), cfg, dir.resolve("r1"));
        run(nat, canned(55), cfg, dir.resolve("r2"));
        RunComparison c = RunComparison.load(List.of(dir.resolve("r1"), dir.resolve("r2")));
        assertEquals(List.of("uipi/round-trip", "uipi/round-trip/emulated emu0,emu0",
                "uipi/round-trip/emulated emu0,emu1", "pipe/round-trip"), List.copyOf(c.keys()));
        assertEquals(10.0, c.p50ChangePct("uipi/round-trip/emulated emu0,emu0", 1), 0.2);
        assertTrue(Double.isNaN(c.p50ChangePct("uipi/round-trip", 1)), "the skipped native row has no figure");
    }

    @Test
    void auto_uipiOnlyOnAHostWithoutUintr_exitsZero_becauseTheEmulatedRowsRan(@TempDir Path dir) {
        BenchConfig cfg = Canned.config(List.of(Mechanism.UIPI), 50, false, BenchBackend.AUTO);
        List<LatencyRow> rows = run(Canned.scaled(Map.of()), canned(50), cfg, dir);
        assertEquals(3, rows.size());
        assertEquals(0, new BenchResults(rows).verdict().exitCode());
        BenchConfig nativeOnly = Canned.config(List.of(Mechanism.UIPI), 50, false, BenchBackend.NATIVE);
        assertEquals(4, new BenchResults(run(Canned.scaled(Map.of()), canned(50), nativeOnly, dir.resolve("n"))).verdict().exitCode());
    }

    @Test
    void plot_convertsEachCurveWithItsOwnRate() {
        // 1000 batches of 1..1000 ns at 10^12 ticks/s: 0.001 ns .. 1 ns per round trip = 1e-6 .. 1e-3 µs.
        XYSeries s = LatencyPlot.curve(LatencyPlot.Series.of("emu", Canned.ramp(1000), 1000, 1e12, true));
        assertEquals(1e-3, s.getY(s.getItemCount() - 1).doubleValue(), 2e-6);
    }
}
