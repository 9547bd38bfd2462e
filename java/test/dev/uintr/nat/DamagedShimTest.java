package dev.uintr.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a damaged libuintrshim.so (a partial copy, another build lacking functions, not an
 * ELF file at all) is "not loaded: why", never a crashed JVM; every command, --version first,
 * still works.
 */
class DamagedShimTest {

    private static byte[] realShim() throws IOException {
        ShimRequirement.require();
        try (InputStream in = DamagedShimTest.class.getResourceAsStream(ShimFile.RESOURCE)) {
            assertNotNull(in, "the build put no shim at " + ShimFile.RESOURCE);
            return in.readAllBytes();
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void theBuiltShim_passesTheCheck() throws IOException {
        byte[] elf = realShim();
        assertNull(ElfCheck.problem(elf, ShimLoader.functionsOf(UintrShim.class)));
        assertTrue(ElfCheck.exported(elf).containsAll(ShimLoader.functionsOf(UintrBenchLib.class)));
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void everyTruncation_isRefused() throws IOException {
        byte[] elf = realShim();
        Set<String> need = ShimLoader.functionsOf(UintrShim.class);
        for (int cut = 0; cut < elf.length; cut += Math.max(1, elf.length / 200)) {
            assertNotNull(ElfCheck.problem(Arrays.copyOf(elf, cut), need), "cut at " + cut + " accepted");
        }
        assertNotNull(ElfCheck.problem(Arrays.copyOf(elf, elf.length - 1), need));
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void aMissingFunction_isNamed() throws IOException {
        String why = ElfCheck.problem(realShim(), Set.of("ush_abi_version", "ush_no_such_function"));
        assertNotNull(why);
        assertTrue(why.contains("ush_no_such_function") && !why.contains("ush_abi_version"), why);
    }

    @Test
    void garbage_isRefusedWithoutAnException() {
        Random r = new Random(12);
        Set<String> need = Set.of("ush_abi_version");
        for (int i = 0; i < 500; i++) {
            byte[] b = new byte[r.nextInt(4096)];
            r.nextBytes(b);
            if (b.length >= 64 && i % 2 == 0) {                  // a plausible header over random tables
                System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, 0, b, 0, 7);
                b[16] = 3;
                b[17] = 0;
                b[18] = 0x3E;
                b[19] = 0;
            }
            assertNotNull(ElfCheck.problem(b, need));
        }
        assertTrue(ElfCheck.problem(new byte[0], need).contains("0 bytes"));
        assertTrue(ElfCheck.problem("#!/bin/sh\necho hi\n".repeat(8).getBytes(StandardCharsets.US_ASCII), need)
                .contains("not an ELF"));
    }

    /** Runs the harness in a child JVM whose jna.library.path holds {@code lib} as libuintrshim.so. */
    private static String[] runWith(Path dir, byte[] lib, String... args) throws Exception {
        Path d = Files.createDirectories(dir.resolve("lib"));
        Files.write(d.resolve(ShimFile.NAME), lib);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djna.library.path=" + d, "-cp", System.getProperty("java.class.path"), "dev.uintr.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not finish");
        return new String[] {Integer.toString(p.exitValue()), new String(out, StandardCharsets.UTF_8)};
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void aPartialCopy_versionAndProbeStillWork_andSayWhy(@TempDir Path dir) throws Exception {
        byte[] elf = realShim();
        String[] v = runWith(dir, Arrays.copyOf(elf, elf.length / 5), "--version");
        assertEquals("0", v[0], v[1]);
        assertTrue(v[1].contains("shim: not loaded:") && v[1].contains("truncated"), v[1]);
        String[] probe = runWith(dir, Arrays.copyOf(elf, elf.length / 5), "probe");
        assertEquals("0", probe[0], probe[1]);
        assertTrue(probe[1].contains("emulated"), probe[1]);
        assertFalse(probe[1].contains("Exception"), probe[1]);
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void aLibraryWithTheRightAbiButMissingFunctions_isNotLoaded(@TempDir Path dir) throws Exception {
        realShim();
        Path c = Files.writeString(dir.resolve("m.c"), "int ush_abi_version(void) { return " + UintrShim.ABI_VERSION + "; }\n");
        Path so = dir.resolve("m.so");
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-o", so.toString(), c.toString()).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("no gcc to build a library lacking functions: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(gcc.waitFor() == 0, "gcc could not build the test library");
        String[] v = runWith(dir, Files.readAllBytes(so), "--version");
        assertEquals("0", v[0], v[1]);
        assertTrue(v[1].contains("lacks functions") && v[1].contains("ush_build_info"), v[1]);
        assertFalse(v[1].contains("Exception") || v[1].contains("Error"), v[1]);
    }
}
