package dev.uintr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12: every input-driven allocation and every count has a limit that ends as exit 2
 * naming it (never an OutOfMemoryError or an hour of silence), and nonsense values (negative
 * barriers and sleeps, full-width digits, numbers past 2^64) are rejected, not run.
 */
class InputLimitsTest {

    private static void assertBadInput(CliRunner.Result r, String mentions) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains(mentions), "message should mention '" + mentions + "': " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    // ---------------------------------------------------------------- ISA vectors

    @Test
    void isaRowMappingAHugeRange_isExit2NamingTheLimit(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("big.csv"),
                "id,op,arg,in,expect\nr1,CLUI,,map=0x0-0x7FFFFFFFFFFFFFFF,fault=none\n");
        assertBadInput(CliRunner.run("isa", "check", f.toString()), "1024 pages");
        Path ok = Files.writeString(dir.resolve("ok.csv"), "id,op,arg,in,expect\nr1,CLUI,,map=0x0-0x3FFFFF uif=1,fault=none uif=0\n");
        assertEquals(0, CliRunner.run("isa", "check", ok.toString()).exitCode());
    }

    @Test
    void isaBenchCounts_haveAMaximum() {
        assertBadInput(CliRunner.run("isa", "bench", "--iterations", "1000000000000"), "--iterations");
        assertBadInput(CliRunner.run("isa", "bench", "--rounds", "100000"), "--rounds");
    }

    // ---------------------------------------------------------------- errno rows

    private static Path errno(Path dir, String row) throws Exception {
        return Files.writeString(dir.resolve("errno-later-x.csv"), "id,config,setup,call,expect,spec\n" + row + "\n");
    }

    @Test
    void fillUittBeyondTheTable_isExit2(@TempDir Path dir) throws Exception {
        Path f = errno(dir, "r,,uintr_register_handler 0x401000 0; uintr_vector_fd 0 0 -> $fd; fill_uitt 100000000,"
                + "uintr_register_sender $fd 0,ENOSPC,x");
        assertBadInput(CliRunner.run("kernel", "check", f.toString()), "fill_uitt");
    }

    @Test
    void errnoNumbers_takeAsciiDigitsOnly(@TempDir Path dir) throws Exception {
        Path f = errno(dir, "r,,,uintr_register_handler \uFF11 0,ENOSYS,x");
        assertBadInput(CliRunner.run("kernel", "check", f.toString()), "bad number");
        Path g = errno(dir, "r,,,uintr_register_handler 0x+1 0,ENOSYS,x");
        assertBadInput(CliRunner.run("kernel", "check", g.toString()), "bad number");
    }

    // ---------------------------------------------------------------- cases

    private static CliRunner.Result conformOne(Path dir, String thread) throws Exception {
        Files.writeString(dir.resolve("x.case"), "case a.b\nprofiles later\nthread t: " + thread + "\noutcome * FORBIDDEN \"x\"\n");
        return CliRunner.run("conform", "--backend", "emulated", "--cases", dir.toString(), "--seeds", "1");
    }

    /**
     * A thread line past a limit is bad input (exit 2) naming it: negative barriers and sleeps, numbers
     * past 2^64, a non-ASCII digit, nested repeats past the step limit.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "barrier -1|barrier -1 is out of range",
        "sleep -5|sleep -5 is out of range",
        "sleep 999999999999|out of range",
        "close 18446744073709551616|does not fit in 64 bits",
        "close 0x10000000000000000|does not fit in 64 bits",
        "vector_fd 1 -> $f; close $f+99999999999999999999|out of range",
        "spin_until deliveries>=99999999999|spin_until",
        "close \uFF11|bad argument",
        "repeat 9999 { repeat 9999 { stui } }|8192 steps"})
    void aThreadLinePastALimit_isExit2(String thread, String mentions, @TempDir Path dir) throws Exception {
        assertBadInput(conformOne(dir, thread), mentions);
    }

    @Test
    void conformSeeds_haveAMaximum() {
        assertBadInput(CliRunner.run("conform", "--backend", "emulated", "--seeds", "100000"), "--seeds");
    }

    // ---------------------------------------------------------------- scenarios

    private static CliRunner.Result explore(Path dir, String body) throws Exception {
        Files.writeString(dir.resolve("s.txt"), "scenario s\ncpus 2\nprofiles rfc-v1\n" + body + "\nexpect naive none\n");
        return CliRunner.run("explore", "--scenarios", dir.toString(), "--design", "naive", "--profile", "rfc-v1");
    }

    @Test
    void aTaskNamedTwiceInAsleep_isExit2(@TempDir Path dir) throws Exception {
        assertBadInput(explore(dir, "task rx cpu=0 vector=3\ntask tx cpu=1\nconnect tx -> rx\nasleep rx rx\n"
                + "actor rx: wait\nactor tx: send rx"), "named twice");
    }

    @Test
    void scenarioNumbers_takeAsciiDigitsOnly(@TempDir Path dir) throws Exception {
        assertBadInput(explore(dir, "task rx cpu=\uFF10 vector=3\nactor rx: wait"), "not a number");
        assertBadInput(explore(dir, "task rx cpu=0 vector=3\nactor rx: wait 99999999999"), "not a number");
    }

    @Test
    void scenarioSize_hasLimits(@TempDir Path dir) throws Exception {
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            tasks.append("task t").append(i).append(" cpu=0\n");
        }
        assertBadInput(explore(dir, tasks + "actor t0: spin"), "more than 8 tasks");
        assertBadInput(explore(dir, "task rx cpu=0 vector=3\nactor rx: wait 17"), "limit is 16");
    }

    @Test
    void exploreMaxStates_hasAMaximum_andSettlesExactlyN(@TempDir Path dir) throws Exception {
        assertBadInput(CliRunner.run("explore", "--max-states", "2000000000"), "--max-states");
        CliRunner.Result r = CliRunner.run("explore", "--scenario", "two-sleepers", "--design", "naive", "--profile",
                "rfc-v1", "--max-states", "7", "--format", "csv");
        String[] lines = r.out().split("\n");
        String[] header = lines[0].split(",");
        int col = java.util.Arrays.asList(header).indexOf("states");
        assertTrue(col >= 0, lines[0]);
        assertEquals("7", lines[1].split(",")[col], r.out());
    }

    @Test
    void numberOptions_takeAsciiDigitsOnly() {
        CliRunner.Result r = CliRunner.run("conform", "--backend", "emulated", "--seeds", "\uFF13");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("not a number"), r.err());
        assertEquals(2, CliRunner.run("explore", "--max-states", "+5").exitCode());
        assertEquals(2, CliRunner.run("isa", "bench", "--iterations", "\u0663").exitCode());
        assertBadInput(CliRunner.run("bench", "--cpus", "\uFF10,1"), "--cpus");
        assertEquals(2, CliRunner.run("conform", "--backend", "emulated", "--seeds", "99999999999").exitCode());
    }
}
