package dev.uintr.kernel;

import dev.uintr.Syscall;
import java.util.List;

/**
 * The kernel model's public face: processes, threads, fds, the uintr syscalls of the run's
 * ABI profile (returning the value or -errno, never throwing), SENDUIPI / STUI / CLUI /
 * TESTUI by user threads, and the scheduling and interrupt events a chooser (or a test's
 * fixed schedule) decides. All state lives in one {@link KernelState}; {@link #copy()} gives
 * an independent model for exploration.
 *
 * <p>Misuse by the caller (a syscall from a task that is not running, an unknown tid) is a
 * programming error and throws IllegalStateException / IllegalArgumentException; anything a
 * real user program could do is answered with an errno or a signal outcome.
 */
public final class Kernel {
    /** Returned by a syscall that put its task to sleep; the result arrives in {@link Task#lastResult}. */
    public static final long BLOCKED = Long.MIN_VALUE;
    /** The handler address register_handler is given by default (any non-zero user address). */
    public static final long DEFAULT_HANDLER = 0x401000L;

    private final KernelState s;

    public Kernel(KernelConfig config) {
        this.s = new KernelState(config);
    }

    public Kernel(KernelState state) {
        this.s = state;
    }

    public KernelState state() {
        return s;
    }

    public KernelConfig config() {
        return s.config;
    }

    public Kernel copy() {
        return new Kernel(s.copy());
    }

    /**
     * Like {@link #copy()}, but the copy runs its architectural steps on this model's machine
     * engine instead of building a fresh one. The engine carries nothing from one step to the
     * next (each step first writes the UITT entry and UPID images it reads, and drains the IPIs
     * it sent; see MachineHardware), so this only saves the machine's construction, which
     * dominates a step. The explorer uses it for the children of one state, which it applies
     * one after another on one thread; the two models must never step concurrently.
     */
    /** A model of {@code state} (not copied) that runs its steps on this model's engine, as {@link #copySharingEngine()}. */
    public Kernel sharingEngine(KernelState state) {
        state.engine = MachineHardware.engine(s);
        return new Kernel(state);
    }

    public Kernel copySharingEngine() {
        KernelState c = s.copy();
        c.engine = MachineHardware.engine(s);
        return new Kernel(c);
    }

    // ---------------------------------------------------------------- processes and threads

    /** A new single-threaded process whose main thread is queued on {@code cpu}; returns its tid. */
    public int newProcess(String name, int cpu) {
        Mm mm = new Mm(s.mms.size());
        s.mms.add(mm);
        return newTask(mm.id, name, cpu);
    }

    /** A new thread in t's process (clone with CLONE_VM): inherits no UINTR state (§4.1). */
    public int spawnThread(int tid, String name, int cpu) {
        return newTask(live(tid).mm, name, cpu);
    }

    private int newTask(int mm, String name, int cpu) {
        return Processes.newTask(s, mm, name, onlineCpu(cpu));
    }

    /**
     * fork(): the child gets a copy of the fd table (close-on-exec flags kept) and no UINTR
     * thread state (fpu_clone zeroes the component); in the later profile its mm shares the
     * parent's UITT (arch_dup_mmap, §4.2). Returns the child's tid.
     */
    public int fork(int tid, String name, int cpu) {
        return Processes.fork(s, live(tid), name, onlineCpu(cpu));
    }

    /**
     * execve() by t: the other threads exit, close-on-exec fds close, t's UINTR state is dropped as
     * at exit (our decision: the cover letter says nothing survives exec; the code path is
     * UNCONFIRMED, §4.1), and in the later profile the new mm has no UITT.
     */
    public void exec(int tid) {
        Processes.exec(s, live(tid));
    }

    /** The thread exits (exit_thread → uintr_free, §4.1/§4.2); the last thread also closes the process's fds. */
    public void exit(int tid) {
        Processes.exitTask(s, live(tid));
    }

