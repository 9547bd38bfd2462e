package dev.uintr.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.BadInputException;
import dev.uintr.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conform --record FILE and --compare FILE|RUN (fixtures/cases/README.md "Record and compare"), and --case repeated. */
class RecordCompareTest {
    /** A case every emulated seed answers the same way: SENDUIPI without registration is SIGILL (kernel §7.2). */
    private static final String CASE = "case a.sigill\nprofiles rfc-v1 later\nneeds uintr\ncite kernel §7.2\n"
            + "thread t: senduipi 0\n"
            + "outcome \"t: senduipi(0): SIGILL\" ACCEPTABLE \"no sender registration: #UD, SIGILL\"\n"
            + "outcome * FORBIDDEN \"anything else\"\n";
    private static final String HEADER = "case,profile,backend,status,samples,kind,text,count,expect,note\n";

    private static Path cases(Path dir) throws Exception {
        Path c = Files.createDirectories(dir.resolve("cases"));
        Files.writeString(c.resolve("a.case"), CASE);
        return c;
    }

    @Test
    void recordWritesEveryObservationWithCountGradeAndTheOutcomes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rec.csv");
        var r = CliRunner.run("conform", "--backend", "emulated", "--seeds", "3", "--cases", cases(dir).toString(),
                "--record", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(HEADER
                + "a.sigill,rfc-v1,emulated,PASS,3,observed,t: senduipi(0): SIGILL,3,ACCEPTABLE,\"no sender registration: #UD, SIGILL\"\n"
                + "a.sigill,rfc-v1,emulated,PASS,3,outcome,t: senduipi(0): SIGILL,,ACCEPTABLE,\"no sender registration: #UD, SIGILL\"\n"
                + "a.sigill,rfc-v1,emulated,PASS,3,outcome,*,,FORBIDDEN,anything else\n"
                + "a.sigill,later,emulated,PASS,3,observed,t: senduipi(0): SIGILL,3,ACCEPTABLE,\"no sender registration: #UD, SIGILL\"\n"
                + "a.sigill,later,emulated,PASS,3,outcome,t: senduipi(0): SIGILL,,ACCEPTABLE,\"no sender registration: #UD, SIGILL\"\n"
                + "a.sigill,later,emulated,PASS,3,outcome,*,,FORBIDDEN,anything else\n", Files.readString(file));
        // files are never written over: the second --record to the same file is bad input, the file unchanged
        String before = Files.readString(file);
        var again = CliRunner.run("conform", "--backend", "emulated", "--seeds", "1", "--cases", cases(dir).toString(),
                "--record", file.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("--record " + file + ": exists"), again.err());
        assertEquals(before, Files.readString(file));
        // a record reads back to the same text
        assertEquals(before, ObservationRecord.read(file).csv());
    }

    @Test
    void theWholeSuiteRecordsAndComparesWithItselfClean(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("suite.csv");
        assertEquals(0, CliRunner.run("conform", "--backend", "emulated", "--seeds", "2", "--format", "csv",
                "--record", file.toString()).exitCode());
        var r = CliRunner.run("conform", "--backend", "emulated", "--seeds", "2", "--format", "csv", "--compare",
                file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().matches("(?s).*conform: compare: (\\d+) case runs compared between emulated and emulated \\("
                + ".*suite.csv\\): \\1 saw the same observations, 0 differ.*"), r.err());
    }

