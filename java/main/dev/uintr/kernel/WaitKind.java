package dev.uintr.kernel;

/** What a sleeping task is blocked in. */
public enum WaitKind {
    NONE,
    /** uintr_wait (rfc-v1: flags only; later: usec timer). */
    UINTR_WAIT,
    /** nanosleep / any other interruptible sleep. */
    SLEEP
}
