package dev.uintr.cli;

import picocli.CommandLine;

/** Entry point: the only System.exit in the harness. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cl = newCommandLine();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // every input-driven allocation has a limit (README "Exit codes"); reaching this is a bug
            cl.getErr().println("uintr-harness: internal error: " + e + " (an input limit is missing: please report the "
                    + "command line; -Xmx via UINTR_JAVA_OPTS gives more room meanwhile)");
            cl.getErr().flush();
            return ExitCodes.INTERNAL;
        }
    }

    /** The configured picocli command line: usage errors exit 2, escaped exceptions 70. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new UintrHarness());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        AsciiNumbers.register(cl);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof dev.uintr.BadInputException) {
                cmd.getErr().println(cmd.getColorScheme().errorText("uintr-harness: " + ex.getMessage()));
                return ExitCodes.USAGE;
            }
            cmd.getErr().println("uintr-harness: internal error: " + ex);
            ex.printStackTrace(cmd.getErr());
            return ExitCodes.INTERNAL;
        });
        return cl;
    }
}
