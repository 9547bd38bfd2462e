package dev.uintr.hybrid;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import dev.uintr.isa.Decoded;
import dev.uintr.isa.Decoder;
import dev.uintr.isa.Instruction;
import dev.uintr.kernel.HybridPort;
import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.KernelConfig;
import dev.uintr.kernel.SendOutcome;
import dev.uintr.kernel.Task;
import dev.uintr.kernel.TaskState;
import dev.uintr.kernel.UserFrame;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model side of the hybrid backend: answers each event of the supervisor from the kernel
 * model (which runs the ISA model for SENDUIPI, notification and delivery). Each real thread is
 * a model task, the current task of a model CPU of its own while it runs; a thread the model
 * puts to sleep stays stopped in its syscall until the model wakes it.
 *
 * <p>After every event: pending interrupts are taken, woken sleepers are completed, and every
 * running thread with a deliverable user interrupt is asked to stop at its next user-mode
 * boundary, where the model's frame is written onto its real stack.
 */
final class Supervision {
    /** Linux x86-64 numbers of the fd syscalls the model must see to keep its fd tables in step. */
    static final int NR_CLOSE = 3, NR_IOCTL = 16, NR_DUP2 = 33, NR_DUP3 = 292, NR_CLOSE_RANGE = 436, NR_MEMFD_CREATE = 319;
    private static final int CPUS = 64;
    private static final long MFD_CLOEXEC = 1;

    /** What the model knows of one real thread. */
    private static final class Thread {
        final int tid;
        int tgid;
        int task;
        /** Registers at the syscall stop where the model holds it asleep; null when not held. */
        long[] held;
        boolean interruptAsked;
        /** A uintr fd the model made and the real kernel is numbering (memfd_create in its place). */
        int pendingFd = -1;
        long[] pendingRegs;

        Thread(int tid, int tgid, int task) {
            this.tid = tid;
            this.tgid = tgid;
            this.task = task;
        }
    }

    private final AbiProfile profile;
    private final Kernel kernel;
    private final HybridPort port;
    private final HybridTrace trace;
    private final UintrFdTable fdTable;
    private final Map<Integer, Thread> threads = new LinkedHashMap<>();
    private long startNs = -1;
    /** Microseconds since the start at the event being answered. */
    private long nowUs;
    private long nextTimerNs;
    /** Whether a signal the thread would take is pending for tid (tests replace the /proc reader). */
    java.util.function.IntPredicate signalPending = PendingSignals::deliverable;
    /** How often held threads are checked for a pending signal. */
    static final long SIGNAL_POLL_NS = 5_000_000;
    /** When held threads are next checked (CLOCK_MONOTONIC ns). */
    private long nextSignalPollNs;
    private int endStatus = -1;
    private int events;

    Supervision(AbiProfile profile, KernelConfig config, HybridTrace trace) {
        this.profile = profile;
        this.kernel = new Kernel(config.withCpus(CPUS));
        this.port = new HybridPort(kernel);
        this.trace = trace;
        this.fdTable = new UintrFdTable(port);
    }

    /** The syscall numbers the supervisor must stop: the profile's uintr calls and the fd calls. */
    int[] traps() {
        int[] uintr = java.util.Arrays.stream(Syscall.values()).filter(c -> c.isUintr() && c.in(profile))
                .mapToInt(c -> c.number(profile)).sorted().toArray();
        int[] out = java.util.Arrays.copyOf(uintr, uintr.length + 5);
        out[uintr.length] = NR_CLOSE;
        out[uintr.length + 1] = NR_DUP2;
        out[uintr.length + 2] = NR_DUP3;
        out[uintr.length + 3] = NR_CLOSE_RANGE;
        out[uintr.length + 4] = NR_IOCTL;
        return out;
    }

    Kernel kernel() {
        return kernel;
    }

    /** The first tracee's wait status from EV_END, -1 before it. */
    int endStatus() {
        return endStatus;
    }

    int events() {
        return events;
    }

