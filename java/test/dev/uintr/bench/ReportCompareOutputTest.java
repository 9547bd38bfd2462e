package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: report compare --csv never writes over a file it did not create; a folder or '' is exit 2. */
class ReportCompareOutputTest {

    private static Path run(Path root, String name) {
        Path dir = root.resolve(name);
        long[] t = Canned.ramp(200);
        LatencyRow pipe = new LatencyRow("pipe", "round-trip", "native", RowStatus.OK, "", 10, "0,1",
                LatencyStats.of(t, t.length, Canned.TSC_HZ, 0), Canned.host("yes"));
        LatencyCsv.write(dir.resolve(LatencyCsv.FILE), List.of(pipe), 0);
        return dir;
    }

    @Test
    void csvNamingARunsOwnLatencyCsv_isRefusedAndTheFileIsUntouched(@TempDir Path root) throws Exception {
        Path r1 = run(root, "r1");
        Path own = r1.resolve(LatencyCsv.FILE);
        byte[] before = Files.readAllBytes(own);
        CliRunner.Result r = CliRunner.run("report", "compare", r1.toString(), "--csv", own.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("--csv") && r.err().contains("exists"), r.err());
        assertArrayEquals(before, Files.readAllBytes(own));
    }

    @Test
    void csvNamingAFolderOrNothing_isExit2NamingTheOption(@TempDir Path root) {
        Path r1 = run(root, "r1");
        for (String bad : new String[] {root.toString(), "", " "}) {
            CliRunner.Result r = CliRunner.run("report", "compare", r1.toString(), "--csv", bad);
            assertEquals(2, r.exitCode(), "'" + bad + "': " + r.out() + r.err());
            assertTrue(r.err().contains("--csv"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void csvInAMissingFolder_isExit2(@TempDir Path root) {
        Path r1 = run(root, "r1");
        CliRunner.Result r = CliRunner.run("report", "compare", r1.toString(), "--csv", root.resolve("no/such/x.csv").toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
    }

    @Test
    void csvToANewFile_isWritten(@TempDir Path root) throws Exception {
        Path r1 = run(root, "r1");
        Path out = root.resolve("cmp.csv");
        CliRunner.Result r = CliRunner.run("report", "compare", r1.toString(), "--csv", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(Files.readString(out).startsWith("mechanism/mode,"));
    }
}
