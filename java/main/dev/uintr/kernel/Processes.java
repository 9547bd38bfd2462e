package dev.uintr.kernel;

import java.util.List;

/**
 * Process and thread lifetimes behind {@link Kernel}'s public calls: creation, fork, execve,
 * thread exit and the fatal signal that ends a whole thread group (uintr-kernel §4.1, §4.2).
 */
final class Processes {
    private Processes() {}

    /** A new task of mm {@code mm} queued on {@code cpu} (an online CPU); returns its tid. */
    static int newTask(KernelState s, int mm, String name, PerCpu cpu) {
        Task t = new Task(s.tasks.size(), mm, name, cpu.id);
        s.tasks.add(t);
        Scheduler.enqueue(s, t, cpu);
        return t.tid;
    }

    /**
     * fork(): the child gets a copy of the fd table (close-on-exec flags kept) and no UINTR
     * thread state (fpu_clone zeroes the component); in the later profile its mm shares the
     * parent's UITT (arch_dup_mmap, §4.2). Returns the child's tid.
     */
    static int fork(KernelState s, Task parent, String name, PerCpu cpu) {
        Mm pm = s.mm(parent.mm);
        Mm cm = new Mm(s.mms.size());
        s.mms.add(cm);
        cm.plainFunctions.addAll(pm.plainFunctions);
        for (var e : pm.fds.entrySet()) {
            cm.fds.put(e.getKey(), e.getValue());
            s.file(e.getValue().file()).refs++;
        }
        if (s.config.later() && pm.uitt >= 0) {
            cm.uitt = pm.uitt;
            Lifetimes.getUitt(s, pm.uitt);
        }
        return newTask(s, cm.id, name, cpu);
    }

    /**
     * execve() by t: the other threads exit, close-on-exec fds close, t's UINTR state is dropped as
     * at exit (our decision: the cover letter says nothing survives exec; the code path is
     * UNCONFIRMED, §4.1), and in the later profile the new mm has no UITT.
     */
    static void exec(KernelState s, Task t) {
        exitOtherThreads(s, t, 0);
        Mm mm = s.mm(t.mm);
        for (Integer fd : List.copyOf(mm.fds.keySet())) {
            if (mm.fds.get(fd).cloexec()) {
                Fds.close(s, t, fd);
            }
        }
        mm.plainFunctions.clear();                                        // a new program image
        Lifetimes.uintrFree(s, t);
        if (s.config.later() && mm.uitt >= 0) {
            Lifetimes.putUitt(s, mm.uitt);
            mm.uitt = -1;
        }
        if (s.cpus[t.cpu].curr == t.tid) {
            s.cpus[t.cpu].liveUinv = 0;
        }
        Lifetimes.runTaskWork(s, t);
    }

    /** The thread exits (exit_thread → uintr_free, §4.1/§4.2); the last thread also closes the process's fds. */
    static void exitTask(KernelState s, Task t) {
        PerCpu c = s.cpus[t.cpu];
        boolean wasCurrent = c.curr == t.tid;
        Lifetimes.uintrFree(s, t);
        t.state = TaskState.EXITED;
        t.waitKind = WaitKind.NONE;
        Scheduler.dequeue(s, t);
        Mm mm = s.mm(t.mm);
        boolean last = s.tasks.stream().noneMatch(o -> o.alive() && o.mm == t.mm);
        if (last) {
            for (Integer fd : List.copyOf(mm.fds.keySet())) {
                Fds.close(s, t, fd);
            }
            if (mm.uitt >= 0) {
                Lifetimes.putUitt(s, mm.uitt);                            // destroy_context (later)
                mm.uitt = -1;
            }
            mm.alive = false;
        }
        Lifetimes.runTaskWork(s, t);                                      // exit_task_work
        if (wasCurrent) {
            c.curr = -1;
            c.liveUinv = 0;
            Scheduler.schedule(s, c);
        }
    }

    /**
     * A fatal signal (a fault with no handler installed) kills t's whole thread group: every
     * thread exits, t last; each records the signal in {@link Task#killedBy}, which is what the
     * parent's waitpid() would see.
     */
    static void killProcess(KernelState s, Task t, int signal) {
        exitOtherThreads(s, t, signal);
        t.killedBy = signal;
        if (t.alive()) {
            exitTask(s, t);
        }
    }

    /**
     * Exits the other threads of t's process in tid order, each if still alive when reached;
     * {@code signal} ≠ 0 is recorded in each one's {@link Task#killedBy} (0: execve, no signal).
     */
    private static void exitOtherThreads(KernelState s, Task t, int signal) {
        for (Task o : List.copyOf(s.tasks)) {
            if (o.alive() && o.mm == t.mm && o.tid != t.tid) {
                if (signal != 0) {
                    o.killedBy = signal;
                }
                exitTask(s, o);
            }
        }
    }
}