    /** Answers one event; null for END (no reply is read). */
    byte[] handle(StopEvent e) {
        events++;
        if (startNs < 0) {
            startNs = e.nowNs();
        }
        nowUs = micros(e.nowNs());
        port.clockTo(nowUs);
        Reply r = new Reply();
        switch (e.kind()) {
            case StopEvent.START -> start(e);
            case StopEvent.CLONE -> cloned(e, r);
            case StopEvent.EXEC -> exec(e, r);
            case StopEvent.EXIT -> exited(e);
            case StopEvent.SYSCALL -> syscall(e, r);
            case StopEvent.SYSEXIT -> sysexit(e, r);
            case StopEvent.SIGILL -> sigill(e, r);
            case StopEvent.STOPPED -> stopped(e, r);
            case StopEvent.TICK -> { }
            case StopEvent.END -> {
                endStatus = e.arg();
                trace.line(nowUs, e.tid(), "end status=" + HybridExit.describe(e.arg()));
                return null;
            }
            default -> throw new IllegalStateException("unknown supervisor event kind " + e.kind());
        }
        afterEvent(r);
        return r.finish();
    }

    private long micros(long ns) {
        return Math.max(0, (ns - startNs) / 1000);
    }

    // ---------------------------------------------------------------- process tree

    private int freeCpu() {
        boolean[] used = new boolean[CPUS];
        for (Thread t : threads.values()) {
            Task task = kernel.task(t.task);
            if (task.alive()) {
                used[task.cpu] = true;
            }
        }
        for (int c = 0; c < CPUS; c++) {
            if (!used[c]) {
                return c;
            }
        }
        throw new HybridLimitException("more than " + CPUS + " live threads: the hybrid model has one CPU per thread");
    }

    private void start(StopEvent e) {
        int task = kernel.newProcess("tid" + e.tid(), freeCpu());
        threads.put(e.tid(), new Thread(e.tid(), e.tgid(), task));
        trace.line(nowUs, e.tid(), "start task=" + task);
    }

    private void cloned(StopEvent e, Reply r) {
        Thread parent = threads.get(e.tid());
        int child = e.arg();
        boolean thread = e.arg2() == 1;
        if (parent != null && kernel.task(parent.task).alive()) {
            int cpu = freeCpu();
            int task = thread ? kernel.spawnThread(parent.task, "tid" + child, cpu) : kernel.fork(parent.task, "tid" + child, cpu);
            threads.put(child, new Thread(child, thread ? parent.tgid : child, task));
            trace.line(nowUs, e.tid(), (thread ? "thread " : "fork ") + child + " task=" + task);
        }
        r.resume(e.tid());
    }

    private void exec(StopEvent e, Reply r) {
        Thread t = threads.remove(e.arg());
        if (t == null) {
            t = threads.remove(e.tid());
        }
        if (t != null) {
            Thread leader = threads.remove(e.tid());
            if (leader != null && leader != t && kernel.task(leader.task).alive()) {
                kernel.exit(leader.task);
            }
            Thread now = new Thread(e.tid(), e.tid(), t.task);
            threads.put(e.tid(), now);
            if (kernel.task(t.task).alive()) {
                kernel.exec(t.task);
            }
            trace.line(nowUs, e.tid(), "exec task=" + t.task);
        }
        r.resume(e.tid());
    }

    private void exited(StopEvent e) {
        Thread t = threads.remove(e.tid());
        if (t != null && kernel.task(t.task).alive()) {
            kernel.exit(t.task);
        }
        trace.line(nowUs, e.tid(), "exit " + HybridExit.describe(e.arg()));
    }

    // ---------------------------------------------------------------- syscalls