    @Test
    void compareFailsWhenTheRecordSawWhatThisCaseForbids(@TempDir Path dir) throws Exception {
        // recorded with an older case that accepted an ok SENDUIPI: the record saw "ok", this case forbids it
        Path run = Files.createDirectories(dir.resolve("runs").resolve("20260101-000000-uintrbox"));
        Files.writeString(run.resolve("conform-observations.csv"), HEADER
                + "a.sigill,later,native,PASS,5,observed,t: senduipi(0): ok,5,ACCEPTABLE,\n"
                + "a.sigill,later,native,PASS,5,outcome,t: senduipi(0): ok,,ACCEPTABLE,old\n"
                + "a.sigill,later,native,PASS,5,outcome,*,,FORBIDDEN,else\n");
        var r = CliRunner.run("conform", "--backend", "emulated", "--seeds", "2", "--profile", "later", "--cases",
                cases(dir).toString(), "--compare", run.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("CONFLICT only native (" + run.resolve("conform-observations.csv")
                + "): t: senduipi(0): ok"), r.err());
        assertTrue(r.err().contains("emulated: 0x, its case says FORBIDDEN; native: 5x, its case says ACCEPTABLE"), r.err());
        // and the other way round: the record's case forbids what this run saw
        Path f = dir.resolve("strict.csv");
        Files.writeString(f, HEADER + "a.sigill,later,native,PASS,5,observed,t: senduipi(0): ok,5,ACCEPTABLE,\n"
                + "a.sigill,later,native,PASS,5,outcome,t: senduipi(0): ok,,ACCEPTABLE,\n"
                + "a.sigill,later,native,PASS,5,outcome,*,,FORBIDDEN,else\n");
        var r2 = CliRunner.run("conform", "--backend", "emulated", "--seeds", "2", "--profile", "later", "--cases",
                cases(dir).toString(), "--compare", f.toString());
        assertEquals(1, r2.exitCode());
        assertTrue(r2.err().contains("CONFLICT only emulated: t: senduipi(0): SIGILL"), r2.err());
    }

    @Test
    void aRecordOfSkipsComparesNothing_exit4(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("skips.csv");
        Files.writeString(f, HEADER + "a.sigill,later,native,SKIP,0,none,,,,no CPUID UINTR\n"
                + "a.sigill,later,native,SKIP,0,outcome,*,,FORBIDDEN,else\n");
        var r = CliRunner.run("conform", "--backend", "emulated", "--seeds", "1", "--profile", "later", "--cases",
                cases(dir).toString(), "--compare", f.toString());
        assertEquals(4, r.exitCode(), r.err());
        assertTrue(r.err().contains("not compared: a.sigill later: SKIP on native (no CPUID UINTR)"), r.err());
    }

    @Test
    void badCompareInputNamesFileAndLine_exit2(@TempDir Path dir) throws Exception {
        Path c = cases(dir);
        var missing = CliRunner.run("conform", "--cases", c.toString(), "--compare", dir.resolve("nope.csv").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.csv: no such file or folder"), missing.err());
        var noRecord = CliRunner.run("conform", "--cases", c.toString(), "--compare", dir.toString());
        assertEquals(2, noRecord.exitCode());
        assertTrue(noRecord.err().contains(dir + ": no conform-observations.csv in this folder"), noRecord.err());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, HEADER + "a.sigill,later,native,PASS,5,outcome,*,,FORBIDDEN,else\n"
                + "a.sigill,later,native,PASS,5,observed,t: x,many,ACCEPTABLE,\n");
        var r = CliRunner.run("conform", "--cases", c.toString(), "--compare", bad.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(bad + ":3: column 'count': 'many' is not a count"), r.err());
    }

