package dev.uintr.actor;

import dev.uintr.Syscall;
import dev.uintr.program.Op;
import dev.uintr.program.Step;

/**
 * One step of an actor program in the one form {@link ActorMachine} runs. A case's thread
 * steps ({@link #of(Step)}) and a scenario's actor steps (the other factories, made by the
 * explorer once per world) are both compiled into it; what the two languages mean differently
 * is a property of the step, not a second interpreter:
 *
 * <ul>
 *   <li>{@code split}: a syscall's kernel entry is a move of its own (a scenario's {@code wait},
 *       so that the search can post between entry and call); a case's {@code uintr_wait} is one
 *       atomic call.</li>
 *   <li>{@code until}: the step repeats its call (SYSCALL) or spins (SPIN_UNTIL) until its task's
 *       handler has taken that many interrupts, and is over by itself once they are there
 *       ({@link ActorMachine#settle}); -1 for a call made once.</li>
 *   <li>{@code records}: the step records its result (a case's steps): a call that blocked
 *       completes with a move of its own when its task runs again, a spin-until takes a move to
 *       finish. A step that records nothing (a scenario's) goes on at once.</li>
 * </ul>
 *
 * @param kind    what the step does
 * @param step    the case step it was compiled from (arguments, named result, rendering), null for a scenario's
 * @param call    the call of a SYSCALL step fixed when compiled (a scenario's), null when the case step names it
 * @param args    that call's arguments in the kernel's profile
 * @param split   see above
 * @param until   see above
 * @param records see above
 * @param target  SEND: the UITT index fixed when compiled (-1: none, index 0 is used); platform steps: the
 *                task id they act on, or the CPU that goes offline
 * @param cpu     MIGRATE: the destination CPU; otherwise -1
 */
public record Instr(Kind kind, Step step, Syscall call, long[] args, boolean split, int until, boolean records,
                    long target, int cpu) {

    /** What a step does. The first group is both languages' vocabulary; the last only case programs have. */
    public enum Kind {
        /** A system call: a case step's through {@code program.StepSyscall}, or a fixed one (uintr_wait, nanosleep). */
        SYSCALL,
        /** Post through a UITT entry under the kernel's blocking design ({@link SendStep}). */
        SEND,
        /** Busy-wait in user mode (no syscall) until the handler has taken {@code until} interrupts. */
        SPIN_UNTIL,
        /** Platform: a signal wakes task {@code target} from an interruptible sleep. */
        SIGNAL,
        /** Platform: CPU {@code target} goes offline. */
        CPU_OFFLINE,
        /** Platform: task {@code target}, not running, moves to CPU {@code cpu}. */
        MIGRATE,
        /** Platform: task {@code target} exits (a fatal signal). */
        KILL,
        /** A kernel sleep of model time, restarted after an interruption until the time has passed. */
        SLEEP,
        /** A user-mode busy wait of model time. */
        SPIN,
        BARRIER,
        MARK,
        /** tgkill to another thread of the case (its signal handler records where it ran). */
        TGKILL,
        STUI,
        CLUI,
        TESTUI,
        EXEC,
        FORK
    }

    /** A case program's step: it records its result; its uintr_wait is one call. */
    public static Instr of(Step s) {
        return new Instr(kindOf(s.op()), s, null, null, false, s.op() == Op.SPIN_UNTIL ? s.spinTarget() : -1, true, -1, -1);
    }

    /** A scenario's {@code wait N}: uintr_wait with {@code args}, entry and call split, repeated until N interrupts. */
    public static Instr waitLoop(long[] args, int n) {
        return new Instr(Kind.SYSCALL, null, Syscall.UINTR_WAIT, args, true, n, false, -1, -1);
    }

    /** A scenario's {@code sleep}: one nanosleep of {@code usec}; the actor's next step waits for its task to run. */
    public static Instr nanosleep(long usec) {
        return new Instr(Kind.SYSCALL, null, Syscall.NANOSLEEP, new long[] {usec}, false, -1, false, -1, -1);
    }

    /** A scenario's {@code spin N}: over by itself once N interrupts were delivered. */
    public static Instr spin(int n) {
        return new Instr(Kind.SPIN_UNTIL, null, null, null, false, n, false, -1, -1);
    }

    /** A scenario's {@code send}: through UITT index {@code idx} (-1: not connected). */
    public static Instr send(long idx) {
        return new Instr(Kind.SEND, null, null, null, false, -1, false, idx, -1);
    }

    /** A platform step on task or CPU {@code target} ({@code cpu}: MIGRATE's destination). */
    public static Instr platform(Kind kind, int target, int cpu) {
        return new Instr(kind, null, null, null, false, -1, false, target, cpu);
    }

    private static Kind kindOf(Op op) {
        switch (op) {
            case SENDUIPI: return Kind.SEND;
            case SPIN_UNTIL: return Kind.SPIN_UNTIL;
            case SLEEP: return Kind.SLEEP;
            case SPIN: return Kind.SPIN;
            case BARRIER: return Kind.BARRIER;
            case MARK: return Kind.MARK;
            case SIGNAL: return Kind.TGKILL;
            case STUI: return Kind.STUI;
            case CLUI: return Kind.CLUI;
            case TESTUI: return Kind.TESTUI;
            case EXEC: return Kind.EXEC;
            case FORK: return Kind.FORK;
            default: return Kind.SYSCALL;
        }
    }

    /** Over by itself (no move of its own) once its task's handler has taken {@code until} interrupts, at {@code phase}. */
    boolean endsByItself(int phase) {
        return !records && until >= 0 && (kind == Kind.SPIN_UNTIL || phase == 0);
    }
}
