package dev.uintr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @Test
    void unknownOption_exit2_namesTheOption() {
        CliRunner.Result r = CliRunner.run("probe", "--bogus");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--bogus"), r.err());
    }

    @Test
    void badValue_exit2_namesOptionAndValue() {
        CliRunner.Result r = CliRunner.run("probe", "--format", "xml");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--format") && r.err().contains("xml"), r.err());
    }

    @Test
    void unknownSubcommand_exit2() {
        CliRunner.Result r = CliRunner.run("frobnicate");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }

    @Test
    void version_and_help() {
        CliRunner.Result v = CliRunner.run("--version");
        assertEquals(0, v.exitCode());
        assertTrue(v.out().startsWith("uintr-harness "), v.out());
        assertTrue(v.out().contains("shim: "), v.out());
        CliRunner.Result h = CliRunner.run("--help");
        assertEquals(0, h.exitCode());
        for (String word : List.of("probe", "run", "Exit codes", " 4")) {
            assertTrue(h.out().contains(word), "help lacks " + word + ":\n" + h.out());
        }
    }

    @Test
    void aGroupCommandRunBare_printsItsUsage_exit0() {
        for (String[] cmd : new String[][] {{}, {"isa"}, {"kernel"}, {"report"}}) {
            CliRunner.Result r = CliRunner.run(cmd);
            assertEquals(0, r.exitCode(), String.join(" ", cmd) + ": " + r.err());
            String usage = ("Usage: uintr-harness " + String.join(" ", cmd)).trim();
            assertTrue(r.out().contains(usage + " [-hV] [COMMAND]"), r.out());
            assertTrue(r.out().contains("Commands:"), r.out());
        }
    }

    @Test
    void everySubcommand_hasHelp_withTheExitCodes() {
        for (String[] cmd : new String[][] {{"probe"}, {"run"}, {"isa", "check"}, {"kernel", "check"}, {"conform"},
                {"explore"}, {"bench"}, {"report", "compare"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().contains("Usage: uintr-harness " + String.join(" ", cmd)), r.out());
            assertTrue(r.out().contains("Exit codes"), String.join(" ", args) + " help lacks the exit codes");
        }
    }

    @Test
    void probeCsv_hasEveryFact() throws IOException {
        CliRunner.Result r = CliRunner.run("probe", "--format", "csv");
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.out())).getRecords();
        List<String> facts = rows.stream().map(x -> x.get("fact")).toList();
        for (String f : List.of("cpu.vendor", "cpu.family-model-stepping", "cpu.name", "cpuid.uintr",
                "cpuid.uiret-uif", "cpuinfo.uintr-flag", "kernel.release", "kernel.uintr-abi", "kernel.kpti",
                "tsc.invariant", "tsc.hz", "shim.loaded", "backend.auto")) {
            assertTrue(facts.contains(f), "probe lacks " + f);
        }
        for (CSVRecord row : rows) {
            assertTrue(!row.get("value").isBlank(), "empty value for " + row.get("fact"));
        }
    }

    @Test
    void run_writesProbeAndSummaryIntoANewRunFolder(@TempDir Path reports) throws IOException {
        CliRunner.Result r = CliRunner.run("run", "--quick", "--reports", reports.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<Path> runs;
        try (var s = Files.list(reports.resolve("runs"))) {
            runs = s.toList();
        }
        assertEquals(1, runs.size());
        Path dir = runs.get(0);
        assertTrue(dir.getFileName().toString().matches("\\d{8}-\\d{6}-.+"), dir.toString());
        assertTrue(Files.readString(dir.resolve("probe.csv")).startsWith("fact,value,detail"));
        String summary = Files.readString(dir.resolve("summary.csv"));
        assertTrue(summary.contains("probe,PASS,0,"), summary);
    }

    @Test
    void overallExitCode_rules() {
        var ok = new RunCommand.StageResult("a", "PASS", 0, 0, "");
        var skip = new RunCommand.StageResult("b", "SKIP", 4, 0, "");
        var fail = new RunCommand.StageResult("c", "FAIL", 1, 0, "");
        var bad = new RunCommand.StageResult("d", "BAD-INPUT", 2, 0, "");
        assertEquals(0, RunCommand.overall(List.of(ok, skip)));
        assertEquals(4, RunCommand.overall(List.of(skip, skip)));
        assertEquals(1, RunCommand.overall(List.of(ok, fail, skip, bad)));
        assertEquals(2, RunCommand.overall(List.of(ok, bad)));
    }
}