    private void syscall(StopEvent e, Reply r) {
        Thread t = thread(e);
        long[] regs = e.regs().clone();
        int nr = (int) regs[Regs.ORIG_RAX];
        long[] a = Regs.args(regs);
        Syscall call = Syscall.byNumber(profile, nr);
        if (call != null && (call.isUintr() || call == Syscall.IOCTL)) {
            fdTable.syncArgs(t.task, t.tgid, call, profile, a);        // fds that came by fork, dup or SCM_RIGHTS
        }
        // The model answers the profile's uintr calls, and an ioctl on a uintr fd (later:
        // UIPI_SET_TARGET_TABLE on a uipi_fd; rfc-v1 and other files: ENOTTY), which the memfd
        // standing in for it must not answer. Everything else runs for real.
        if (call == null || !(call.isUintr() || call == Syscall.IOCTL && port.isUintrFile(t.task, (int) a[0]))) {
            fdCall(t, nr, a);
            r.resume(t.tid);
            return;
        }
        String name = call.sysName();
        if (port.deliverable(t.task)) {
            // The model took a user interrupt for this thread while it still counted it in user mode
            // (the send's stop was answered before this syscall's): that order is what happened, so
            // the interrupt is delivered at the boundary before the syscall instruction, which runs
            // again after the handler's UIRET (rax holds its number again, as for a restart).
            regs[Regs.RAX] = regs[Regs.ORIG_RAX];
            regs[Regs.ORIG_RAX] = -1;
            regs[Regs.RIP] -= 2;                                          // syscall is 0F 05
            trace.line(nowUs, t.tid, name + argText(a) + " comes after a pending interrupt: delivered first, then restarted");
            finishStop(t, regs, r);
            return;
        }
        long result = kernel.syscall(t.task, call, a);
        if (result == Kernel.BLOCKED) {
            t.held = regs;
            trace.line(nowUs, t.tid, name + argText(a) + " blocks");
            return;
        }
        trace.line(nowUs, t.tid, name + argText(a) + " = " + resultText(result));
        if (result >= 0 && UintrFdTable.makesFd(call)) {
            // The real kernel numbers the fd: memfd_create runs in its place, named for the model's file.
            long nameAt = (regs[Regs.RSP] - 512) & ~0xFL;
            byte[] label = (UintrFdTable.label(port.fds(t.task).get((int) result)) + "\0").getBytes(StandardCharsets.US_ASCII);
            long[] swap = regs.clone();
            swap[Regs.ORIG_RAX] = NR_MEMFD_CREATE;
            swap[Regs.RDI] = nameAt;
            swap[Regs.RSI] = MFD_CLOEXEC;
            t.pendingFd = (int) result;
            t.pendingRegs = regs;
            r.write(t.tid, nameAt, label).setRegs(t.tid, swap).resumeToExit(t.tid);
            return;
        }
        regs[Regs.ORIG_RAX] = -1;                                        // the real kernel skips it
        regs[Regs.RAX] = result;
        finishStop(t, regs, r);
    }

    private void sysexit(StopEvent e, Reply r) {
        Thread t = thread(e);
        long[] regs = e.regs().clone();
        if (t.pendingFd >= 0) {
            long real = regs[Regs.RAX];
            long[] restored = t.pendingRegs.clone();
            restored[Regs.RIP] = regs[Regs.RIP];
            Thread other = real >= 0 ? pendingHolder(t, (int) real) : null;
            if (other != null) {
                // Another thread of this process holds the model's fd `real` while its own real
                // memfd_create is still out: the real kernel numbered the two the other way round.
                port.swap(t.task, t.pendingFd, (int) real);
                other.pendingFd = t.pendingFd;
                trace.line(nowUs, t.tid, "fd " + real + " was tid " + other.tid + "'s in the model: the two swap");
            } else if (real >= 0) {
                port.renumber(t.task, t.pendingFd, (int) real);
            } else {
                port.closed(t.task, t.pendingFd);                        // EMFILE and the like: the real answer stands
            }
            restored[Regs.RAX] = real;
            restored[Regs.ORIG_RAX] = -1;
            trace.line(nowUs, t.tid, "fd " + t.pendingFd + " is real fd " + real);
            t.pendingFd = -1;
            t.pendingRegs = null;
            finishStop(t, restored, r);
            return;
        }
        r.resume(t.tid);
    }

    /** Another thread of t's process whose model fd {@code fd} awaits its real number, or null. */
    private Thread pendingHolder(Thread t, int fd) {
        for (Thread o : threads.values()) {
            if (o != t && o.tgid == t.tgid && o.pendingFd == fd) {
                return o;
            }
        }
        return null;
    }

