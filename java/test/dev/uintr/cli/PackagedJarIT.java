package dev.uintr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar as a user would (failsafe, after `package`): copied away from
 * target/ so that nothing but the jar itself can supply the shim.
 */
class PackagedJarIT {
    static Path jar;

    @BeforeAll
    static void findJar() {
        String p = System.getProperty("uintr.jar");
        jar = Path.of(p != null ? p : "target/uintr-harness.jar");
        assertTrue(Files.isRegularFile(jar), "packaged jar not found: " + jar);
    }

    record Proc(int code, String out) {}

    static Proc java(Path cwd, Path theJar, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int i = 0;
        while (i < args.length && args[i].startsWith("-D")) {
            cmd.add(args[i++]);
        }
        cmd.add("-jar");
        cmd.add(theJar.toString());
        for (; i < args.length; i++) {
            cmd.add(args[i]);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().remove("LD_LIBRARY_PATH");
        Process proc = pb.start();
        byte[] out = proc.getInputStream().readAllBytes();
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "jar did not finish");
        return new Proc(proc.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void jarCarriesTheShimAtJnaResourcePath() throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            assertTrue(z.getEntry("linux-x86-64/libuintrshim.so") != null
                    || z.getEntry("uintrshim-build.txt") != null, "neither the shim nor its build note is in the jar");
            assertTrue(z.getEntry("dev/uintr/cli/Main.class") != null);
            assertTrue(z.getEntry("picocli/CommandLine.class") != null, "dependencies must be shaded in");
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void shimLoadsFromTheJarAlone(@TempDir Path tmp) throws Exception {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            var note = z.getEntry("uintrshim-build.txt");
            String text = note == null ? "" : new String(z.getInputStream(note).readAllBytes(), StandardCharsets.UTF_8).trim();
            org.junit.jupiter.api.Assumptions.assumeFalse(text.startsWith("not built"), () -> "the shim was " + text);
        }
        Path copy = Files.copy(jar, tmp.resolve("uintr-harness.jar"), StandardCopyOption.REPLACE_EXISTING);
        Proc p = java(tmp, copy, "-Djna.nosys=true", "probe", "--format", "csv");
        assertEquals(0, p.code(), p.out());
        assertTrue(p.out().contains("\nshim.loaded,yes,"), p.out());
        assertTrue(p.out().contains("\nbackend.auto,"), p.out());
    }

    @Test
    void shimForbidden_fallsBackToEmulated_andSaysWhy(@TempDir Path tmp) throws Exception {
        Proc p = java(tmp, jar, "-Duintr.shim=off", "probe", "--format", "csv");
        assertEquals(0, p.code(), p.out());
        assertTrue(p.out().contains("\nshim.loaded,no,disabled by -Duintr.shim=off"), p.out());
        assertTrue(p.out().contains("\nbackend.auto,emulated,"), p.out());
        assertTrue(p.out().contains("the shim is not loaded"), p.out());
    }

    @Test
    void unknownOption_exit2_fromTheJar(@TempDir Path tmp) throws Exception {
        Proc p = java(tmp, jar, "run", "--no-such-option");
        assertEquals(2, p.code(), p.out());
        assertTrue(p.out().contains("--no-such-option"), p.out());
    }
}
