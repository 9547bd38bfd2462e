package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uintr.cli.CliRunner;
import dev.uintr.nat.UintrBenchLib;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRunner.execute(out, err, args);
    }

    private void assertUsage(String option, String bad, String... args) {
        assertEquals(2, run(args), err.toString());
        assertTrue(err.toString().contains(option), "names the option: " + err);
        assertTrue(err.toString().contains(bad), "names the bad value: " + err);
    }

    @Test
    void unknownMechanism_exit2() {
        assertUsage("--mechanisms", "'nope'", "bench", "--mechanisms", "pipe,nope");
    }

    @Test
    void badCpus_exit2() {
        assertUsage("--cpus", "'0'", "bench", "--cpus", "0");
        assertUsage("--cpus", "'x'", "bench", "--cpus", "0,x");
        // A CPU this process may not run on is a usage error up front, not a row of failures.
        assertUsage("--cpus", "CPU 4095", "bench", "--cpus", "0,4095");
    }

    @Test
    void badIterations_exit2() {
        assertUsage("--iterations", "0", "bench", "--iterations", "0");
        assertUsage("--iterations", "many", "bench", "--iterations", "many");
    }

    @Test
    void badRounds_exit2() {
        assertUsage("--rounds", "0", "bench", "--rounds", "0");
    }

    @Test
    void badNormaliseTo_exit2() {
        assertUsage("--normalise-to", "'fastest'", "bench", "--normalise-to", "fastest");
    }

    @Test
    void badBackend_exit2() {
        assertUsage("--backend", "'hardware'", "bench", "--backend", "hardware");
    }

    @Test
    void emulatedBackendWithoutUipi_exit2() {
        assertUsage("--backend emulated", "uipi", "bench", "--backend", "emulated", "--mechanisms", "pipe");
    }

    @Test
    void emulatedBackend_endToEnd_writesOnlyMarkedEmulatedRows(@TempDir Path reports) throws Exception {
        assumeTrue(UintrBenchLib.Calls.available(), "native benchmarks unavailable: " + UintrBenchLib.Calls.unavailableReason());
        assertEquals(0, run("bench", "--backend", "emulated", "--mechanisms", "uipi,pipe", "--iterations", "100",
                "--warmup", "0", "--rounds", "2", "--reports", reports.toString()), err.toString());
        Path run;
        try (Stream<Path> s = Files.list(reports.resolve("runs"))) {
            run = s.findFirst().orElseThrow();
        }
        List<LatencyRow> rows = LatencyCsv.read(run.resolve(LatencyCsv.FILE));
        assertEquals(List.of("emu0,emu0", "emu0,emu1"), rows.stream().map(r -> r.host().pinning()).toList());
        for (LatencyRow r : rows) {
            assertEquals("emulated", r.backend());
            assertEquals(RowStatus.OK, r.status(), r.reason());
            assertEquals(100, r.stats().raw().count());
            assertTrue(r.stats().raw().min() > 0);
        }
        assertEquals(1, Files.readAllLines(run.resolve(RelativeTable.FILE)).size(), "relative.csv has no row");
        assertTrue(out.toString().contains("emulation cost of the Java model, not hardware latency"), out.toString());
    }

    @Test
    void hybridBackendWithoutUipi_exit2() {
        assertUsage("--backend hybrid", "uipi", "bench", "--backend", "hybrid", "--mechanisms", "pipe");
    }

    @Test
    void badProfile_exit2() {
        assertUsage("--profile", "'sapphire'", "bench", "--profile", "sapphire");
        assertUsage("--profile none", "rfc-v1 or later", "bench", "--profile", "none");
    }

    @Test
    void hybridBackend_endToEnd_writesHybridRowsAndTheFloor(@TempDir Path reports) throws Exception {
        assumeTrue(dev.uintr.hybrid.HybridAvailability.available(),
                () -> "hybrid unavailable: " + dev.uintr.hybrid.HybridAvailability.reason());
        assertEquals(0, run("bench", "--backend", "hybrid", "--profile", "later", "--mechanisms", "uipi", "--iterations",
                "40", "--warmup", "4", "--rounds", "2", "--no-one-way", "--timeout-ms", "20000", "--reports",
                reports.toString()), err.toString() + out);
        Path dir;
        try (Stream<Path> runs = Files.list(reports.resolve("runs"))) {
            dir = runs.findFirst().orElseThrow();
        }
        List<LatencyRow> rows = LatencyCsv.read(dir.resolve(LatencyCsv.FILE));
        LatencyRow h = rows.stream().filter(r -> r.backend().equals("hybrid")).findFirst().orElseThrow();
        assertEquals(RowStatus.OK, h.status(), h.reason());
        assertEquals(40, h.stats().raw().count());
        assertTrue(h.reason().startsWith(HybridRows.NOTE), h.reason());
        List<String> floor = Files.readAllLines(dir.resolve(HybridFloorCsv.FILE));
        // header; per round the uipi loop and the example ping-pong through exec; their medians
        assertEquals(1 + 2 * 2 + 2, floor.size(), floor.toString());
        assertTrue(floor.get(1).startsWith("1,uipi,later,") && floor.get(2).startsWith("1,exec-ping-pong,later,"), floor.toString());
        assertTrue(floor.get(5).startsWith("median,uipi,later,") && floor.get(6).startsWith("median,exec-ping-pong,later,"),
                floor.toString());
        assertTrue(out.toString().contains("bench: hybrid uipi (later):") && out.toString().contains("ratio"), out.toString());
        assertTrue(out.toString().contains("bench: hybrid exec-ping-pong (later):"), out.toString());
        assertEquals(1, Files.readAllLines(dir.resolve(RelativeTable.FILE)).size(), "no native row measured: no table");
    }

    @Test
    void unknownOption_exit2() {
        assertUsage("--bogus", "--bogus", "bench", "--bogus");
    }

    @Test
    void compareWithoutRuns_orMissingRun_exit2(@TempDir Path dir) {
        assertEquals(2, run("report", "compare"));
        assertUsage("RUN", "missing-run", "report", "compare", dir.resolve("missing-run").toString());
    }

    @Test
    void compareMalformedCsv_exit2NamingFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("latency.csv"), "mechanism\npipe\n");
        assertUsage(bad + ":1", "missing column", "report", "compare", bad.toString());
    }

    @Test
    void benchThenCompare_endToEnd(@TempDir Path reports) throws Exception {
        assumeTrue(UintrBenchLib.Calls.available(), "native benchmarks unavailable: " + UintrBenchLib.Calls.unavailableReason());
        for (int i = 0; i < 2; i++) {
            assertEquals(0, run("bench", "--mechanisms", "pipe,shm-spin", "--iterations", "200", "--warmup", "10", "--rounds", "2",
                    "--reports", reports.toString()), err.toString());
        }
        List<Path> runs;
        try (Stream<Path> s = Files.list(reports.resolve("runs"))) {
            runs = s.sorted().toList();
        }
        assertEquals(2, runs.size());
        for (Path r : runs) {
            for (String f : List.of(LatencyCsv.FILE, HostCsv.FILE, RelativeTable.FILE, LatencyPlot.FILE)) {
                assertTrue(Files.size(r.resolve(f)) > 0, r + "/" + f);
            }
            List<LatencyRow> rows = LatencyCsv.read(r.resolve(LatencyCsv.FILE));
            assertTrue(rows.stream().filter(x -> x.mode().equals("round-trip")).allMatch(x -> x.status() == RowStatus.OK),
                    rows.toString());
        }
        assertTrue(out.toString().contains("ETA"), "progress line with an ETA");
        assertEquals(0, run("report", "compare", runs.get(0).toString(), runs.get(1).toString()), err.toString());
        assertTrue(out.toString().contains("pipe/round-trip"));
        assertTrue(out.toString().contains("run2 Δp50 %"));
    }
}