    /**
     * Declares what kind of code the program of tid's process has at {@code address} (by default
     * every handler is an interrupt-attribute function). {@link HandlerAbi#PLAIN_FUNCTION} makes a
     * handler registered there crash at its first return (selftest syscall_handler, §7.2/§7.3).
     * Inherited by fork (same text), dropped by exec (a new program).
     */
    public void defineHandlerAbi(int tid, long address, HandlerAbi abi) {
        Mm mm = s.mm(live(tid).mm);
        if (abi == HandlerAbi.PLAIN_FUNCTION) {
            mm.plainFunctions.add(address);
        } else {
            mm.plainFunctions.remove(address);
        }
    }

    /** Installs the code every handler runs between its delivery and UIRET (null: none); see {@link HandlerBody}. */
    public void handlerBody(HandlerBody body) {
        s.handlerBody = body;
    }

    // ---------------------------------------------------------------- syscalls

    /**
     * Runs {@code call} for the running task {@code tid} with {@code args} in the profile's order
     * ({@link Syscall#params}; missing ones are 0, extra ones ignored, as a raw trap's registers
     * would be). A uintr syscall the profile does not have answers -ENOSYS. Returns the value,
     * -errno, or {@link #BLOCKED}.
     */
    public long syscall(int tid, Syscall call, long... args) {
        Task t = running(tid);
        t.inKernel = true;
        s.counters.syscalls++;
        if (call == Syscall.UINTR_WAIT) {
            s.counters.receiverEntries++;
        }
        long r;
        try {
            r = SyscallDispatch.dispatch(s, t, call, args);
        } finally {
            s.failAlloc = false;
            s.failFd = false;
        }
        if (r == BLOCKED) {
            return BLOCKED;
        }
        t.lastResult = r;
        ContextSwitch.returnToUser(s, t);
        return r;
    }

    /** uintr_register_handler(handler, flags). */
    public long registerHandler(int tid, long handler, long flags) {
        return syscall(tid, Syscall.UINTR_REGISTER_HANDLER, handler, flags);
    }

    /** The profile's receive-vector fd: uintr_create_fd (rfc-v1) or uintr_vector_fd (later) (vector, flags). */
    public long vectorFd(int tid, long vector, long flags) {
        return syscall(tid, Syscall.vectorFd(s.config.profile()), vector, flags);
    }

    /** uintr_register_sender(fd, flags): the UITT index. */
    public long registerSender(int tid, long fd, long flags) {
        return syscall(tid, Syscall.UINTR_REGISTER_SENDER, fd, flags);
    }

    /** close(fd). */
    public long close(int tid, long fd) {
        return syscall(tid, Syscall.CLOSE, fd);
    }


    /** SCM_RIGHTS: sends t's fd to the process of {@code toTid}; returns the receiver's new fd or -EBADF. */
    public long passFd(int tid, long fd, int toTid) {
        return Fds.pass(s, live(tid), fd, live(toTid));
    }

    /** Fault injection for the next syscall only: every allocation fails with ENOMEM. */
    public void failNextAllocations() {
        s.failAlloc = true;
    }

    /** Fault injection for the next syscall only: anon_inode_getfd fails with EMFILE. */
    public void failNextFdInstall() {
        s.failFd = true;
    }

    // ---------------------------------------------------------------- user-mode instructions

    /** SENDUIPI idx by the running task (in user mode). */
    public SendOutcome senduipi(int tid, long idx) {
        Task t = running(tid);
        return UipiHardware.senduipi(s, t, idx);
    }

    /**
     * The send wrapper (designs send-wrapper, send-wrapper-post-first): the running sender reads
     * the "blocked" word the kernel publishes for the receiver behind its UITT entry {@code idx}.
     */
    public boolean wrapperReadsBlocked(int tid, long idx) {
        return Blocking.blockedWord(s, running(tid), idx);
    }

