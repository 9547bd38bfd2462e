package dev.uintr.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what it printed: the one helper every command test uses. */
public final class CliRunner {
    /** An exit code with what that one run printed. */
    public record Result(int exitCode, String out, String err) {}

    private CliRunner() {}

    /** Runs with fresh out/err. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = execute(out, err, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs and appends what it printed to {@code out} and {@code err} (tests that keep them across runs). */
    public static int execute(StringWriter out, StringWriter err, String... args) {
        var cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
