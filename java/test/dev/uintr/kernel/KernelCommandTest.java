package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.cli.CliRunner;
import dev.uintr.cli.ExitCodes;
import dev.uintr.cli.KernelErrnoStage;
import dev.uintr.cli.RunContext;
import dev.uintr.report.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code uintr-harness kernel check} and the "kernel" run stage. */
class KernelCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int exec(String... args) {
        return CliRunner.execute(out, err, args);
    }

    /** An errno fixture {@code name} in the temporary folder: the header, then {@code row}. */
    private Path fixture(String name, String row) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, List.of("id,config,setup,call,expect,spec", row));
        return f;
    }

    @Test
    void checkShippedFixtures_allPass_ktapTotals() {
        assertEquals(ExitCodes.OK, exec("kernel", "check"));
        String o = out.toString();
        // errno-later-audit, errno-later, errno-rfc-v1-audit, errno-rfc-v1: sorted by file name
        assertTrue(o.startsWith("KTAP version 1\n1..4\n"), o);
        assertTrue(o.contains("ok 1 kernel.errno.later-audit\n") && o.contains("ok 2 kernel.errno.later\n")
                && o.contains("ok 3 kernel.errno.rfc-v1-audit\n") && o.contains("ok 4 kernel.errno.rfc-v1\n"), o);
        assertTrue(o.contains("fail:0") && o.contains("error:0"), o);
    }

    @Test
    void aFailingRow_exit1_namesFileLineExpectedObserved() throws Exception {
        Path f = fixture("errno-rfc-v1.csv", "wrong,,,uintr_register_handler 0 0,EBUSY,x");
        assertEquals(ExitCodes.FAILED, exec("kernel", "check", f.toString()));
        assertTrue(out.toString().contains("errno-rfc-v1.csv:2: expected EBUSY, got -EFAULT"), out.toString());
        assertTrue(out.toString().contains("not ok 1 wrong"), out.toString());
    }

    @Test
    void aMalformedRow_exit2_fileLineItem() throws Exception {
        Path f = fixture("errno-later.csv", "bad,,,uintr_wait 0 0,EWHAT,x");
        assertEquals(ExitCodes.USAGE, exec("kernel", "check", f.toString()));
        assertTrue(err.toString().contains("errno-later.csv:2: bad expect 'EWHAT'"), err.toString());
    }

    @Test
    void missingFile_exit2_namesIt() {
        Path f = tmp.resolve("errno-later-typo.csv");
        assertEquals(ExitCodes.USAGE, exec("kernel", "check", f.toString()));
        assertTrue(err.toString().contains("errno-later-typo.csv: no such file"), err.toString());
    }

    @Test
    void aSuffixedFile_runsUnderTheProfileItsNameGives() throws Exception {
        // uintr_wait(0, 0) is 0 in later (audit §2.3 476 step 5) but EOPNOTSUPP in rfc-v1 (no receiver, §2.1 454)
        Path later = fixture("errno-later-mine.csv", "a,,,uintr_wait 0 0,0,x");
        assertEquals(ExitCodes.OK, exec("kernel", "check", later.toString()));
        assertTrue(out.toString().contains("ok 1 kernel.errno.later-mine\n"), out.toString());
        Path rfc = fixture("errno-rfc-v1-mine.csv", "a,,,uintr_wait 0 0,0,x");
        assertEquals(ExitCodes.FAILED, exec("kernel", "check", rfc.toString()));
        assertTrue(out.toString().contains("expected 0, got -EOPNOTSUPP"), out.toString());
    }

    @Test
    void unknownProfileOrUnnamedFile_exit2() throws Exception {
        Path f = fixture("mine.csv", "a,,,uintr_wait 0 0,0,x");
        assertEquals(ExitCodes.USAGE, exec("kernel", "check", f.toString()));
        assertTrue(err.toString().contains("cannot tell the ABI profile"), err.toString());
        assertEquals(ExitCodes.OK, exec("kernel", "check", "--profile", "later", f.toString()));
        assertEquals(ExitCodes.USAGE, exec("kernel", "check", "--profile", "rfc-v9", f.toString()));
        assertEquals(ExitCodes.USAGE, exec("kernel", "check", "--no-such-option"));
    }

    @Test
    void runStage_writesKernelErrnoCsv() throws Exception {
        StringWriter console = new StringWriter();
        RunContext ctx = new RunContext(RunFolder.at(tmp.resolve("run")), null, new PrintWriter(console), true);
        assertEquals(ExitCodes.OK, new KernelErrnoStage().run(ctx));
        List<String> lines = Files.readAllLines(tmp.resolve("run/kernel-errno.csv"));
        assertEquals("file,line,id,profile,status,expected,observed,spec,detail", lines.get(0));
        assertTrue(lines.size() > 150, "one line per row: " + lines.size());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",PASS,")));
        assertTrue(console.toString().contains("errno rows passed"), console.toString());
    }

    @Test
    void runStage_noFixtures_skip() {
        RunContext ctx = new RunContext(RunFolder.at(tmp.resolve("run2")), null, new PrintWriter(new StringWriter()), true);
        assertEquals(ExitCodes.ALL_SKIPPED, new KernelErrnoStage(tmp.resolve("none")).run(ctx));
    }
}