    /**
     * The send wrapper's wake system call by the running sender for UITT entry {@code idx}
     * (a hypothetical call of the send-wrapper designs, not in either tree's table): 0 or -EINVAL.
     */
    public long wrapperWake(int tid, long idx) {
        Task t = running(tid);
        t.inKernel = true;
        long r = Blocking.wrapperWake(s, t, idx);
        t.lastResult = r;
        ContextSwitch.returnToUser(s, t);
        return r;
    }

    /** STUI: UIF = 1; pending user interrupts are delivered. */
    public void stui(int tid) {
        Task t = running(tid);
        t.uif = true;
        UipiHardware.deliver(s, t);
    }

    public void clui(int tid) {
        running(tid).uif = false;
    }

    public boolean testui(int tid) {
        return running(tid).uif;
    }

    /** The task enters the kernel (the start of a syscall): UINV stays live until a switch. */
    public void enterKernel(int tid) {
        running(tid).inKernel = true;
    }

    // ---------------------------------------------------------------- events a chooser picks

    /** CPU {@code cpu} takes its pending interrupts (IPIs land). */
    public void interrupts(int cpu) {
        UipiHardware.takeInterrupts(s, s.cpus[cpu]);
    }

    /** Every online CPU takes its pending interrupts, in CPU order, until none is left. */
    public void settleInterrupts() {
        boolean any = true;
        while (any) {
            any = false;
            for (PerCpu c : s.cpus) {
                if (c.online && c.irqsOn && c.anyPending()) {
                    UipiHardware.takeInterrupts(s, c);
                    any = true;
                }
            }
        }
    }

    /**
     * local_irq_disable() on {@code cpu} (RFLAGS.IF := 0 in the kernel code running there): pending
     * and arriving interrupts, the notification vector included, stay requested in its IRR.
     */
    public void localIrqDisable(int cpu) {
        s.cpus[cpu].irqsOn = false;
    }

    /** local_irq_enable() on {@code cpu}: RFLAGS.IF := 1, and the interrupts held meanwhile are taken. */
    public void localIrqEnable(int cpu) {
        PerCpu c = s.cpus[cpu];
        c.irqsOn = true;
        if (c.online && c.anyPending()) {
            UipiHardware.takeInterrupts(s, c);
        }
    }

    /** CPU {@code cpu} reschedules: its current task (if running) goes to the tail of the queue. */
    public void schedule(int cpu) {
        Scheduler.schedule(s, s.cpus[cpu]);
    }

    /** Makes {@code tid} (READY) the current task of its CPU at once, preempting whoever runs there. */
    public void run(int tid) {
        Task t = live(tid);
        if (t.state == TaskState.RUNNING) {
            return;
        }
        if (t.state != TaskState.READY) {
            throw new IllegalStateException("task " + t.name + " is " + t.state + ", cannot run");
        }
        PerCpu c = s.cpus[t.cpu];
        c.runQueue.remove((Integer) tid);
        c.runQueue.add(0, tid);
        Scheduler.schedule(s, c);
    }

    /** Moves a READY or SLEEPING task to another CPU (it runs there when that CPU schedules). */
    public void migrate(int tid, int cpu) {
        Task t = live(tid);
        PerCpu to = onlineCpu(cpu);
        if (t.state == TaskState.RUNNING) {
            throw new IllegalStateException("migrate a running task: preempt it first");
        }
        if (t.state == TaskState.READY) {
            s.cpus[t.cpu].runQueue.remove((Integer) tid);
            to.runQueue.add(tid);
        }
        t.cpu = to.id;
    }

    /**
     * Takes a CPU offline: its tasks move to the first other online CPU, its pending interrupts
     * are lost, and IPIs sent to it later are lost. With kernel-vector-checked, armed waiters
     * whose NDST points at it are retargeted and re-notified when ON is set (tglx's fix, §5.2 item 6);
     * with affinity, to the next CPU the IRQ affinity allows (what fixup_irqs does for a device interrupt).
     */
    public void cpuOffline(int cpu) {
        Scheduler.cpuOffline(s, s.cpus[cpu]);
    }

