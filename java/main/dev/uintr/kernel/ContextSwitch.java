package dev.uintr.kernel;

/**
 * The context-switch hooks per profile (uintr-kernel §4.3, audit §4): switch_uintr_prepare
 * before the FPU switch, XSAVES clearing UINV, switch_uintr_finish (later) after it, and
 * switch_uintr_return on every return to user mode (restore UINV, NDST, clear SN, self-IPI
 * 0xEC when PIR is not empty).
 */
final class ContextSwitch {
    private ContextSwitch() {}

    /** prev leaves its CPU: prepare, then XSAVES (saves the component, clears UINV). */
    static void switchOut(KernelState s, PerCpu c, Task prev) {
        prepare(s, prev);
        c.liveUinv = 0;                                                  // §1.3 XSAVES clears UINV
        c.curr = -1;
    }

    static void prepare(KernelState s, Task prev) {
        if (!prev.receiver || prev.upid < 0) {
            return;
        }
        UpidContext u = s.upid(prev.upid);
        if (s.config.rfc()) {
            if (!u.waiting) {
                u.sn = true;                                             // P11 form: not while waiting
            }
            return;
        }
        if (s.config.blockingBuilt() && u.waitingCost != UpidContext.COST_NONE && prev.state == TaskState.SLEEPING) {
            if (u.waitingCost == UpidContext.COST_RECEIVER) {
                u.nv = UpidContext.KERNEL_VECTOR;                               // kernel-vector scheme, SN stays 0
                u.waiting = true;
                if (!s.waitList.contains(prev.upid)) {
                    s.waitList.add(prev.upid);
                }
                return;
            }
            u.blkd = true;                                               // sender pays: arm #GP, then SN
            u.waiting = true;
        }
        u.sn = true;
    }

    /** next becomes current on c (in kernel mode): later's switch_uintr_finish. */
    static void switchIn(KernelState s, PerCpu c, Task next) {
        c.curr = next.tid;
        next.cpu = c.id;
        next.state = TaskState.RUNNING;
        next.inKernel = true;
        if (s.config.rfc() && next.receiver && next.upid >= 0 && s.upid(next.upid).waiting
                && s.config.design().disarmsOnAnyWake()) {
            UpidContext u = s.upid(next.upid);                                  // the better designs disarm on any wake,
            u.blkd = false;                                              // like later's finish (no stale entry, §5.2 item 3)
            Lifetimes.leaveWaitList(s, next.upid);
        }
        if (s.config.later() && s.config.blockingBuilt() && next.receiver && next.upid >= 0) {
            UpidContext u = s.upid(next.upid);
            if (u.waiting) {
                if (u.waitingCost == UpidContext.COST_SENDER) {
                    u.blkd = false;
                    u.waiting = false;
                } else {
                    Lifetimes.leaveWaitList(s, next.upid);
                }
            }
        }
    }

    /** The exit to user mode of the current task t: task_work, XRSTORS, switch_uintr_return, IRQs on. */
    static void returnToUser(KernelState s, Task t) {
        PerCpu c = s.cpus[t.cpu];
        Lifetimes.runTaskWork(s, t);
        if (t.notifySignal) {
            t.notifySignal = false;                                      // consumed by arch_do_signal_or_restart
        }
        c.liveUinv = t.uinv;                                             // XRSTORS of the component
        if (t.receiver && t.upid >= 0) {
            if (c.liveUinv == 0) {
                c.liveUinv = UpidContext.NOTIFICATION_VECTOR;
                t.uinv = UpidContext.NOTIFICATION_VECTOR;
            }
            UpidContext u = Lifetimes.touch(s, t.upid, "return to user of task " + t.tid);
            u.ndst = c.ndst();
            u.sn = false;                                                // only after UINV and NDST are right
            if (u.pir != 0) {
                UipiHardware.sendIpi(s, c.apicId(), UpidContext.NOTIFICATION_VECTOR); // self-IPI folds PIR into UIRR
            }
        }
        t.inKernel = false;
        UipiHardware.takeInterrupts(s, c);                               // next instruction boundary (design 4)
        UipiHardware.deliver(s, t);
    }
}
