package dev.uintr.kernel;

/**
 * A platform event the model can take next without any user thread acting: what a chooser
 * picks among (see {@link Kernel#pendingEvents()} and {@link Kernel#apply(KernelEvent)}).
 *
 * @param kind   what happens
 * @param target the CPU (TAKE_INTERRUPTS, SCHEDULE) or the task (TIMER)
 */
public record KernelEvent(Kind kind, int target) {
    public enum Kind {
        /** The CPU takes its pending interrupts (IPIs land). */
        TAKE_INTERRUPTS,
        /** The CPU reschedules (preempts its current task, or picks up a queued one). */
        SCHEDULE,
        /** The task's timer expires (model time advances to its deadline). */
        TIMER
    }

    @Override
    public String toString() {
        switch (kind) {
            case TAKE_INTERRUPTS: return "irq cpu" + target;
            case SCHEDULE: return "schedule cpu" + target;
            default: return "timer task " + target;
        }
    }
}
