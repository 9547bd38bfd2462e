package dev.uintr;

/**
 * What a run of one area (probe, conform, isa, kernel, explore, bench) comes to, and the exit
 * code every command and run stage returns for it. The one place the codes are defined.
 */
public enum Verdict {
    /** Everything selected ran and passed (some cases may have been skipped). */
    PASS(0),
    /** At least one case, row or check failed. */
    FAILED(1),
    /** Bad input: an unknown option or value, a malformed file; the message names it. */
    BAD_INPUT(2),
    /** Nothing could run: everything was skipped (the reasons are printed). */
    ALL_SKIPPED(4),
    /** An internal error escaped: a bug in the harness. */
    INTERNAL(70);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** FAILED when {@code anyFailed}, else ALL_SKIPPED when {@code allSkipped}, else PASS. */
    public static Verdict of(boolean anyFailed, boolean allSkipped) {
        return anyFailed ? FAILED : allSkipped ? ALL_SKIPPED : PASS;
    }

    /** The verdict of exit code {@code code}; an unknown code is INTERNAL. */
    public static Verdict ofExitCode(int code) {
        for (Verdict v : values()) {
            if (v.exitCode == code) {
                return v;
            }
        }
        return INTERNAL;
    }

    /** Combines two results: an internal error dominates failures, which dominate bad input, then skips. */
    public Verdict worst(Verdict other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case PASS -> 0;
            case ALL_SKIPPED -> 1;
            case BAD_INPUT -> 2;
            case FAILED -> 3;
            case INTERNAL -> 4;
        };
    }
}
