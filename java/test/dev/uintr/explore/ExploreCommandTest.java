package dev.uintr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.cli.CliRunner;
import dev.uintr.cli.ExitCodes;
import dev.uintr.cli.ExploreStage;
import dev.uintr.cli.RunContext;
import dev.uintr.report.RunFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code uintr-harness explore} and the "explore" run stage. */
class ExploreCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int exec(String... args) {
        return CliRunner.execute(out, err, args);
    }

    @Test
    void shippedScenarios_everyVerdictMatches_exit0_tableAndTraces() {
        assertEquals(ExitCodes.OK, exec("explore", "--scenario", "bystander"));
        String o = out.toString();
        assertTrue(o.startsWith("SCENARIO"), o);
        assertTrue(o.matches("(?s).*\\nbystander +rfc-v1 +naive +lost-wakeup .*"), o);
        assertTrue(o.contains("= scenario bystander · profile rfc-v1 · design naive · invariant lost-wakeup"), o);
        assertTrue(o.contains("n/a"), "later × naive is n/a: " + o);
        assertTrue(o.contains("every verdict matches"), o);
        assertTrue(o.matches("(?s).*\\nrfc-v1 +naive +1/1 +0/1 +0/1 +0/1 +0/1 .*"), o);
    }

    @Test
    void csvFormat_header_andOneRowPerPair() {
        assertEquals(ExitCodes.OK, exec("explore", "--scenario", "hot-unplug", "--profile", "rfc-v1", "--format", "csv"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(String.join(",", DesignComparison.CSV_COLUMNS), lines.get(0));
        assertEquals(1 + dev.uintr.kernel.BlockingDesign.values().length, lines.size(), out.toString());
        assertTrue(lines.get(2).startsWith("hot-unplug,rfc-v1,kernel-vector,lost-wakeup,lost-wakeup,match,exhaustive,"),
                lines.get(2));
    }

    @Test
    void aDeclaredExpectationTheSearchContradicts_exit1() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("sc"));
        List<String> lines = Files.readAllLines(Path.of("fixtures/scenarios/bystander.txt")).stream()
                .map(l -> l.startsWith("expect    naive") ? "expect naive none" : l).toList();
        Files.write(dir.resolve("bystander.txt"), lines);
        assertEquals(ExitCodes.FAILED, exec("explore", "--scenarios", dir.toString(), "--design", "naive"));
        assertTrue(out.toString().contains("MISMATCH"), out.toString());
    }

    @Test
    void malformedScenarioFile_exit2_namesFileAndLine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.write(dir.resolve("x.txt"), List.of("scenario x", "cpus 2", "profiles rfc-v1", "task rx cpu=3"));
        assertEquals(ExitCodes.USAGE, exec("explore", "--scenarios", dir.toString()));
        assertTrue(err.toString().contains("x.txt:4: task rx: cpu 3 out of range (0..1)"), err.toString());
    }

    @Test
    void badOptionValues_exit2_nameTheOption() {
        assertEquals(ExitCodes.USAGE, exec("explore", "--design", "optimistic"));
        assertTrue(err.toString().contains("--design: unknown blocking design 'optimistic'"), err.toString());
        assertEquals(ExitCodes.USAGE, exec("explore", "--format", "xml"));
        assertTrue(err.toString().contains("--format: unknown format 'xml'"), err.toString());
        assertEquals(ExitCodes.USAGE, exec("explore", "--max-states", "0"));
        assertEquals(ExitCodes.USAGE, exec("explore", "--profile", "none"));
        assertEquals(ExitCodes.USAGE, exec("explore", "--bogus"));
        assertEquals(ExitCodes.USAGE, exec("explore", "--scenarios", tmp.resolve("missing").toString()));
        assertTrue(err.toString().contains("--scenarios: '"), err.toString());
    }

    @Test
    void scaleOptions_badValues_exit2_namingTheOption() {
        assertEquals(ExitCodes.USAGE, exec("explore", "--max-memory", "12x"));
        assertTrue(err.toString().contains("--max-memory: expected a size such as 512m or 4g, was '12x'"), err.toString());
        assertEquals(ExitCodes.USAGE, exec("explore", "--workers", "-1"));
        assertTrue(err.toString().contains("--workers: must be 0"), err.toString());
        assertEquals(ExitCodes.USAGE, exec("explore", "--shard", "3/2"));
        assertTrue(err.toString().contains("--shard: expected I/N"), err.toString());
        assertEquals(ExitCodes.USAGE, exec("explore", "--progress", "loud"));
        assertEquals(ExitCodes.USAGE, exec("explore", "--max-depth", "40000"));
    }

    @Test
    void maxMemory_tiny_saysWithinBound_andTwoWorkersGiveTheSameCsv() {
        assertEquals(ExitCodes.OK, exec("explore", "--scenario", "ping-pong", "--profile", "rfc-v1", "--design", "gp-fault",
                "--format", "csv", "--max-memory", "1k"));
        String tiny = out.toString();
        assertTrue(tiny.contains(",within bound,"), tiny);
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, exec("explore", "--scenario", "ping-pong", "--format", "csv", "--workers", "2"));
        String two = out.toString();
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, exec("explore", "--scenario", "ping-pong", "--format", "csv"));
        assertEquals(two.replaceAll(",exhaustive,(\\d+),(\\d+),\\d+,", ",exhaustive,$1,$2,,"),
                out.toString().replaceAll(",exhaustive,(\\d+),(\\d+),\\d+,", ",exhaustive,$1,$2,,"));
    }

    /** issue 11: the speed is measured per CPU-second of the search's threads; the line names the search and the load. */
    @Test
    void bench_printsStatesPerWallAndCpuSecond_perSearch_noTable() {
        assertEquals(ExitCodes.OK, exec("explore", "--scenario", "bystander", "--profile", "rfc-v1", "--design", "naive",
                "--bench", "--workers", "2"));
        String o = out.toString();
        assertTrue(o.matches("(?s)bench: bystander rfc-v1 naive workers=2: [0-9,]+ states \\(lost-wakeup, exhaustive\\), "
                + "[0-9.]+ s wall, [0-9.]+ s CPU: [0-9,]+ states/s wall, ([0-9,]+|unknown) states per CPU-second; "
                + "busiest thread [0-9.]+ s CPU \\(CPU/busiest [0-9.]+\\), CPU/wall [0-9.]+, JIT\\+GC ([0-9.]+ s|unknown) CPU, [0-9]+ chunks backed up; "
                + "load -?[0-9.]+\\n"), o);
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, exec("explore", "--scenario", "bystander", "--profile", "rfc-v1", "--design", "naive",
                "--bench", "--bench-runs", "3"));
        String[] lines = out.toString().split("\n");
        assertEquals(4, lines.length, out.toString());
        assertTrue(lines[3].matches("bench: bystander rfc-v1 naive workers=1: median of 3 runs: [0-9,]+ states, [0-9.]+ s wall, "
                + "[0-9.]+ s CPU, busiest thread [0-9.]+ s CPU: [0-9,]+ states/s wall, ([0-9,]+|unknown) states per CPU-second"),
                lines[3]);
        assertEquals(ExitCodes.USAGE, exec("explore", "--bench", "--bench-runs", "0"));
        assertTrue(err.toString().contains("--bench-runs: must be 1..100, was 0"), err.toString());
        assertEquals(ExitCodes.USAGE, exec("explore", "--bench", "--out", tmp.resolve("o").toString()));
        assertTrue(err.toString().contains("--bench: not with --debate or --out"), err.toString());
    }

    @Test
    void emptyScenarioFolder_exit4() {
        assertEquals(ExitCodes.ALL_SKIPPED, exec("explore", "--scenarios", tmp.toString()));
    }

    @Test
    void stage_writesExploreCsvAndTraceFiles() throws Exception {
        StringWriter console = new StringWriter();
        RunContext ctx = new RunContext(RunFolder.at(tmp.resolve("run")), null, new PrintWriter(console, true), true);
        // the large scenarios (minutes) are left to the run stage itself: an empty folder here
        assertEquals(ExitCodes.OK, new ExploreStage(Path.of("fixtures/scenarios"), tmp.resolve("no-large")).run(ctx));
        Path csv = tmp.resolve("run/explore.csv");
        List<String> rows = Files.readAllLines(csv);
        assertEquals(String.join(",", DesignComparison.CSV_COLUMNS), rows.get(0));
        assertTrue(rows.size() > 20, "every scenario × profile × design: " + rows.size());
        Path trace = tmp.resolve("run/traces/naive-bystander.txt");
        assertTrue(Files.readString(trace).startsWith("= scenario bystander · profile rfc-v1 · design naive"));
        assertTrue(console.toString().contains("verdicts match their scenario files"), console.toString());
        String md = Files.readString(tmp.resolve("run/debate.md"));
        assertTrue(md.startsWith("# Waking a receiver blocked in the kernel"), md);
        assertTrue(md.contains("![estimated cycles per post by design](debate-cost.png)"), md);
        assertPng(tmp.resolve("run/debate-cost.png"));
    }

    static void assertPng(Path f) throws Exception {
        byte[] b = Files.readAllBytes(f);
        assertTrue(b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', f + " is a PNG");
    }

    /** issue 10: explore --debate writes the report (a new file) and its chart beside it. */
    @Test
    void debateOption_writesReportAndChart_neverOverAnExistingFile() throws Exception {
        Path md = tmp.resolve("seed.md");
        assertEquals(ExitCodes.OK, exec("explore", "--scenario", "state-blocked", "--debate", md.toString()));
        String text = Files.readString(md);
        assertTrue(text.contains("## Cost per post (exact counts from the model)"), text);
        assertTrue(text.contains("| rfc-v1 | gp-fault | 2 | 0 | 0 | 1 | 1 | 0 | 1 | 1 | 0 | 4,288 |"), text);
        assertTrue(text.contains("](seed-cost.png)"), text);
        assertPng(tmp.resolve("seed-cost.png"));
        assertEquals(ExitCodes.USAGE, exec("explore", "--scenario", "state-blocked", "--debate", md.toString()));
        assertTrue(err.toString().contains("--debate " + md + ": exists"), err.toString());
    }

    @Test
    void debateOptions_badInput_exit2_nameTheOption() throws Exception {
        assertEquals(ExitCodes.USAGE, exec("explore", "--weights", "fixtures/costs/weights.txt"));
        assertTrue(err.toString().contains("--weights: only used with --debate"), err.toString());
        assertEquals(ExitCodes.USAGE, exec("explore", "--scenario", "bystander", "--debate", tmp.resolve("a.md").toString()));
        assertTrue(err.toString().contains("--cost-scenario: 'state-blocked' is not among the scenarios explored"), err.toString());
        Path w = tmp.resolve("w.txt");
        Files.write(w, List.of("ipi_send 437 Skyloft", "ipi_receive lots of cycles"));
        assertEquals(ExitCodes.USAGE, exec("explore", "--debate", tmp.resolve("b.md").toString(), "--weights", w.toString()));
        assertTrue(err.toString().contains(w + ":2: ipi_receive: cycles 'lots' is not a whole number"), err.toString());
    }
}
