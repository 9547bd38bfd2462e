package dev.uintr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isa check} and {@code isa decode} through the real command line. */
class IsaCommandTest {
    private static final String HEADER = "id,op,arg,in,expect\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void passingFile_exit0_summary() throws IOException {
        Path f = file("ok.csv", HEADER + "stui.ok,STUI,,uif=0,fault=none uif=1\nclui.ok,CLUI,,uif=1,fault=none uif=0\n");
        CliRunner.Result r = CliRunner.run("isa", "check", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("2 passed, 0 failed", r.out().strip());
    }

    @Test
    void failingRow_exit1_oneLineWithDiff() throws IOException {
        Path f = file("bad.csv", HEADER + "stui.ok,STUI,,uif=0,fault=none uif=1\nstui.wrong,STUI,,uif=0,fault=GP\n");
        CliRunner.Result r = CliRunner.run("isa", "check", f.toString());
        assertEquals(1, r.exitCode());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertEquals("FAIL stui.wrong (" + f + ":3): fault: expected GP, got none; uif: expected 0, got 1 (not listed: should be unchanged)",
                lines[0]);
        assertEquals("1 passed, 1 failed", lines[1]);
    }

    /** -v prints every passing row, and a fault with the check that raised it (uintr-isa §7). */
    @Test
    void verbose_passingFault_namesItsCause_isa7() throws IOException {
        Path f = file("ud.csv", HEADER + "stui.ok,STUI,,uif=0,fault=none uif=1\nclui.cr4,CLUI,,cr4.uintr=0 uif=1,fault=UD\n");
        CliRunner.Result r = CliRunner.run("isa", "check", "-v", f.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("PASS stui.ok (" + f + ":2)", lines[0]);
        assertEquals("PASS clui.cr4 (" + f + ":3) #UD: §7: CR4.UINTR = 0", lines[1]);
    }

    @Test
    void unknownKey_exit2_namesFileLineAndItem() throws IOException {
        Path f = file("mal.csv", HEADER + "stui.ok,STUI,,uif=0,fault=none uif=1\nx,STUI,,uif=0 bogus=1,fault=none\n");
        CliRunner.Result r = CliRunner.run("isa", "check", f.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(f + ":3: row x: in: bad item 'bogus=1': unknown key 'bogus'"), r.err());
        assertEquals("", r.out(), "nothing runs when a row is malformed");
    }

    @Test
    void malformedRows_exit2_eachNamed() throws IOException {
        String[][] cases = {
            {"a,FROB,,,fault=none", ":2: row a: unknown op 'FROB'"},
            {"a,STUI,,rsp=0xZZ,fault=none", ":2: row a: in: bad item 'rsp=0xZZ': not a number"},
            {"a,STUI,,,uif=1", ":2: row a: expect lacks fault="},
            {"a,STUI,,,fault=BOOM", ":2: row a: expect: bad item 'fault=BOOM'"},
            {"a,STUI,7,,fault=none", ":2: row a: arg: bad item '7': STUI takes no argument"},
            {"a,WRMSR,0x988,cpl=0,fault=none", ":2: row a: arg: bad item '0x988': WRMSR takes msr=value"},
            {"a,STUI,,cpl=4,fault=none", ":2: row a: in: bad item 'cpl=4'"},
            {"a,STUI,,map=0x2000-0x1000,fault=none", "START is above END"},
            {"a,STUI,,m8[0x10]=abc,fault=none", "m8 takes an even number of hex digits"},
            {"a,STUI,,,fault=none\na,CLUI,,,fault=none", ":3: duplicate id 'a'"},
            {"a,STUI,,\"uif=0,fault=none", ":2: a quoted field is not closed"},
            {"a,STUI,,uif=0", ":2: expected 5 fields, got 4"},
            {"a,NOTIFY,256,,fault=none", "a vector is 0..255"},
            {"a,STUI,,,fault=none map=0x0-0x10", "a step cannot change what is mapped"},
        };
        for (String[] c : cases) {
            Path f = file("m.csv", HEADER + c[0] + "\n");
            CliRunner.Result r = CliRunner.run("isa", "check", f.toString());
            assertEquals(2, r.exitCode(), c[0] + " -> " + r.err());
            assertTrue(r.err().contains(c[1]), c[0] + " -> " + r.err());
            assertTrue(r.err().contains(f.toString()), "names the file: " + r.err());
        }
    }

    @Test
    void badHeader_exit2() throws IOException {
        Path f = file("h.csv", "id,op,in,expect\n");
        CliRunner.Result r = CliRunner.run("isa", "check", f.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(f + ":1: header lacks column 'arg'"), r.err());
    }

    @Test
    void missingFile_exit2() {
        CliRunner.Result r = CliRunner.run("isa", "check", dir.resolve("nope.csv").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("nope.csv: no such file"), r.err());
    }

    @Test
    void decode_shimBytes_isa6() {
        CliRunner.Result r = CliRunner.run("isa", "decode", "f3410fc7f2");
        assertEquals(0, r.exitCode());
        assertEquals("senduipi %r10 (5 bytes)", r.out().strip());
        CliRunner.Result v = CliRunner.run("isa", "decode", "f3", "0f", "c7", "30");
        assertEquals(1, v.exitCode());
        assertTrue(v.out().contains("VMXON"), v.out());
        assertEquals(2, CliRunner.run("isa", "decode", "f3g").exitCode());
    }

    @Test
    void bench_printsTheMedian_rejectsZeroRounds() {
        CliRunner.Result r = CliRunner.run("isa", "bench", "--warmup", "0", "--rounds", "3", "--iterations", "1000");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("median: "), r.out());
        assertEquals(2, CliRunner.run("isa", "bench", "--rounds", "0").exitCode());
    }
}
