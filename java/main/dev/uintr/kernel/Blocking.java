package dev.uintr.kernel;

/**
 * Waking receivers blocked in the kernel: the four designs of design.md ("Blocking
 * designs"), the wait-list walk of the 0xEB (and, naive/later, 0xEC) handler (§5.1), and
 * the later tree's sender-pays #GP fixup (§5.6).
 */
final class Blocking {
    private Blocking() {}

    /**
     * rfc-v1 uintr_wait after its errno checks: arm per the run's design and sleep. Returns
     * {@link Kernel#BLOCKED}, or -EINTR at once when the checked designs see a pending interrupt.
     */
    static long rfcWait(KernelState s, Task t) {
        UpidContext u = s.upid(t.upid);
        switch (s.config.design()) {
            case NAIVE:
                u.waiting = true;                                        // NV stays 0xEC, SN stays 0
                s.waitList.add(t.upid);
                break;
            case KERNEL_VECTOR:
                u.nv = UpidContext.KERNEL_VECTOR;                               // §5.1
                u.waiting = true;
                s.waitList.add(t.upid);
                break;
            case KERNEL_VECTOR_CHECKED:
                u.nv = UpidContext.KERNEL_VECTOR;
                u.waiting = true;
                s.waitList.add(t.upid);
                if (u.on || u.pir != 0 || t.uirr != 0) {                 // re-check after arming: abort the wait
                    Lifetimes.leaveWaitList(s, t.upid);
                    return -Errno.EINTR;
                }
                break;
            case GP_FAULT:
                u.blkd = true;                                           // reserved bit 7: SENDUIPI will #GP
                u.sn = true;
                u.waiting = true;
                if (u.on || u.pir != 0 || t.uirr != 0) {
                    u.blkd = false;
                    u.waiting = false;
                    return -Errno.EINTR;
                }
                break;
            default:
                throw new IllegalStateException("design " + s.config.design());
        }
        t.waitKind = WaitKind.UINTR_WAIT;
        t.deadline = -1;                                                 // RFC as posted: no timeout
        Scheduler.block(s, t);
        return Kernel.BLOCKED;
    }

    /**
     * Walks the global wait list: every armed UPID with ON set is disarmed and its task woken
     * (§5.1). A 0xEB taken while the CPU runs a task it does not wake counts as a victim
     * interrupt; an idle CPU is not counted as a victim.
     */
    static void wakeScan(KernelState s, PerCpu c, boolean kernelVector) {
        // Who was running when the interrupt came: a wake below may schedule the woken task
        // on this CPU at once (an idle CPU runs it), which must not turn an idle CPU into a victim.
        int interrupted = c.curr;
        boolean curWoken = false;
        for (Integer id : new java.util.ArrayList<>(s.waitList)) {
            UpidContext u = Lifetimes.touch(s, id, "wait-list walk on cpu " + c.id);
            if (!u.on) {
                continue;
            }
            u.sn = true;
            u.nv = UpidContext.NOTIFICATION_VECTOR;
            u.waiting = false;
            s.waitList.remove(id);
            Task t = s.task(u.task);
            if (t.tid == interrupted) {
                curWoken = true;
            }
            uintrWake(s, t);
        }
        if (kernelVector && interrupted >= 0 && !curWoken) {            // an innocent victim (§5.2 item 7)
            s.counters.victimInterrupts++;
        }
    }

    /** A uintr wake-up of {@code t} (kernel scan or #GP fixup): TIF_NOTIFY_SIGNAL (later), -EINTR. */
    static void uintrWake(KernelState s, Task t) {
        if (s.config.later()) {
            t.notifySignal = true;
        }
        if (t.state != TaskState.SLEEPING) {
            return;                                                      // wake_up_process on a running task: nothing
        }
        if (s.config.rfc() && t.waitKind != WaitKind.UINTR_WAIT) {
            // rfc-v1 has no TIF_NOTIFY_SIGNAL: a task reached through a stale wait-list entry while
            // it sleeps in nanosleep is woken without a pending signal, and the sleep loop goes back
            // to sleep (tglx, §5.4: SENDUIPI cannot interrupt nanosleep). Disarmed by the walk, the
            // post now waits in PIR for the end of the sleep.
            return;
        }
        s.counters.uintrWakeups++;
        UpidContext u = t.upid >= 0 ? s.upid(t.upid) : null;
        if ((u == null || u.pir == 0) && t.uirr == 0) {
            s.counters.emptyWakeups++;
        }
        Scheduler.wake(s, t, -Errno.EINTR);
    }

    /**
     * SENDUIPI hit a UPID with reserved bit 7 set → #GP in the sender (§5.6). The kernel fixes
     * it up when it owns the scheme (later profile with blocking built, or the gp-fault design);
     * otherwise the sender gets SIGSEGV.
     */
    static SendOutcome gpFault(KernelState s, Task sender, int idx) {
        boolean ours = s.config.later() ? s.config.blockingBuilt() : s.config.design() == BlockingDesign.GP_FAULT;
        Uitt uitt = s.uitt(sender.tt);
        if (!ours || !uitt.allocated(idx)) {
            return SendOutcome.SIGSEGV;
        }
        int upidId = uitt.upid[idx];
        UpidContext u = Lifetimes.touch(s, upidId, "#GP fixup for task " + sender.tid);
        u.blkd = false;                                                  // test_and_clear(BLKD) was 1
        u.pir |= 1L << uitt.vector[idx];
        u.on = true;
        u.waiting = false;
        s.counters.gpFixups++;
        Task target = s.task(u.task);
        if (target.state == TaskState.SLEEPING) {
            uintrWake(s, target);
        }
        return SendOutcome.OK_AFTER_GP_FIXUP;                            // RIP += 4
    }
}
