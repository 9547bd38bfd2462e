package dev.uintr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.Verdict;
import dev.uintr.backend.BackendKind;
import dev.uintr.backend.HostFacts;
import dev.uintr.conform.ConformStageTest;
import dev.uintr.fixture.IsaResults;
import dev.uintr.fixture.KernelResults;
import dev.uintr.report.ProbeResults;
import dev.uintr.report.RunFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe, isa and kernel areas each have one service; the command and the run stage are adapters
 * over it, so they agree: the same files, the same exit codes, for the same input.
 */
class AreaServicesTest {
    @TempDir
    Path tmp;

    private RunContext ctx(HostFacts host, StringWriter console) {
        return new RunContext(RunFolder.at(tmp.resolve("run")), host, new PrintWriter(console, true), true);
    }

    @Test
    void probeStageWritesWhatTheServiceRenders() throws Exception {
        HostFacts host = ConformStageTest.host(BackendKind.EMULATED);
        StringWriter console = new StringWriter();
        assertEquals(0, new ProbeStage().run(ctx(host, console)));
        ProbeResults r = new ProbeResults(host);
        assertEquals(r.render("csv"), Files.readString(tmp.resolve("run").resolve(ProbeResults.FILE)));
        assertTrue(r.render("csv").startsWith("fact,value,detail\ncpu.vendor,AuthenticAMD,"), r.render("csv"));
        assertEquals(r.render("table"), console.toString());
        assertEquals(Verdict.PASS, r.verdict());
    }

    /** errno-later.csv with its first row's expectation turned into a wrong one. */
    private Path kernelFixtures(boolean broken) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(broken ? "broken" : "ok"));
        List<String> lines = Files.readAllLines(Path.of("fixtures", "kernel", "errno-later.csv"));
        int first = 0;
        while (lines.get(first).startsWith("#") || lines.get(first).startsWith("id,")) {
            first++;
        }
        String[] cells = lines.get(first).split(",", -1);
        if (broken) {
            cells[4] = cells[4].equals("EINVAL") ? "EBUSY" : "EINVAL";
            lines.set(first, String.join(",", cells));
        }
        Files.write(dir.resolve("errno-later.csv"), lines);
        return dir;
    }

    @Test
    void kernelStageAndCommandAgreeOnFilesAndExitCodes() throws Exception {
        for (boolean broken : new boolean[] {false, true}) {
            Path fx = kernelFixtures(broken);
            StringWriter console = new StringWriter();
            int stage = new KernelErrnoStage(fx).run(ctx(null, console));
            var cmd = CliRunner.run("kernel", "check", fx.resolve("errno-later.csv").toString());
            KernelResults r = KernelResults.run(KernelResults.fixturesIn(fx), null);
            assertEquals(broken ? 1 : 0, stage, console.toString());
            assertEquals(stage, cmd.exitCode(), cmd.out());
            assertEquals(r.verdict().exitCode(), stage);
            assertEquals("kernel: " + r.summary() + " (kernel-errno.csv)\n", console.toString().replace("\r", ""));
            assertEquals(broken, r.passed() == r.rows() - 1, r.summary());
            List<String> csv = Files.readAllLines(tmp.resolve("run").resolve(KernelResults.FILE));
            assertEquals(r.rows() + 1, csv.size());
            assertEquals(broken, csv.stream().anyMatch(l -> l.contains(",FAIL,")), csv.toString());
            assertEquals(broken, cmd.out().contains("not ok 1 kernel.errno.later"), cmd.out());
        }
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(4, new KernelErrnoStage(empty).run(ctx(null, new StringWriter())));
    }

    @Test
    void isaStageAndCommandAgreeOnExitCodes() throws Exception {
        Path fail = Files.createDirectories(tmp.resolve("fail"));
        Files.writeString(fail.resolve("a.csv"), "id,op,arg,in,expect\nstui.ok,STUI,,,fault=none uif=1\nstui.bad,STUI,,,fault=UD\n");
        Path headerOnly = Files.createDirectories(tmp.resolve("header"));
        Files.writeString(headerOnly.resolve("a.csv"), "id,op,arg,in,expect\n");
        for (Path fx : List.of(Path.of("fixtures", "isa"), fail, headerOnly)) {
            int stage = new IsaVectorsStage(fx).run(ctx(null, new StringWriter()));
            var cmd = CliRunner.run("isa", "check", fx.toString());
            assertEquals(IsaResults.check(List.of(fx)).verdict().exitCode(), stage, fx.toString());
            assertEquals(stage, cmd.exitCode(), fx + ": " + cmd.out());
        }
        assertEquals(Verdict.FAILED, IsaResults.check(List.of(fail)).verdict());
        assertEquals(Verdict.ALL_SKIPPED, IsaResults.check(List.of(headerOnly)).verdict(), "rows, not files, are what runs");
    }
}
