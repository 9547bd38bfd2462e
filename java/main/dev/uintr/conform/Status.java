package dev.uintr.conform;

/** A case's status, kept apart from grading (jcstress): FAIL comes from grading, ERROR / TIMEOUT are hard errors, SKIP is soft. */
public enum Status {
    PASS, FAIL, ERROR, TIMEOUT, SKIP;

    /** True for the statuses that make a run fail (exit code 1). */
    public boolean bad() {
        return this == FAIL || this == ERROR || this == TIMEOUT;
    }
}
