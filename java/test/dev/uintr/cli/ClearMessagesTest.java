package dev.uintr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 12: messages say what is wrong and what is accepted; help never warns; unknown is never 0. */
class ClearMessagesTest {

    private static void collect(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        cl.getSubcommands().values().forEach(c -> collect(c, out));
    }

    @Test
    void everyCommandsHelp_rendersWithoutAPicocliWarning() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.newCommandLine(), all);
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (CommandLine cl : all) {
                cl.usage(new PrintWriter(new StringWriter()));
            }
        } finally {
            System.setErr(saved);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("picocli WARN"), warnings);
        assertTrue(all.size() > 10, "walked " + all.size() + " commands");
    }

    @Test
    void anEmptyCaseFolder_isNothingToRun_notCaseNull(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("conform", "--backend", "emulated", "--cases", dir.toString());
        assertEquals(4, r.exitCode(), r.out() + r.err());
        assertFalse(r.err().contains("null"), r.err());
        assertTrue(r.err().contains("no *.case files"), r.err());
    }

    @Test
    void profileErrors_listWhatTheCommandAccepts() {
        CliRunner.Result c = CliRunner.run("conform", "--backend", "emulated", "--profile", "bogus");
        assertEquals(2, c.exitCode());
        assertTrue(c.err().contains("rfc-v1, later or all") && !c.err().contains("or none"), c.err());
        CliRunner.Result k = CliRunner.run("kernel", "check", "--profile", "bogus");
        assertEquals(2, k.exitCode());
        assertTrue(k.err().contains("rfc-v1 or later") && !k.err().contains("none)"), k.err());
        CliRunner.Result kn = CliRunner.run("kernel", "check", "--profile", "none");
        assertEquals(2, kn.exitCode(), kn.err());
        CliRunner.Result cn = CliRunner.run("conform", "--backend", "emulated", "--profile", "none");
        assertEquals(2, cn.exitCode(), cn.err());
        // the same wording from both commands (AbiProfile.uintrOption), each with its own list and reason
        assertTrue(c.err().contains("--profile: unknown profile 'bogus' (expected rfc-v1, later or all)"), c.err());
        assertTrue(k.err().contains("--profile: unknown profile 'bogus' (expected rfc-v1 or later)"), k.err());
        assertTrue(kn.err().contains("--profile: none has no uintr syscalls to check (expected rfc-v1 or later)"), kn.err());
        assertTrue(cn.err().contains("--profile: none runs no uintr case (expected rfc-v1, later or all)"), cn.err());
    }

    @Test
    void anEmptyMechanismName_saysWhatIsExpected() {
        CliRunner.Result r = CliRunner.run("bench", "--mechanisms", "pipe,,futex");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("empty name between commas") && r.err().contains("pipe"), r.err());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void benchWithoutTheShim_saysUnknown_neverZero(@TempDir Path dir) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duintr.shim=off",
                "-cp", System.getProperty("java.class.path"), "dev.uintr.cli.Main", "bench", "--mechanisms", "uipi",
                "--backend", "emulated", "--iterations", "200", "--warmup", "10", "--reports", dir.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertTrue(out.contains("TSC unknown, timer overhead unknown"), out);
        assertFalse(out.contains("0.000 GHz"), out);
        Path run;
        try (var s = Files.list(dir.resolve("runs"))) {
            run = s.findFirst().orElseThrow();
        }
        String host = Files.readString(run.resolve("host.csv"));
        List<String> lines = host.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        String[] values = lines.get(1).split(",", -1);
        assertEquals("unknown", values[header.indexOf("timer_overhead_ticks")], host);
        assertEquals("unknown", values[header.indexOf("tsc_hz")], host);
    }
}
