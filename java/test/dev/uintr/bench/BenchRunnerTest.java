package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRunnerTest {
    private final StringWriter console = new StringWriter();

    private BenchRunner runner(LatencySource src, String invariantTsc, Path dir, BenchConfig cfg) {
        return new BenchRunner(src, Canned.host(invariantTsc), dir,
                new BenchProgress(new PrintWriter(console, true), BenchRunner.steps(cfg)));
    }

    @Test
    void everyMechanismAndMode_getsARow_andAllFilesAreWritten(@TempDir Path dir) throws Exception {
        BenchConfig cfg = Canned.config(List.of(Mechanism.UIPI, Mechanism.PIPE, Mechanism.EVENTFD), 500, true);
        List<LatencyRow> rows = runner(Canned.scaled(Map.of(Mechanism.PIPE, 10L, Mechanism.EVENTFD, 5L)), "yes", dir, cfg)
                .run(cfg);
        assertEquals(6, rows.size());
        assertEquals(List.of("uipi/round-trip", "uipi/one-way", "pipe/round-trip", "pipe/one-way",
                "eventfd/round-trip", "eventfd/one-way"), rows.stream().map(LatencyRow::key).toList());
        assertEquals(RowStatus.SKIPPED, rows.get(0).status());
        List<LatencyRow> back = LatencyCsv.read(dir.resolve(LatencyCsv.FILE));
        assertEquals(rows.stream().map(r -> r.key() + " " + r.status()).toList(),
                back.stream().map(r -> r.key() + " " + r.status()).toList());
        assertTrue(Files.size(dir.resolve(LatencyPlot.FILE)) > 1000, "a PNG was drawn");
        byte[] png = Files.readAllBytes(dir.resolve(LatencyPlot.FILE));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        List<String> rel = Files.readAllLines(dir.resolve(RelativeTable.FILE));
        assertTrue(rel.stream().anyMatch(l -> l.startsWith("pipe,round-trip,eventfd,") && l.endsWith(",2.00,2.00,")),
                rel.toString());
        assertTrue(console.toString().contains("ETA"), console.toString());
        assertEquals(0, new BenchResults(rows).verdict().exitCode());
    }

    @Test
    void interruptedRun_leavesValidCsvOfWhatWasDone_andNoTempFiles(@TempDir Path dir) throws Exception {
        BenchConfig cfg = Canned.config(List.of(Mechanism.PIPE, Mechanism.FUTEX, Mechanism.UNIX), 200, false);
        LatencySource healthy = Canned.scaled(Map.of(Mechanism.PIPE, 3L, Mechanism.FUTEX, 2L));
        List<Integer> rowsSeenBeforeEach = new ArrayList<>();
        LatencySource dying = (m, mode, c) -> {
            Path csv = dir.resolve(LatencyCsv.FILE);
            rowsSeenBeforeEach.add(Files.exists(csv) ? LatencyCsv.read(csv).size() : 0);
            if (m == Mechanism.UNIX) {
                throw new IllegalStateException("interrupted (simulated ^C)");
            }
            return healthy.measure(m, mode, c);
        };
        assertThrows(IllegalStateException.class, () -> runner(dying, "yes", dir, cfg).run(cfg));
        assertEquals(List.of(0, 1, 2), rowsSeenBeforeEach, "the CSV is rewritten after each mechanism");
        List<LatencyRow> done = LatencyCsv.read(dir.resolve(LatencyCsv.FILE));
        assertEquals(List.of("pipe/round-trip", "futex/round-trip"), done.stream().map(LatencyRow::key).toList());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void rounds_interleaveTheMechanisms_andMergeTheirSamples(@TempDir Path dir) {
        BenchConfig cfg = new BenchConfig(List.of(Mechanism.UIPI, Mechanism.PIPE, Mechanism.FUTEX), 1001, 10,
                CpuPair.DEFAULT, 10_000, 0, Mechanism.EVENTFD, false, 3, BenchBackend.NATIVE);
        List<String> calls = new ArrayList<>();
        LatencySource inner = Canned.scaled(Map.of(Mechanism.PIPE, 3L, Mechanism.FUTEX, 2L));
        LatencySource recording = (m, mode, c) -> {
            calls.add(m.id() + ":" + c.iterations());
            return inner.measure(m, mode, c);
        };
        List<LatencyRow> rows = runner(recording, "yes", dir, cfg).run(cfg);
        // uipi is skipped in round 1 and not asked again; 1001 = 334 + 334 + 333.
        assertEquals(List.of("uipi:334", "pipe:334", "futex:334", "pipe:334", "futex:334", "pipe:333", "futex:333"), calls);
        assertEquals(List.of("uipi/round-trip", "pipe/round-trip", "futex/round-trip"),
                rows.stream().map(LatencyRow::key).toList());
        assertEquals(RowStatus.SKIPPED, rows.get(0).status());
        assertEquals(1001, rows.get(1).stats().raw().count());
        assertEquals(1001, LatencyCsv.read(dir.resolve(LatencyCsv.FILE)).get(2).stats().raw().count());
    }

    @Test
    void roundsAboveIterations_isBadInput() {
        assertThrows(dev.uintr.BadInputException.class, () -> new BenchConfig(List.of(Mechanism.PIPE), 2, 0,
                CpuPair.DEFAULT, 1000, 0, Mechanism.EVENTFD, false, 3, BenchBackend.NATIVE));
    }

    @Test
    void oneWay_isSkippedWithoutAnInvariantTsc(@TempDir Path dir) {
        BenchConfig cfg = Canned.config(List.of(Mechanism.PIPE), 100, true);
        List<LatencyRow> rows = runner(Canned.scaled(Map.of(Mechanism.PIPE, 3L)), "unknown", dir, cfg).run(cfg);
        assertEquals(RowStatus.OK, rows.get(0).status());
        assertEquals(RowStatus.SKIPPED, rows.get(1).status());
        assertTrue(rows.get(1).reason().contains("invariant TSC"), rows.get(1).reason());
    }

    @Test
    void nonPositiveOneWaySamples_failTheRow_namingTheTsc(@TempDir Path dir) {
        BenchConfig cfg = Canned.config(List.of(Mechanism.FUTEX), 100, true);
        LatencySource skewed = (m, mode, c) -> {
            long[] t = Canned.ramp(c.iterations());
            if (mode == Mode.ONE_WAY) {
                t[3] = -40;
                t[7] = 0;
            }
            return Measurement.ok(t, t.length, "0,1");
        };
        List<LatencyRow> rows = runner(skewed, "yes", dir, cfg).run(cfg);
        assertEquals(RowStatus.OK, rows.get(0).status());
        assertEquals(RowStatus.FAILED, rows.get(1).status());
        assertTrue(rows.get(1).reason().startsWith("2 of 100 samples <= 0 ticks: the TSCs of CPUs 0,1"), rows.get(1).reason());
        assertEquals(1, new BenchResults(rows).verdict().exitCode());
    }

    @Test
    void verdict_allSkippedIs4_failureDominates() {
        LatencyRow skip = new LatencyRow("uipi", "round-trip", "native", RowStatus.SKIPPED, "x", 0, "unknown", null,
                Canned.host("yes"));
        LatencyRow fail = new LatencyRow("pipe", "round-trip", "native", RowStatus.FAILED, "x", 0, "unknown", null,
                Canned.host("yes"));
        assertEquals(4, new BenchResults(List.of(skip, skip)).verdict().exitCode());
        assertEquals(1, new BenchResults(List.of(skip, fail)).verdict().exitCode());
    }

    @Test
    void busyHost_isWarnedAbout() {
        assertTrue(BenchSession.quietnessWarning("1.50", 2).orElseThrow().contains("load average 1.50 on 2 CPUs"));
        assertTrue(BenchSession.quietnessWarning("0.10", 2).isEmpty());
        assertTrue(BenchSession.quietnessWarning("unknown", 2).isEmpty());
    }

    @Test
    void progress_barAndEta() {
        StringWriter w = new StringWriter();
        BenchProgress p = new BenchProgress(new PrintWriter(w), 4);
        assertEquals("?", p.eta());
        p.start("a");
        p.finish("a", RowStatus.OK, "");
        p.start("b");
        p.finish("b", RowStatus.SKIPPED, "");
        assertEquals("[##########----------]", p.bar());
        assertTrue(p.eta().matches("\\d+:\\d\\d"), p.eta());
        assertEquals("1:05", BenchProgress.clock(65_000_000_000L));
    }
}
