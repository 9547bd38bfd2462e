package dev.uintr.explore;

/**
 * One step of an actor's program in a scenario file.
 *
 * @param kind   what the step does
 * @param target WAIT: the number of deliveries to wait for; SEND: the receiver's name;
 *               OFFLINE: the CPU; MIGRATE, KILL, SIGNAL: the task's name; SLEEP: unused
 * @param cpu    MIGRATE: the destination CPU; otherwise unused (-1)
 * @param line   the scenario file line it came from
 */
public record ActorStep(Kind kind, String target, int cpu, int line) {
    public enum Kind {
        /** {@code wait [N]}: while fewer than N interrupts were delivered, uintr_wait (entry, then arm + sleep). */
        WAIT,
        /** {@code spin [N]}: busy-wait in user mode (no syscall) until N interrupts were delivered. */
        SPIN,
        /**
         * {@code send RECEIVER}: SENDUIPI with the index the task registered for RECEIVER; under the
         * send-wrapper designs, the wrapper (read the blocked word, then SENDUIPI or the wake call).
         */
        SEND,
        /** {@code sleep}: nanosleep in an unrelated syscall (its timer never fires in a search). */
        SLEEP,
        /** {@code signal TASK} (platform actor): a signal wakes TASK from an interruptible sleep. */
        SIGNAL,
        /** {@code offline CPU} (platform actor): CPU hot-unplug. */
        OFFLINE,
        /** {@code migrate TASK CPU} (platform actor): move a task that is not running to another CPU. */
        MIGRATE,
        /** {@code kill TASK} (platform actor): the task exits (a fatal signal), wherever it is. */
        KILL
    }

    public int count() {
        return kind == Kind.WAIT || kind == Kind.SPIN ? Integer.parseInt(target) : 0;
    }

    @Override
    public String toString() {
        switch (kind) {
            case WAIT: return "1".equals(target) ? "wait" : "wait " + target;
            case SPIN: return "1".equals(target) ? "spin" : "spin " + target;
            case SEND: return "send " + target;
            case OFFLINE: return "offline " + target;
            case KILL: return "kill " + target;
            case SLEEP: return "sleep";
            case SIGNAL: return "signal " + target;
            default: return "migrate " + target + " " + cpu;
        }
    }
}
