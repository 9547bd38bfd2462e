package dev.uintr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.report.RunFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsaVectorsStageTest {
    @TempDir
    Path tmp;

    private int run(Path fixtures, StringWriter out) throws Exception {
        RunContext ctx = new RunContext(RunFolder.at(tmp.resolve("run")), null, new PrintWriter(out, true), true);
        return new IsaVectorsStage(fixtures).run(ctx);
    }

    /** A fixture folder holding one vector file, a.csv, with {@code text}. */
    private Path vectorFile(String text) throws Exception {
        Path fx = Files.createDirectories(tmp.resolve("fx"));
        Files.writeString(fx.resolve("a.csv"), text);
        return fx;
    }

    @Test
    void writesOneRowPerVector_withVerdictAndDiff() throws Exception {
        Path fx = vectorFile("id,op,arg,in,expect\nstui.ok,STUI,,,fault=none uif=1\nstui.bad,STUI,,,fault=UD\n");
        StringWriter out = new StringWriter();
        assertEquals(ExitCodes.FAILED, run(fx, out));
        List<String> lines = Files.readAllLines(tmp.resolve("run").resolve("isa-vectors.csv"));
        assertEquals(List.of("file,id,verdict,diff", "a.csv,stui.ok,PASS,",
                "a.csv,stui.bad,FAIL,\"fault: expected UD, got none; uif: expected 0, got 1 (not listed: should be unchanged)\""), lines);
        assertTrue(out.toString().contains("1 passed, 1 failed"), out.toString());
    }

    @Test
    void shippedFixturesAllPass() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(ExitCodes.OK, run(Path.of("fixtures", "isa"), out), out.toString());
        assertTrue(Files.readAllLines(tmp.resolve("run").resolve("isa-vectors.csv")).size() > 150);
    }

    @Test
    void malformedFile_usage_noReport() throws Exception {
        Path fx = vectorFile("id,op,arg,in,expect\nx,NOPE,,,fault=none\n");
        StringWriter out = new StringWriter();
        assertEquals(ExitCodes.USAGE, run(fx, out));
        assertTrue(out.toString().contains("a.csv:2: row x: unknown op 'NOPE'"), out.toString());
        assertFalse(Files.exists(tmp.resolve("run").resolve("isa-vectors.csv")));
    }

    @Test
    void noFixtures_allSkipped() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(ExitCodes.ALL_SKIPPED, run(tmp.resolve("none"), out));
        assertTrue(out.toString().contains("SKIP"));
    }
}