    /** Advances model time; sleeping tasks whose timer expired are woken with result 0 (tid order). */
    public void advanceTime(long us) {
        s.clockUs += us;
        for (Task t : s.tasks) {
            if (t.state == TaskState.SLEEPING && t.deadline >= 0 && t.deadline <= s.clockUs) {
                Scheduler.wake(s, t, 0);
            }
        }
    }

    /** A signal wakes a sleeping task with -EINTR (rfc-v1 leaves its wait-list entry behind, §5.2 item 3). */
    public void signal(int tid) {
        Task t = live(tid);
        if (t.state == TaskState.SLEEPING) {
            Scheduler.wake(s, t, -Errno.EINTR);
        }
    }

    /**
     * The platform events that could happen next, in a fixed order (CPUs in order: pending
     * interrupts, then a reschedule when the run queue is not empty; then timers in tid order).
     */
    public List<KernelEvent> pendingEvents() {
        List<KernelEvent> out = new java.util.ArrayList<>();
        for (PerCpu c : s.cpus) {
            if (c.online && c.irqsOn && c.anyPending()) {
                out.add(new KernelEvent(KernelEvent.Kind.TAKE_INTERRUPTS, c.id));
            }
            if (c.online && !c.runQueue.isEmpty()) {
                out.add(new KernelEvent(KernelEvent.Kind.SCHEDULE, c.id));
            }
        }
        for (Task t : s.tasks) {
            if (t.state == TaskState.SLEEPING && t.deadline >= 0) {
                out.add(new KernelEvent(KernelEvent.Kind.TIMER, t.tid));
            }
        }
        return out;
    }

    /** The chooser point label for {@link #step}: which pending platform event happens next. */
    public static final String KERNEL_EVENT = "kernel-event";

    /**
     * Lets {@code chooser} pick one of {@link #pendingEvents()} (point {@link #KERNEL_EVENT}) and
     * takes it; returns the event, or null when nothing is pending.
     */
    public KernelEvent step(dev.uintr.machine.Chooser chooser) {
        List<KernelEvent> events = pendingEvents();
        if (events.isEmpty()) {
            return null;
        }
        KernelEvent e = events.get(chooser.choose(KERNEL_EVENT, events.size()));
        apply(e);
        return e;
    }

    /** Takes one event returned by {@link #pendingEvents()}. */
    public void apply(KernelEvent e) {
        switch (e.kind()) {
            case TAKE_INTERRUPTS:
                interrupts(e.target());
                break;
            case SCHEDULE:
                schedule(e.target());
                break;
            case TIMER:
                advanceTime(Math.max(0, s.task(e.target()).deadline - s.clockUs));
                break;
            default:
                throw new IllegalArgumentException(e.toString());
        }
    }

    // ---------------------------------------------------------------- queries

    public Task task(int tid) {
        return s.task(tid);
    }

    /** The UPID a task's receiver state uses, or null. */
    public UpidContext upidOf(int tid) {
        int id = s.task(tid).upid;
        return id < 0 ? null : s.upid(id);
    }

    public Counters counters() {
        return s.counters;
    }

    public List<Violation> violations() {
        return s.violations;
    }

    private Task live(int tid) {
        if (tid < 0 || tid >= s.tasks.size()) {
            throw new IllegalArgumentException("no task " + tid);
        }
        Task t = s.task(tid);
        if (!t.alive()) {
            throw new IllegalStateException("task " + t.name + " has exited");
        }
        return t;
    }

    private Task running(int tid) {
        Task t = live(tid);
        if (t.state != TaskState.RUNNING) {
            throw new IllegalStateException("task " + t.name + " is " + t.state + ", not running");
        }
        return t;
    }

    private PerCpu onlineCpu(int cpu) {
        if (cpu < 0 || cpu >= s.cpus.length) {
            throw new IllegalArgumentException("no cpu " + cpu);
        }
        PerCpu c = s.cpus[cpu];
        return c.online ? c : Scheduler.firstOnline(s);
    }
}
