package dev.uintr.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * native/build.sh never fails the Maven build: where the shim cannot be built it writes why,
 * and the harness runs emulated (the loader then reports that line).
 */
@EnabledOnOs(OS.LINUX)
class NativeBuildFallbackTest {

    private static int runBuild(Path out, String pathEnv, String skip) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", Path.of("native/build.sh").toAbsolutePath().toString(),
                out.resolve("lib").toString(), out.resolve("status.txt").toString()).redirectErrorStream(true);
        pb.environment().put("PATH", pathEnv);
        pb.environment().remove("USH_SKIP_NATIVE");
        if (skip != null) {
            pb.environment().put("USH_SKIP_NATIVE", skip);
        }
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void withoutGcc_buildSucceeds_andSaysWhy(@TempDir Path tmp) throws Exception {
        // A PATH with the shell tools build.sh uses but no gcc.
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : new String[] {"uname", "mkdir", "dirname", "rm", "mktemp", "tail", "tr", "make"}) {
            for (String dir : new String[] {"/usr/bin", "/bin"}) {
                Path real = Path.of(dir, tool);
                if (Files.isExecutable(real)) {
                    Files.createSymbolicLink(bin.resolve(tool), real);
                    break;
                }
            }
        }
        assertEquals(0, runBuild(tmp, bin.toString(), null));
        String status = Files.readString(tmp.resolve("status.txt")).trim();
        assertEquals("not built: gcc not found on PATH", status);
        assertFalse(Files.exists(tmp.resolve("lib/libuintrshim.so")));
    }

    @Test
    void skipSwitch_isHonoured(@TempDir Path tmp) throws Exception {
        assertEquals(0, runBuild(tmp, System.getenv("PATH"), "1"));
        assertEquals("not built: USH_SKIP_NATIVE=1", Files.readString(tmp.resolve("status.txt")).trim());
    }
}
