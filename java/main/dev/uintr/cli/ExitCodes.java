package dev.uintr.cli;

import dev.uintr.Verdict;

/**
 * The exit codes every subcommand returns, as int constants for picocli and the tests; each is
 * {@link Verdict#exitCode()} of the verdict of the same meaning (checked by ExitCodesTest).
 */
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

    /** Combines two stage results: a failure dominates usage errors, which dominate skips ({@link Verdict#worst}). */
    public static int worst(int a, int b) {
        return Verdict.ofExitCode(a).worst(Verdict.ofExitCode(b)).exitCode();
    }
}
