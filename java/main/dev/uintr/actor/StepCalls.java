package dev.uintr.actor;

import dev.uintr.Syscall;
import dev.uintr.kernel.Kernel;
import dev.uintr.program.Op;
import dev.uintr.program.Step;
import dev.uintr.program.StepSyscall;
import java.util.Map;

/**
 * The kernel calls an actor's step makes, in the kernel model's ABI profile: a program step's
 * syscall (through the one step → syscall mapping, {@link StepSyscall}), uintr_wait and
 * nanosleep, and the delivery count a waiting or spinning step ends on. Each returns what the
 * model returns: a value, -errno, or {@link Kernel#BLOCKED} (the task sleeps; the caller
 * decides what its step does when it runs again).
 */
public final class StepCalls {
    private StepCalls() {}

    /** Step {@code s}'s syscall by the running task {@code tid}, its arguments from {@code vars}, {@code handler} where it takes one. */
    public static long syscall(Kernel k, int tid, Step s, Map<String, Long> vars, long handler) {
        StepSyscall call = StepSyscall.of(s.op(), k.config().profile());
        if (call == null) {
            throw new IllegalStateException("not a syscall step: " + s.op());
        }
        return k.syscall(tid, call.syscall(), call.args(s, vars, handler));
    }

    /** uintr_wait's arguments in the kernel's profile: rfc-v1 (flags), later (usec, flags). */
    public static long[] uintrWaitArgs(Kernel k, long usec, long flags) {
        return StepSyscall.of(Op.UINTR_WAIT, k.config().profile()).args(0, usec, flags);
    }

    /** nanosleep for {@code usec} (the model's timespec is microseconds). */
    public static long nanosleep(Kernel k, int tid, long usec) {
        return k.syscall(tid, Syscall.NANOSLEEP, usec);
    }

    /** Task {@code tid}'s handler has taken at least {@code n} user interrupts: a spin or wait for them is over. */
    public static boolean delivered(Kernel k, int tid, long n) {
        return k.task(tid).deliveries.size() >= n;
    }
}
