package dev.uintr.kernel;

/**
 * A plain N-CPU scheduler: one FIFO run queue per CPU, no priorities. Every decision that
 * could go several ways (which CPU runs next, when to preempt, when an IPI lands) is taken
 * by the caller (a test's fixed schedule or the explorer's chooser), never at random.
 */
final class Scheduler {
    private Scheduler() {}

    /** Switches c to the head of its run queue (or idle); a still-running prev goes to the tail. */
    static void schedule(KernelState s, PerCpu c) {
        if (c.curr >= 0) {
            Task prev = s.task(c.curr);
            prev.inKernel = true;
            if (prev.state == TaskState.RUNNING) {
                prev.state = TaskState.READY;
                c.runQueue.add(prev.tid);
            }
            ContextSwitch.switchOut(s, c, prev);
        }
        if (!c.runQueue.isEmpty()) {
            Task next = s.task(c.runQueue.remove(0));
            ContextSwitch.switchIn(s, c, next);
            ContextSwitch.returnToUser(s, next);
        }
    }

    /** The current task of its CPU goes to sleep (TASK_INTERRUPTIBLE) and the CPU schedules. */
    static void block(KernelState s, Task t) {
        t.state = TaskState.SLEEPING;
        schedule(s, s.cpus[t.cpu]);
    }

    /**
     * Wakes a sleeping task with the given syscall result; it is queued on its last CPU (or the
     * first online one). An idle CPU picks it up at once (the resched IPI to an idle CPU is not
     * modelled as a separate event).
     */
    static void wake(KernelState s, Task t, long result) {
        if (t.state != TaskState.SLEEPING) {
            return;
        }
        t.state = TaskState.READY;
        t.lastResult = result;
        t.waitKind = WaitKind.NONE;
        t.deadline = -1;
        PerCpu c = s.cpus[t.cpu];
        if (!c.online) {
            c = firstOnline(s);
            t.cpu = c.id;
        }
        c.runQueue.add(t.tid);
        if (c.curr < 0) {
            schedule(s, c);
        }
    }

    static PerCpu firstOnline(KernelState s) {
        for (PerCpu c : s.cpus) {
            if (c.online) {
                return c;
            }
        }
        throw new IllegalStateException("no CPU online");
    }

    /** Adds a new or migrated READY task to c's queue; an idle c picks it up at once. */
    static void enqueue(KernelState s, Task t, PerCpu c) {
        t.cpu = c.id;
        t.state = TaskState.READY;
        c.runQueue.add(t.tid);
        if (c.curr < 0) {
            schedule(s, c);
        }
    }

    /** Removes an exiting task from wherever it is. */
    static void dequeue(KernelState s, Task t) {
        for (PerCpu c : s.cpus) {
            c.runQueue.remove((Integer) t.tid);
        }
    }

    /**
     * Takes CPU c offline (Kernel#cpuOffline): its current and queued tasks move to the first
     * online CPU, its pending interrupts are lost; the design's waiters are retargeted
     * ({@link Blocking#retargetWaiters}).
     */
    static void cpuOffline(KernelState s, PerCpu c) {
        c.online = false;
        PerCpu dest = Scheduler.firstOnline(s);
        if (c.curr >= 0) {
            Task prev = s.task(c.curr);
            prev.state = TaskState.READY;
            prev.inKernel = true;
            ContextSwitch.switchOut(s, c, prev);
            c.runQueue.add(prev.tid);
        }
        for (Integer tid : c.runQueue) {
            s.task(tid).cpu = dest.id;
            dest.runQueue.add(tid);
        }
        c.runQueue.clear();
        for (Task t : s.tasks) {
            if (t.alive() && t.cpu == c.id) {
                t.cpu = dest.id;
            }
        }
        java.util.Arrays.fill(c.irr, 0);
        Blocking.retargetWaiters(s, c, dest);
        if (dest.curr < 0) {
            Scheduler.schedule(s, dest);
        }
    }
}