    /** --compare RUN (issue 9 item 5): a bare name is a run folder's name in reports/runs/ when no such file or folder is here. */
    @Test
    void compareByRunName_readsThatRunsRecord_elseNamesTheArgument(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        Path run = Files.createDirectories(runs.resolve("20260101-120000-box"));
        String csv = HEADER + "a.sigill,later,native,SKIP,0,none,,,,no CPUID UINTR\n"
                + "a.sigill,later,native,SKIP,0,outcome,*,,FORBIDDEN,else\n";
        Files.writeString(run.resolve(ObservationRecord.FILE), csv);
        assertEquals(ObservationRecord.read(run).csv(),
                ObservationRecord.read(Path.of("20260101-120000-box"), runs).csv());
        BadInputException none = assertThrows(BadInputException.class,
                () -> ObservationRecord.read(Path.of("no-such-run"), runs));
        assertEquals("--compare no-such-run: no such file or folder here, and no run 'no-such-run' in " + runs
                + " (give a --record file, a run folder, or the name of a run folder in " + runs + ")", none.getMessage());
        var cli = CliRunner.run("conform", "--cases", cases(dir).toString(), "--compare", "no-such-run-xyz");
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("--compare no-such-run-xyz: no such file or folder here, and no run 'no-such-run-xyz' in "),
                cli.err());
    }

    private static String error(String text) {
        return assertThrows(BadInputException.class, () -> ObservationRecord.parse("r.csv", text)).getMessage();
    }

    @Test
    void malformedRecordsAreRefusedWithFileAndLine() {
        String ok = "a.b,later,native,PASS,5,outcome,*,,FORBIDDEN,else\n";
        assertEquals("r.csv:1: empty: no header line (expected " + HEADER.strip() + ")", error(""));
        assertEquals("r.csv:1: missing column 'kind' (is this a file written by conform --record?)",
                error("case,profile,backend,status,samples,text,count,expect,note\n"));
        assertEquals("r.csv:2: profile 'sideways' (expected rfc-v1 or later)",
                error(HEADER + "a.b,sideways,native,PASS,5,outcome,*,,FORBIDDEN,else\n"));
        assertEquals("r.csv:3: status 'OK' (expected PASS, FAIL, ERROR, TIMEOUT or SKIP)", error(HEADER + ok
                + "a.b,rfc-v1,native,OK,5,outcome,*,,FORBIDDEN,else\n"));
        assertEquals("r.csv:3: backend 'hybrid' but line 2 says 'native': one file records one run on one backend",
                error(HEADER + ok + "a.b,rfc-v1,hybrid,PASS,5,outcome,*,,FORBIDDEN,else\n"));
        assertEquals("r.csv:3: unknown kind 'seen' (expected observed, outcome or none)",
                error(HEADER + ok + "a.b,later,native,PASS,5,seen,t: a,1,ACCEPTABLE,\n"));
        assertEquals("r.csv:3: expect 'FINE' (expected ACCEPTABLE, ACCEPTABLE_INTERESTING or FORBIDDEN)",
                error(HEADER + ok + "a.b,later,native,PASS,5,observed,t: a,1,FINE,\n"));
        assertTrue(error(HEADER + ok + "a.b,later,native,PASS,5,outcome,*): SIG*,,FORBIDDEN,\n")
                .startsWith("r.csv:3: outcome pattern: clause \"*): SIG*\" does not start with a thread"));
        assertEquals("r.csv:4: observation recorded twice for a.b later: t: a", error(HEADER + ok
                + "a.b,later,native,PASS,5,observed,t: a,1,ACCEPTABLE,\n" + "a.b,later,native,PASS,5,observed,t: a,2,ACCEPTABLE,\n"));
        assertEquals("r.csv:3: case a.b later has status FAIL and 5 samples here but PASS and 5 on line 2",
                error(HEADER + ok + "a.b,later,native,FAIL,5,observed,t: a,1,FORBIDDEN,\n"));
        assertEquals("r.csv:2: case a.b later has no outcome rows (the outcomes its observations were graded against)",
                error(HEADER + "a.b,later,native,PASS,5,observed,t: a,1,ACCEPTABLE,\n"));
        assertEquals("r.csv:3: row has 3 fields, the header has 10", error(HEADER + ok + "a.b,later,native\n"));
        assertTrue(error(HEADER + ok + "a.b,later,native,PASS,5,observed,\"t: a,1,ACCEPTABLE,\n")
                .startsWith("r.csv:3: malformed CSV: "), "an unterminated quote");
    }

    @Test
    void caseIsRepeatableAndEachMustMatch() {
        var r = CliRunner.run("conform", "--backend", "emulated", "--seeds", "1", "--format", "csv",
                "--case", "uif.*", "--case", "base.ipi-spinning");
        assertEquals(0, r.exitCode(), r.err());
        var names = r.out().lines().skip(1).map(l -> l.split(",")[2]).distinct().toList();
        assertTrue(names.contains("base.ipi-spinning") && names.stream().allMatch(n -> n.startsWith("uif.")
                || n.equals("base.ipi-spinning")) && names.size() > 1, names.toString());
        var typo = CliRunner.run("conform", "--backend", "emulated", "--case", "uif.*", "--case", "uif-typo.*");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("--case 'uif-typo.*' matches none of the"), typo.err());
    }
}
