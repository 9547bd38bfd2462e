package dev.uintr.kernel;

/**
 * Waking receivers blocked in the kernel: the designs of design.md ("Blocking designs"), the
 * wait-list walk of the 0xEB (naive/later: 0xEC; affinity: its device vector) handler (§5.1),
 * the later tree's sender-pays #GP fixup (§5.6) and the send wrapper's wake system call.
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
            case SEND_WRAPPER:
            case SEND_WRAPPER_POST_FIRST:
                u.sn = true;                                             // not running: a SENDUIPI only posts (Andy's state 2)
                u.waiting = true;                                        // publish the "blocked" word the wrapper reads
                if (u.on || u.pir != 0 || t.uirr != 0) {                 // re-check after publishing: a post that came first
                    u.waiting = false;
                    return -Errno.EINTR;
                }
                break;
            case AFFINITY:
                u.nv = UpidContext.AFFINITY_VECTOR;                             // a device-like interrupt ...
                u.ndst = affinityTarget(s).ndst();                       // ... to a CPU its affinity allows
                u.waiting = true;
                s.waitList.add(t.upid);
                if (u.on || u.pir != 0 || t.uirr != 0) {
                    Lifetimes.leaveWaitList(s, t.upid);
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
            s.counters.waitListWalked++;
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
            uintrWake(s, t, c.id);
        }
        if (kernelVector && interrupted >= 0 && !curWoken) {            // an innocent victim (§5.2 item 7)
            s.counters.victimInterrupts++;
        }
    }

    /**
     * CPU c went offline (dest is the first online CPU): with kernel-vector-checked, armed waiters
     * whose NDST points at c are retargeted to dest and re-notified when ON is set (tglx's fix,
     * §5.2 item 6); with affinity, to the next CPU the IRQ affinity allows (what fixup_irqs does
     * for a device interrupt). The other designs leave them pointing at c.
     */
    static void retargetWaiters(KernelState s, PerCpu c, PerCpu dest) {
        boolean retarget = s.config.rfc() && (s.config.design() == BlockingDesign.KERNEL_VECTOR_CHECKED
                || s.config.design() == BlockingDesign.AFFINITY);
        if (retarget) {
            // checked: tglx's fix; affinity: fixup_irqs moves the interrupt to a CPU its affinity still allows
            PerCpu to = s.config.design() == BlockingDesign.AFFINITY ? affinityTarget(s) : dest;
            for (Integer id : s.waitList) {
                UpidContext u = s.upid(id);
                if (u.ndst == c.ndst()) {
                    u.ndst = to.ndst();
                    if (u.on) {
                        UipiHardware.sendIpi(s, to.apicId(), u.nv);
                    }
                }
            }
        }
    }

    /**
     * The first online CPU the IRQ affinity allows (KernelConfig.irqAffinity), else the first
     * online CPU at all (Linux breaks an affinity whose CPUs are all offline).
     */
    static PerCpu affinityTarget(KernelState s) {
        for (PerCpu c : s.cpus) {
            if (c.online && s.config.inIrqAffinity(c.id)) {
                return c;
            }
        }
        return Scheduler.firstOnline(s);
    }

    /**
     * A uintr wake-up of {@code t} done on CPU {@code waker} (kernel scan, #GP fixup, wrapper
     * syscall): TIF_NOTIFY_SIGNAL (later), -EINTR; a waker other than t's CPU costs a reschedule IPI.
     */
    static void uintrWake(KernelState s, Task t, int waker) {
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
        if (t.waitKind == WaitKind.SLEEP) {
            s.counters.unrelatedWakes++;                                 // later: any interruptible sleep was armed
        }
        int dest = s.cpus[t.cpu].online ? t.cpu : Scheduler.firstOnline(s).id;
        if (waker != dest) {
            s.counters.wakeIpis++;                                       // ttwu on a remote CPU: reschedule IPI
        }
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
        s.counters.senderEntries++;
        Task target = s.task(u.task);
        if (target.state == TaskState.SLEEPING) {
            uintrWake(s, target, sender.cpu);
        }
        return SendOutcome.OK_AFTER_GP_FIXUP;                            // RIP += 4
    }

    /**
     * The send wrapper's read of the receiver's published "blocked" word through UITT entry
     * {@code idx} (a user-mode load of a page the kernel maps for senders): false for an entry
     * that is not valid.
     */
    static boolean blockedWord(KernelState s, Task sender, long idx) {
        if (sender.tt < 0 || idx < 0 || idx >= Uitt.ENTRIES) {
            return false;
        }
        Uitt uitt = s.uitt(sender.tt);
        int i = (int) idx;
        return uitt.valid[i] && uitt.upid[i] >= 0 && s.upid(uitt.upid[i]).waiting;
    }

    /**
     * The send wrapper's wake system call for UITT entry {@code idx}: the kernel finds the target
     * directly (no list walk). send-wrapper: the call carries the post (PIR, ON) and wakes a
     * blocked target; a target no longer blocked gets the post as SENDUIPI would make it
     * (notification IPI when ON was 0 and SN is 0). send-wrapper-post-first: the post was made
     * by SENDUIPI before, the call only wakes. Returns 0, or -EINVAL for an entry not valid.
     */
    static long wrapperWake(KernelState s, Task sender, long idx) {
        s.counters.syscalls++;
        s.counters.senderEntries++;
        if (sender.tt < 0 || idx < 0 || idx >= Uitt.ENTRIES || !s.uitt(sender.tt).valid[(int) idx]) {
            return -Errno.EINVAL;
        }
        Uitt uitt = s.uitt(sender.tt);
        int i = (int) idx;
        UpidContext u = Lifetimes.touch(s, uitt.upid[i], "wrapper wake by task " + sender.tid);
        Task target = s.task(u.task);
        boolean blocked = u.waiting && target.state == TaskState.SLEEPING;
        if (s.config.design() == BlockingDesign.SEND_WRAPPER) {
            u.pir |= 1L << uitt.vector[i];
            if (blocked) {
                u.on = true;
            } else if (!u.on && !u.sn) {
                u.on = true;
                UipiHardware.sendIpi(s, u.ndst >>> 8, u.nv);
            }
        }
        if (blocked) {
            u.waiting = false;
            uintrWake(s, target, sender.cpu);
        }
        return 0;
    }
}