    /** close / dup2 / dup3 / close_range: the model lets go of the fds the real call closes; the real call runs. */
    private void fdCall(Thread t, int nr, long[] a) {
        switch (nr) {
            case NR_CLOSE -> port.closed(t.task, (int) a[0]);
            case NR_DUP2, NR_DUP3 -> {
                if ((int) a[0] != (int) a[1]) {
                    port.closed(t.task, (int) a[1]);
                }
            }
            case NR_CLOSE_RANGE -> {
                if ((a[2] & 4) == 0) {                                   // CLOSE_RANGE_CLOEXEC only marks them
                    long lo = a[0] & 0xFFFF_FFFFL;
                    long hi = a[1] & 0xFFFF_FFFFL;
                    for (int fd : port.fds(t.task).keySet()) {
                        if (fd >= lo && fd <= hi) {
                            port.closed(t.task, fd);
                        }
                    }
                }
            }
            default -> { }
        }
    }

    // ---------------------------------------------------------------- instructions

    private void sigill(StopEvent e, Reply r) {
        Thread t = thread(e);
        long[] regs = e.regs().clone();
        Decoded d = Decoder.decode(e.insn());
        if (!d.isUintr() || d.lock()) {
            r.resume(t.tid, Reply.SIGILL, false);                         // not ours: the program's own SIGILL
            return;
        }
        long now = nowUs;
        long next = regs[Regs.RIP] + d.length();
        switch (d.instruction()) {
            case SENDUIPI -> {
                long idx = regs[Regs.gpr(d.register())];
                String target = trace.on() ? port.describeTarget(t.task, idx) : null;
                SendOutcome o = kernel.senduipi(t.task, idx);
                if (trace.on()) {
                    trace.line(now, t.tid, "senduipi " + idx + " -> " + target + " " + o);
                }
                if (o == SendOutcome.SIGILL) {
                    r.resume(t.tid, Reply.SIGILL, false);
                    return;
                }
                if (o == SendOutcome.SIGSEGV) {
                    r.resume(t.tid, Reply.SIGSEGV, true);
                    return;
                }
                regs[Regs.RIP] = next;
            }
            case STUI -> {
                kernel.stui(t.task);
                trace.line(now, t.tid, "stui");
                regs[Regs.RIP] = next;
            }
            case CLUI -> {
                kernel.clui(t.task);
                trace.line(now, t.tid, "clui");
                regs[Regs.RIP] = next;
            }
            case TESTUI -> {
                boolean uif = kernel.testui(t.task);
                regs[Regs.EFLAGS] = (regs[Regs.EFLAGS] & ~0x8D5L) | (uif ? 1 : 0);   // CF = UIF; OF SF ZF AF PF = 0
                trace.line(now, t.tid, "testui = " + (uif ? 1 : 0));
                regs[Regs.RIP] = next;
            }
            case UIRET -> {
                UserFrame f = port.uiretAt(t.task, regs[Regs.RIP], regs[Regs.RSP], regs[Regs.EFLAGS], e.stack());
                if (f.faulted()) {
                    trace.line(now, t.tid, "uiret fault " + f.fault());
                    r.resume(t.tid, Reply.SIGSEGV, true);
                    return;
                }
                regs[Regs.RIP] = f.rip();
                regs[Regs.RSP] = f.rsp();
                regs[Regs.EFLAGS] = f.rflags();
                if (trace.on()) {
                    trace.line(now, t.tid, "uiret rip=0x" + Long.toHexString(f.rip()) + " rsp=0x" + Long.toHexString(f.rsp()));
                }
            }
            default -> throw new IllegalStateException(d.instruction().toString());
        }
        kernel.settleInterrupts();
        finishStop(t, regs, r);
    }

    private void stopped(StopEvent e, Reply r) {
        Thread t = thread(e);
        long[] regs = e.regs().clone();
        if (e.arg() == 1) {
            // The interrupt found the thread asleep in an ordinary syscall (rax = -ERESTART*).
            if (!port.endsSleep(t.task)) {
                r.resumeDeferred(t.tid);                                 // delivered on its way back (uintr-kernel §4.3)
                return;
            }
            // A WAITING cost (later tree, uintr-kernel §2.5 9c, §5.5): the uintr wake ends any
            // interruptible sleep with -EINTR, and the interrupt is delivered on the way out.
            regs[Regs.RAX] = -dev.uintr.kernel.Errno.EINTR;
            trace.line(nowUs, t.tid, "syscall " + regs[Regs.ORIG_RAX] + " woken by the user interrupt = -4 (EINTR)");
        }
        t.interruptAsked = false;
        kernel.settleInterrupts();
        finishStop(t, regs, r);
    }

