package dev.uintr.kernel;

/** Scheduler state of a task. */
public enum TaskState {
    /** Current on its CPU. */
    RUNNING,
    /** On a run queue. */
    READY,
    /** Blocked TASK_INTERRUPTIBLE (uintr_wait, nanosleep). */
    SLEEPING,
    /** Gone; its slot stays so ids stay stable. */
    EXITED
}
