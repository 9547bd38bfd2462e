package dev.uintr.program;

/** How an observed outcome is graded (jcstress's Expect). */
public enum Expect {
    /** Passes, seen or not. */
    ACCEPTABLE,
    /** Passes, but a run that sees it is highlighted (a rare, legal interleaving). */
    ACCEPTABLE_INTERESTING,
    /** Fails the case when seen at least once. */
    FORBIDDEN
}