    // ---------------------------------------------------------------- delivery and wake-ups

    /** The thread stands at a user-mode boundary with {@code regs}: deliver if due, write the registers, resume it. */
    private void finishStop(Thread t, long[] regs, Reply r) {
        UserFrame f = port.deliverAt(t.task, regs[Regs.RIP], regs[Regs.RSP], regs[Regs.EFLAGS]);
        if (f != null && f.faulted()) {
            trace.line(nowUs, t.tid, "delivery fault " + f.fault() + ": SIGSEGV");
            r.setRegs(t.tid, regs).resume(t.tid, Reply.SIGSEGV, true);
            return;
        }
        if (f != null) {
            if (trace.on()) {
                trace.line(nowUs, t.tid, "deliver vector " + f.vector() + " frame=0x" + Long.toHexString(f.frameAddress())
                        + " handler=0x" + Long.toHexString(f.rip()));
            }
            regs[Regs.RIP] = f.rip();
            regs[Regs.RSP] = f.rsp();
            regs[Regs.EFLAGS] = f.rflags();
            r.write(t.tid, f.frameAddress(), f.frame());
        }
        r.setRegs(t.tid, regs).resume(t.tid);
        t.interruptAsked = false;
    }

    private void afterEvent(Reply r) {
        long nowNs = startNs + nowUs * 1000;
        if (nowNs >= nextSignalPollNs) {
            // A thread the model holds in a uintr syscall stays in a ptrace stop, where a signal sent
            // to it only waits: the model takes it as the kernel would (the wait returns -EINTR;
            // rfc-v1 leaves its wait-list entry behind, uintr-kernel §5.2 item 3), the thread is
            // resumed with that result and the real kernel then runs the program's handler. Read
            // once a poll period, not at every event of the other threads.
            nextSignalPollNs = nowNs + SIGNAL_POLL_NS;
            for (Thread t : threads.values()) {
                if (t.held != null && signalPending.test(t.tid)) {
                    trace.line(nowUs, t.tid, "signal pending: the model's wait ends");
                    kernel.signal(t.task);
                }
            }
        }
        kernel.settleInterrupts();
        for (Thread t : threads.values()) {
            if (t.held == null) {
                continue;
            }
            Task task = kernel.task(t.task);
            if (task.alive() && task.state == TaskState.READY) {
                kernel.run(t.task);
            }
            if (task.alive() && task.state == TaskState.RUNNING) {
                long[] regs = t.held;
                t.held = null;
                regs[Regs.ORIG_RAX] = -1;
                regs[Regs.RAX] = task.lastResult;
                trace.line(nowUs, t.tid, "wake = " + resultText(task.lastResult));
                kernel.settleInterrupts();
                finishStop(t, regs, r);
            }
        }
        for (Thread t : threads.values()) {
            if (t.held == null && t.pendingFd < 0 && !t.interruptAsked && port.deliverable(t.task)) {
                t.interruptAsked = true;
                r.interrupt(t.tid);
            }
        }
        long next = port.nextTimerUs();
        nextTimerNs = next < 0 ? 0 : startNs + next * 1000 + 1;
        if (threads.values().stream().anyMatch(t -> t.held != null)) {
            nextTimerNs = nextTimerNs == 0 ? nextSignalPollNs : Math.min(nextTimerNs, nextSignalPollNs);
        }
    }

    /** CLOCK_MONOTONIC ns of the model's next timer (a uintr_wait timeout), 0 none: the session wakes then. */
    long nextTimerNs() {
        return nextTimerNs;
    }

    private Thread thread(StopEvent e) {
        Thread t = threads.get(e.tid());
        if (t == null) {
            throw new IllegalStateException("event for unknown thread " + e.tid());
        }
        return t;
    }

    private static String argText(long[] a) {
        return "(" + a[0] + ", " + a[1] + ", " + a[2] + ")";
    }

    private static String resultText(long r) {
        return r < 0 && r > -4096 ? r + " (" + dev.uintr.program.ErrnoNames.name((int) -r) + ")" : Long.toString(r);
    }
}
