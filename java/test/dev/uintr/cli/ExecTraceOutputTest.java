package dev.uintr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: exec --trace never writes over a file it did not create; a folder or '' is exit 2 naming the option. */
@EnabledOnOs(OS.LINUX)
class ExecTraceOutputTest {

    @Test
    void traceNamingAnExistingFile_isRefused_andTheFileIsUntouched(@TempDir Path dir) throws Exception {
        Path keep = Files.writeString(dir.resolve("keep.txt"), "mine");
        CliRunner.Result r = CliRunner.run("exec", "--trace", keep.toString(), "--", "/bin/true");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("--trace") && r.err().contains("exists"), r.err());
        assertEquals("mine", Files.readString(keep));
    }

    @Test
    void traceNamingAFolderOrNothing_isExit2(@TempDir Path dir) {
        for (String bad : new String[] {dir.toString(), ""}) {
            CliRunner.Result r = CliRunner.run("exec", "--trace", bad, "--", "/bin/true");
            assertEquals(2, r.exitCode(), "'" + bad + "': " + r.err());
            assertTrue(r.err().contains("--trace"), r.err());
        }
    }
}
