package dev.uintr.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `uintr-harness exec` on the example programs of fixtures/programs (built by the same make as
 * the shim), under both kernel ABI profiles: the program's own code, threads and signal handlers
 * run for real, the UINTR instructions and syscalls are answered by the models. Each program
 * prints what it saw into a file (through sh, so fork + exec are traced too) and exits 0 only
 * when that is what the kernel and ISA documents say.
 */
class ExecCommandTest {
    static final Path PROGRAMS = Path.of("target", "classes", "linux-x86-64", "programs");

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsHybrid() {
        Assumptions.assumeTrue(HybridAvailability.available(), () -> "hybrid unavailable: " + HybridAvailability.reason());
        Assumptions.assumeTrue(Files.isExecutable(PROGRAMS.resolve("ping-pong")), "example programs not built (no gcc?)");
    }

    /** exec --profile P -- sh -c 'exec "$0" "$@" > OUT' PROGRAM ARGS...: sh forks nothing, it execs the program. */
    private CliRunner.Result exec(String profile, Path out, String program, String... args) {
        java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of("exec", "--profile", profile, "--timeout", "60",
                "--", "sh", "-c", "exec \"$0\" \"$@\" > " + out, PROGRAMS.resolve(program).toString()));
        argv.addAll(java.util.List.of(args));
        return CliRunner.run(argv.toArray(new String[0]));
    }

    private String run(String profile, String program, String... args) throws IOException {
        Path out = tmp.resolve(program + "-" + profile + ".out");
        CliRunner.Result r = exec(profile, out, program, args);
        String printed = Files.exists(out) ? Files.readString(out).trim() : "";
        assertEquals(0, r.exitCode(), program + " under " + profile + " printed '" + printed + "', stderr: " + r.err());
        return printed;
    }

    /** uintr-kernel §7.2 senduipi_instr: #UD without a UITT → SIGILL; a #GP (index past UITTSZ) → SIGSEGV, both to the program's handlers. */
    @ParameterizedTest
    @ValueSource(strings = {"rfc-v1", "later"})
    void faultsReachTheProgramsOwnSignalHandlers(String profile) throws IOException {
        assertEquals("sigill=1 sigsegv=1", run(profile, "fault"));
    }

    /** A user interrupt ends uintr_wait with EINTR and the handler runs (uintr-kernel §5, audit 454/476). */
    @ParameterizedTest
    @ValueSource(strings = {"rfc-v1", "later"})
    void aBlockedWaitIsWokenByAUserInterrupt(String profile) throws IOException {
        assertEquals("wait=-4 handled=1", run(profile, "blocking-wait"));
    }

    /** uintr-kernel §7.2 ipc_base (c): a forked child sends through the inherited fd. */
    @ParameterizedTest
    @ValueSource(strings = {"rfc-v1", "later"})
    void aForkedChildSendsThroughTheInheritedFd(String profile) throws IOException {
        assertEquals("vector=7 child=0", run(profile, "fork-sender"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rfc-v1", "later"})
    void twoThreadsPingPong(String profile) throws IOException {
        String printed = run(profile, "ping-pong", "5");
        assertTrue(printed.startsWith("rounds=5 "), printed);
    }

    @Test
    void traceShowsEveryUintrEvent() throws IOException {
        Path trace = tmp.resolve("uintr.trace");
        CliRunner.Result r = CliRunner.run("exec", "--trace", trace.toString(), "--timeout", "60", "--",
                PROGRAMS.resolve("ping-pong").toString(), "3");
        assertEquals(0, r.exitCode(), r.err());
        String t = Files.readString(trace);
        for (String expected : new String[] {"uintr_register_handler(", "uintr_vector_fd(", "uintr_register_sender(",
            "stui", "senduipi 0 -> task ", "deliver vector ", "uiret rip=0x", "end status=exit 0"}) {
            assertTrue(t.contains(expected), "trace lacks '" + expected + "':\n" + t);
        }
    }

    /** The tracer runs raised (nice -10) during a session; the program must start at this JVM's own nice. */
    @Test
    void theProgramDoesNotInheritTheTracersRaise() throws IOException {
        Path out = tmp.resolve("nice.out");
        assertEquals(0, CliRunner.run("exec", "--timeout", "60", "--", "sh", "-c", "nice > " + out).exitCode());
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String own = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19 - 3];
        assertEquals(own, Files.readString(out).trim());
    }

    @Test
    void theExitStatusIsTheProgramsAndASignalDeathIs128PlusN() {
        assertEquals(3, CliRunner.run("exec", "--", "sh", "-c", "exit 3").exitCode());
        assertEquals(128 + 11, CliRunner.run("exec", "--", "sh", "-c", "kill -SEGV $$").exitCode());
    }

    @Test
    void aHangIsKilledAtTheTimeoutAndLeavesNothingBehind() throws Exception {
        Path marker = tmp.resolve("still-running");
        CliRunner.Result r = CliRunner.run("exec", "--timeout", "1", "--", "sh", "-c",
                "(sleep 3; touch " + marker + ") & sleep 30");
        assertEquals(124, r.exitCode(), r.err());
        Thread.sleep(3500);
        assertTrue(!Files.exists(marker), "a traced grandchild outlived the timeout");
    }

    @Test
    void badProgramsAreRefusedBeforeAnythingStarts() throws IOException {
        CliRunner.Result missing = CliRunner.run("exec", "--", tmp.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("does not exist"), missing.err());

        Path plain = Files.writeString(tmp.resolve("plain"), "data");
        CliRunner.Result notExec = CliRunner.run("exec", "--", plain.toString());
        assertEquals(2, notExec.exitCode());
        assertTrue(notExec.err().contains("not executable"), notExec.err());

        byte[] elf32 = new byte[64];
        elf32[0] = 0x7F;
        elf32[1] = 'E';
        elf32[2] = 'L';
        elf32[3] = 'F';
        elf32[4] = 1;                                                    // ELFCLASS32
        elf32[18] = 3;                                                   // EM_386
        Path i386 = Files.write(tmp.resolve("i386"), elf32);
        Files.setPosixFilePermissions(i386, PosixFilePermissions.fromString("rwxr-xr-x"));
        CliRunner.Result bits = CliRunner.run("exec", "--", i386.toString());
        assertEquals(2, bits.exitCode());
        assertTrue(bits.err().contains("32-bit"), bits.err());

        assertEquals(2, CliRunner.run("exec", "--profile", "none", "--", "true").exitCode());
        assertEquals(2, CliRunner.run("exec", "--profile", "v7", "--", "true").exitCode());
        assertEquals(2, CliRunner.run("exec", "--design", "psychic", "--", "true").exitCode());
    }
}
