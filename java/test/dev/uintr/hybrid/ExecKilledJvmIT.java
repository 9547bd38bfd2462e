package dev.uintr.hybrid;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing traced outlives the JVM (issue 13 "Nothing leaks"): the packaged jar runs `exec` on a
 * tree that would write a marker after 3 s (a background grandchild, a foreground sleep); the
 * JVM is SIGKILLed after the tree started; PTRACE_O_EXITKILL and PR_SET_PDEATHSIG must take
 * the whole tree down with it.
 */
class ExecKilledJvmIT {
    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void aKilledJvmLeavesNoTraceeBehind(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(HybridAvailability.available(), () -> "hybrid unavailable: " + HybridAvailability.reason());
        String jar = System.getProperty("uintr.jar", "target/uintr-harness.jar");
        Path started = tmp.resolve("started");
        Path marker = tmp.resolve("survived");
        String script = "touch " + started + "; (sleep 3; touch " + marker + ") & sleep 3; touch " + marker;
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "exec", "--", "sh", "-c", script)).redirectErrorStream(true).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(started) && System.nanoTime() < until && p.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(started), "the traced program never started");
        p.destroyForcibly();                                             // SIGKILL: no shutdown hook runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Thread.sleep(4500);
        assertFalse(Files.exists(marker), "a traced process outlived the JVM");
    }
}
