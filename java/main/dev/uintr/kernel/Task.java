package dev.uintr.kernel;

import dev.uintr.isa.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A thread (task_struct) with its UINTR state: the six MSRs as the kernel keeps them (in the
 * xsave image or live), UIF, and the receiver / sender state of its generation
 * (uintr-kernel §4.1, §4.2, §9). All links are ids into {@link KernelState}.
 */
public final class Task {
    public final int tid;
    public int mm;
    public String name;
    public TaskState state = TaskState.READY;
    /** The CPU it runs on or last ran on. */
    public int cpu;
    /** In the kernel (a syscall or an interrupt) rather than in user mode. */
    public boolean inKernel;

    // --- MSRs (IA32_UINTR_*) ---
    public long handler;
    public long stackAdjust;
    public int uittSize;
    /** MISC[39:32] in the task's image; the live register is {@link PerCpu#liveUinv}. */
    public int uinv;
    /** IA32_UINTR_PD: the UPID index, -1 when 0. */
    public int pd = -1;
    public long uirr;
    /** IA32_UINTR_TT: the UITT id with bit 0 set, -1 when TT[0] = 0. */
    public int tt = -1;
    public boolean uif;

    // --- receiver ---
    /** The thread's UPID (rfc: ui_recv.upid_ctx; later: upid_ctx kept until exit), -1 none. */
    public int upid = -1;
    /** rfc: ui_recv != NULL; later: upid_activated. */
    public boolean receiver;

    // --- sender ---
    /** rfc: the task's own UITT (ui_send.uitt_ctx), -1 none. Unused in later (per-mm). */
    public int sendUitt = -1;
    /** later: this thread's sender MSRs are programmed. */
    public boolean uittActivated;

    // --- blocking ---
    public WaitKind waitKind = WaitKind.NONE;
    /** Absolute model time (µs) at which the wait's timer fires, -1 none. */
    public long deadline = -1;
    /** TIF_NOTIFY_SIGNAL set by a uintr wake (later): the interrupted syscall returns -EINTR. */
    public boolean notifySignal;
    /** The result of the last completed syscall (for a blocking one: set when it returns). */
    public long lastResult;

    /** Delivery faulted (handler not canonical, stack not writable): the task would get SIGSEGV. */
    public boolean deliveryFaulted;

    /** The signal that killed this task's process (Signals.SIGSEGV, ...), 0 when none. */
    public int killedBy;
    /**
     * RSP at the first instruction of the handler at the last delivery (it points at the pushed
     * vector, uintr-isa §9), 0 before any delivery.
     */
    public long handlerRsp;

    /**
     * The fault the task's last SENDUIPI raised, with its cause (NONE when it raised none; after a
     * #UD fix-up, the re-execution's). It explains an outcome and is not part of the state.
     */
    public Fault lastSendFault = Fault.NONE;

    /** Vectors delivered to the handler, in order. */
    public final List<Integer> deliveries = new ArrayList<>();
    public final List<TaskWork> taskWork = new ArrayList<>();

    public Task(int tid, int mm, String name, int cpu) {
        this.tid = tid;
        this.mm = mm;
        this.name = name;
        this.cpu = cpu;
    }

    /** Zeroes all six MSRs and UIF (fork's fpu_clone, exit, exec). */
    public void clearMsrs() {
        handler = 0;
        stackAdjust = 0;
        uittSize = 0;
        uinv = 0;
        pd = -1;
        uirr = 0;
        tt = -1;
        uif = false;
    }

    public boolean alive() {
        return state != TaskState.EXITED;
    }

    public Task copy() {
        Task t = new Task(tid, mm, name, cpu);
        t.state = state;
        t.inKernel = inKernel;
        t.handler = handler;
        t.stackAdjust = stackAdjust;
        t.uittSize = uittSize;
        t.uinv = uinv;
        t.pd = pd;
        t.uirr = uirr;
        t.tt = tt;
        t.uif = uif;
        t.upid = upid;
        t.receiver = receiver;
        t.sendUitt = sendUitt;
        t.uittActivated = uittActivated;
        t.waitKind = waitKind;
        t.deadline = deadline;
        t.notifySignal = notifySignal;
        t.lastResult = lastResult;
        t.deliveryFaulted = deliveryFaulted;
        t.killedBy = killedBy;
        t.handlerRsp = handlerRsp;
        t.lastSendFault = lastSendFault;
        if (!deliveries.isEmpty()) {
            t.deliveries.addAll(deliveries);
        }
        if (!taskWork.isEmpty()) {
            t.taskWork.addAll(taskWork);
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Task)) {
            return false;
        }
        Task t = (Task) o;
        return tid == t.tid && mm == t.mm && name.equals(t.name) && state == t.state && cpu == t.cpu
                && inKernel == t.inKernel && handler == t.handler && stackAdjust == t.stackAdjust
                && uittSize == t.uittSize && uinv == t.uinv && pd == t.pd && uirr == t.uirr && tt == t.tt
                && uif == t.uif && upid == t.upid && receiver == t.receiver && sendUitt == t.sendUitt
                && uittActivated == t.uittActivated && waitKind == t.waitKind && deadline == t.deadline
                && notifySignal == t.notifySignal && lastResult == t.lastResult && deliveryFaulted == t.deliveryFaulted
                && killedBy == t.killedBy && handlerRsp == t.handlerRsp
                && deliveries.equals(t.deliveries) && taskWork.equals(t.taskWork);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tid, mm, state, cpu, inKernel, uinv, pd, uirr, tt, uif, upid, receiver, sendUitt,
                uittActivated, waitKind, deadline, notifySignal, lastResult, killedBy, deliveries, taskWork);
    }

    @Override
    public String toString() {
        return name + "#" + tid + "{" + state + " cpu" + cpu + (inKernel ? " kernel" : " user")
                + " uif=" + (uif ? 1 : 0) + " uirr=0x" + Long.toHexString(uirr) + " deliveries=" + deliveries + "}";
    }
}
