package dev.uintr.cli;

/** The exit codes every subcommand returns; listed in the root command's help. */
public final class ExitCodes {
    /** Everything selected ran and passed (some cases may have been skipped). */
    public static final int OK = 0;
    /** At least one case, row or check failed. */
    public static final int FAILED = 1;
    /** Bad input: an unknown option or value, a malformed file; the message names it. */
    public static final int USAGE = 2;
    /** Nothing could run: every case was skipped (the reasons are printed). */
    public static final int ALL_SKIPPED = 4;
    /** An internal error escaped: a bug in the harness, with a stack trace. */
    public static final int INTERNAL = 70;

    private ExitCodes() {}

    /** Combines two stage results: a failure dominates usage errors, which dominate skips. */
    public static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        switch (code) {
            case OK: return 0;
            case ALL_SKIPPED: return 1;
            case FAILED: return 3;
            case USAGE: return 2;
            default: return 4;
        }
    }
}
