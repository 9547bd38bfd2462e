package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.actor.Interleaving;
import dev.uintr.actor.SendStep;
import dev.uintr.actor.StepCalls;
import dev.uintr.kernel.HandlerAbi;
import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.KernelConfig;
import dev.uintr.kernel.KernelEvent;
import dev.uintr.kernel.SendOutcome;
import dev.uintr.kernel.Task;
import dev.uintr.kernel.TaskState;
import dev.uintr.machine.Chooser;
import dev.uintr.machine.Choosers;
import dev.uintr.program.CaseSpec;
import dev.uintr.program.Observation;
import dev.uintr.program.Op;
import dev.uintr.program.Step;
import dev.uintr.program.ThreadProgram;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One emulated run of a case (see {@link EmulatedBackend}). Each program (thread or fork
 * child) is an actor bound to a kernel task on CPU = its index. Threads declared in the case
 * share one process and one table of named results; a fork child gets a copy of its parent's
 * table, as it gets a copy of its memory.
 *
 * <p>A seeded {@link Chooser} picks each next move among those {@link Interleaving} lists (the
 * order the explorer enumerates them in), and a step meets the kernel through the shared
 * {@code actor} package ({@link StepCalls}, {@link SendStep}); what stays here is the case
 * language: named results, barriers, forks, fd passing, signals, handler bodies, alt stacks
 * and model time.
 */
final class EmulatedBackendRun {
    /** Steps and events one run may take before the unfinished threads are reported as TIMEOUT. */
    static final int MAX_ACTIONS = 50_000;
    /** Where register_plain_handler's regular function sits (any user address other than the default handler's). */
    static final long PLAIN_HANDLER = 0x402000L;

    private final Kernel k;
    private final Chooser chooser;
    private final Observation obs;
    private final List<Actor> actors = new ArrayList<>();
    private final Map<Long, Integer> barrierParticipants = new HashMap<>();
    private final Map<Long, Integer> barrierArrivals = new HashMap<>();
    /**
     * The SCM_RIGHTS mailbox: {sender tid, fd} in send order. The descriptor is passed to the
     * receiver's process when it is taken (Kernel.passFd), so a case must keep the sender and its fd
     * alive until then (a real in-flight descriptor holds its own reference).
     */
    private final java.util.ArrayDeque<long[]> mailbox = new java.util.ArrayDeque<>();

    private final class Actor {
        final ThreadProgram prog;
        final int cpu;
        int tid = -1;
        int pc;
        Map<String, Long> vars;
        boolean done;
        /** A syscall of step pc blocked; it completes when the task runs again. */
        boolean blocked;
        /** Step pc is a user-mode spin that ends at this model time, -1 none. */
        long sleepUntil = -1;
        /** Step pc is a kernel sleep that ends at this model time (restarted after EINTR until then), -1 none. */
        long sleepEnd = -1;
        /** Step pc is a barrier this actor reached; the generation it waits to complete. */
        int barrierGen = 0;
        final Map<Long, Integer> barrierPasses = new HashMap<>();
        int seenDeliveries;
        /** The handler body's events per delivery, in delivery order (empty lists where it recorded nothing). */
        final List<List<String>> bodies = new ArrayList<>();
        /** Signals sent to this thread whose handler has not run yet (it runs before the thread's next step). */
        final List<String> pendingSignals = new ArrayList<>();
        /** A senduipi step under a send-wrapper design: 0 first event, 1/2 the next (see {@link #wrapperSend}). */
        int sendPhase;
        SendOutcome sent;
        /** The alt_stack buffer in use: its name, base and size (size 0: none). */
        String altName;
        long altBase;
        long altSize;
        int altBuffers;
        /** The thread is executing its stui step's STUI / is in a syscall (the frame step's exact resume points). */
        boolean inStui;
        boolean inSyscall;

        Actor(ThreadProgram prog, int cpu) {
            this.prog = prog;
            this.cpu = cpu;
        }

        boolean started() {
            return tid >= 0;
        }

        Task task() {
            return k.task(tid);
        }

        Step current() {
            return prog.steps().get(pc);
        }
    }

    private final CaseSpec spec;

    EmulatedBackendRun(CaseSpec c, AbiProfile profile, long seed) {
        this(c, profile, seed, CaseDesign.of(c, profile, null));
    }

    /** A run under blocking design {@code design} (null: the profile's own). */
    EmulatedBackendRun(CaseSpec c, AbiProfile profile, long seed, dev.uintr.kernel.BlockingDesign design) {
        this.spec = c;
        List<ThreadProgram> all = c.allPrograms();
        KernelConfig config = KernelConfig.of(profile).withCpus(Math.max(2, Math.min(64, all.size())));
        this.k = new Kernel(design == null ? config : config.withDesign(design));
        this.chooser = Choosers.random(seed);
        this.obs = new Observation(all.stream().map(ThreadProgram::name).toList());
        for (int i = 0; i < all.size(); i++) {
            actors.add(new Actor(all.get(i), i % 64));
        }
        barrierParticipants.putAll(c.barrierParties());
        if (!c.handlers().isEmpty()) {
            k.handlerBody(this::handlerBody);
        }
        Map<String, Long> shared = new HashMap<>();
        Actor first = null;
        for (ThreadProgram t : c.threads()) {
            Actor a = actor(t.name());
            a.vars = shared;
            a.tid = first == null ? k.newProcess(t.name(), a.cpu) : k.spawnThread(first.tid, t.name(), a.cpu);
            if (first == null) {
                first = a;
            }
        }
    }

    /** The run's kernel model (tests look at its counters and clock after the run). */
    Kernel kernel() {
        return k;
    }

    private Actor actor(String name) {
        return actors.stream().filter(a -> a.prog.name().equals(name)).findFirst().orElseThrow();
    }

    /** A move of this run: a step of actor {@code actor}, or kernel event {@code event} (actor -1). */
    private record Next(int actor, KernelEvent event) {}

    Observation run() {
        for (int n = 0; n < MAX_ACTIONS; n++) {
            List<Next> moves = Interleaving.moves(k, actors.size(), i -> canAct(actors.get(i)), i -> new Next(i, null),
                    e -> new Next(-1, e));
            if (moves.isEmpty()) {
                if (actors.stream().allMatch(a -> a.done || !a.started())) {
                    return obs;
                }
                if (!advanceTime()) {
                    break;                                               // nothing can ever happen again
                }
                continue;
            }
            Next m = Interleaving.choose(chooser, moves);
            if (m.actor() >= 0) {
                act(actors.get(m.actor()));
            } else {
                k.apply(m.event());
            }
            collectDeliveries();
        }
        for (Actor a : actors) {
            if (a.started() && !a.done) {
                obs.timeout(a.prog.name());
            }
        }
        return obs;
    }

    /** Moves time to the next sleep end or kernel timer; false when there is none. */
    private boolean advanceTime() {
        long now = k.state().clockUs;
        long next = Long.MAX_VALUE;
        for (Actor a : actors) {
            if (a.started() && !a.done && a.sleepUntil > now) {
                next = Math.min(next, a.sleepUntil);
            }
        }
        for (Task t : k.state().tasks) {
            if (t.state == TaskState.SLEEPING && t.deadline >= 0) {
                next = Math.min(next, Math.max(t.deadline, now));
            }
        }
        if (next == Long.MAX_VALUE) {
            return false;
        }
        k.advanceTime(next - now);
        collectDeliveries();
        return true;
    }

    /**
     * Appends the deliveries each thread's handler took since the last look, where they happened
     * (between that thread's steps). The model records the handler's entry RSP only when it builds
     * the frame on the machine; where it did, a misaligned one is shown (uintr-isa §9: 16-byte
     * aligned). A thread whose process was killed by a fatal signal shows killed(SIG...) and ends.
     */
    private void collectDeliveries() {
        for (Actor a : actors) {
            if (a.started()) {
                Task t = a.task();
                List<Integer> d = t.deliveries;
                while (a.seenDeliveries < d.size()) {
                    List<String> odd = t.handlerRsp != 0 && (t.handlerRsp & 15) != 0
                            ? List.of("rsp%16=" + (t.handlerRsp & 15)) : List.of();
                    List<String> body = a.seenDeliveries < a.bodies.size() ? a.bodies.get(a.seenDeliveries) : List.of();
                    obs.delivery(a.prog.name(), d.get(a.seenDeliveries++), odd, body);
                }
                if (!a.done && !t.alive() && t.killedBy != 0) {
                    obs.event(a.prog.name(), "killed(" + Observation.signalName(t.killedBy) + ")");
                    a.done = true;
                }
            }
        }
    }

    private boolean canAct(Actor a) {
        if (!a.started() || a.done || a.task().state != TaskState.RUNNING) {
            return false;
        }
        if (a.blocked) {
            return true;                                                 // the syscall returned
        }
        if (a.sleepUntil >= 0) {
            return k.state().clockUs >= a.sleepUntil;
        }
        Step s = a.current();
        switch (s.op()) {
            case BARRIER: {
                long id = s.args().get(0).value(a.vars);
                if (a.barrierGen == 0) {
                    return true;                                         // arriving is a step
                }
                return barrierArrivals.getOrDefault(id, 0) >= a.barrierGen * barrierParticipants.get(id);
            }
            case SPIN_UNTIL:
                return StepCalls.delivered(k, a.tid, s.spinTarget());
            case RECV_FD:
                return !mailbox.isEmpty();
            case SIGNAL:
                return actor(s.args().get(0).word()).started();           // natively: waits for the target to start
            default:
                return true;
        }
    }

    private void act(Actor a) {
        try {
            actOn(a);
        } catch (dev.uintr.program.Arg.Unbound e) {
            a.blocked = false;
            a.sleepUntil = -1;
            a.sleepEnd = -1;
            a.barrierGen = 0;
            advance(a, a.current(), "unbound");                          // an earlier step failed to bind it
        }
    }

    private void actOn(Actor a) {
        Step s = a.current();
        String name = a.prog.name();
        while (!a.pendingSignals.isEmpty()) {
            obs.event(name, "signal(" + a.pendingSignals.remove(0) + ")");   // its handler ran on the way back to user mode
        }
        if (a.blocked) {
            a.blocked = false;
            if (s.op() == Op.SLEEP) {
                kernelSleep(a, s);                                       // woken: sleep on if time is left
                return;
            }
            finishSyscall(a, s, a.task().lastResult);
            return;
        }
        if (a.sleepUntil >= 0) {
            a.sleepUntil = -1;
            advance(a, s, null);
            return;
        }
        switch (s.op()) {
            case SLEEP:
                if (a.sleepEnd < 0) {
                    a.sleepEnd = k.state().clockUs + s.arg(0, a.vars, 0);
                }
                kernelSleep(a, s);
                return;
            case SPIN:
                a.sleepUntil = k.state().clockUs + s.arg(0, a.vars, 0);
                return;
            case BARRIER: {
                long id = s.args().get(0).value(a.vars);
                if (a.barrierGen == 0) {
                    a.barrierGen = a.barrierPasses.merge(id, 1, Integer::sum);
                    barrierArrivals.merge(id, 1, Integer::sum);
                    return;
                }
                a.barrierGen = 0;
                advance(a, s, null);
                return;
            }
            case SPIN_UNTIL:
            case MARK:
                advance(a, s, null);
                return;
            case SIGNAL: {
                Actor target = actor(s.args().get(0).word());
                if (target.done) {
                    advance(a, s, "ESRCH");                              // the thread has exited
                    return;
                }
                target.pendingSignals.add(s.args().get(1).word());
                k.signal(target.tid);                                    // an interruptible sleep returns -EINTR
                advance(a, s, "0");
                return;
            }
            case STUI:
                a.inStui = true;                                          // a pending interrupt comes right after STUI (isa §7.2)
                try {
                    k.stui(a.tid);
                } finally {
                    a.inStui = false;
                }
                advance(a, s, null);
                return;
            case CLUI:
                k.clui(a.tid);
                advance(a, s, null);
                return;
            case TESTUI:
                advance(a, s, k.testui(a.tid) ? "1" : "0");
                return;
            case SENDUIPI:
                send(a, s);
                return;
            case EXEC:
                // execve() by a fork child: the kernel model drops its UINTR state and closes its
                // close-on-exec fds (Kernel.exec, uintr-kernel §4.1); the program goes on in the new
                // image with its named results, and without the old image's alt_stack buffer.
                k.exec(a.tid);
                a.altName = null;
                a.altBase = 0;
                a.altSize = 0;
                advance(a, s, "0");
                return;
            case FORK: {
                Actor child = actor(s.child().name());
                child.vars = new HashMap<>(a.vars);
                child.tid = k.fork(a.tid, child.prog.name(), child.cpu);
                if (child.task().state == TaskState.READY) {
                    k.run(child.tid);
                }
                advance(a, s, null);
                return;
            }
            default:
                break;
        }
        long r;
        a.inSyscall = true;                                              // one delivered on the return to user mode (§4.3)
        try {
            r = syscall(a, s);
        } finally {
            a.inSyscall = false;
        }
        if (r == Kernel.BLOCKED) {
            a.blocked = true;
            return;
        }
        finishSyscall(a, s, r);
    }

    /**
     * The case's handler body for the thread {@code tid} belongs to, run by the kernel model between
     * delivery and UIRET (UIF = 0, uintr-isa §9). Its events are kept for that delivery.
     */
    private void handlerBody(int tid, int vector, dev.uintr.kernel.HandlerBody.Frame f) {
        Actor a = null;
        for (Actor x : actors) {
            if (x.tid == tid) {
                a = x;
            }
        }
        if (a == null) {
            return;
        }
        List<String> events = new ArrayList<>();
        long count = a.task().deliveries.size() + 1L;                    // this delivery included
        for (Step s : spec.handlerOf(a.prog.name())) {
            switch (s.op()) {
                case TESTUI:
                    events.add("testui: " + (k.testui(tid) ? 1 : 0));
                    break;
                case MARK:
                    events.add(s.call());
                    break;
                case DELIVERIES:
                    events.add("deliveries: " + count);
                    break;
                case FRAME: {
                    // The point the model interrupted: right after STUI or SYSCALL when the thread was in
                    // that step (a blocked syscall returns to user mode through its delivery), else
                    // elsewhere in its user code. classify checks the pushed RIP is exactly that point.
                    long afterStui = a.inStui ? f.interruptedRip() : 0;
                    long afterSyscall = a.inSyscall || a.blocked ? f.interruptedRip() : 0;
                    events.add(dev.uintr.program.FrameView.render(dev.uintr.program.FrameView.classify(f.entryRsp(),
                            f.savedRip(), f.savedRflags(), f.savedRsp(), a.altBase, a.altSize, afterStui, afterSyscall),
                            a.altName));
                    break;
                }
                case SENDUIPI: {
                    if (s.sendBelow() >= 0 && count >= s.sendBelow()) {
                        break;                                           // "if deliveries<N" not met: nothing sent
                    }
                    long idx;
                    try {
                        idx = s.arg(0, a.vars, 0);
                    } catch (dev.uintr.program.Arg.Unbound e) {
                        events.add(s.call() + ": unbound");
                        break;
                    }
                    events.add(s.call() + ": " + sendResult(k.senduipi(tid, idx)));
                    break;
                }
                default:
                    throw new IllegalStateException("not a handler step: " + s.op());
            }
        }
        while (a.bodies.size() < a.task().deliveries.size()) {
            a.bodies.add(List.of());                                     // deliveries before the body existed
        }
        a.bodies.add(events);
    }

    private static String sendResult(SendOutcome o) {
        return o == SendOutcome.SIGILL ? "SIGILL" : o == SendOutcome.SIGSEGV ? "SIGSEGV" : "ok";
    }

    /**
     * One event of a senduipi step ({@link SendStep}): SENDUIPI, or under the send-wrapper designs
     * (design.md, the seed's option 1) the wrapper's read of the receiver's "blocked" word or its
     * wake call, each its own action so others can run in between. The step shows the SENDUIPI's
     * result, or ok for a wake that replaced it.
     */
    private void send(Actor a, Step s) {
        SendStep.Event e = SendStep.next(k, a.tid, s.arg(0, a.vars, 0), a.sendPhase);
        if (e.kind() == SendStep.Kind.SENDUIPI) {
            a.sent = e.outcome();
        }
        a.sendPhase = e.nextPhase();
        if (e.done()) {
            String result = a.sent == null ? "ok" : sendResult(a.sent);
            a.sent = null;
            advance(a, s, result);
        }
    }

    /** Where alt_stack buffers of program {@code i} lie in the model's user address space (2 MiB apart, room below each). */
    static long altBufferBase(int actor, int n) {
        return 0x00007e0000000000L + ((long) actor << 26) + ((long) n << 21) + (1L << 20);
    }

    /**
     * {@code sleep}: nanosleep for the time left, as the native runner's loop does (a wake before
     * the end, -EINTR from a signal or a uintr wake, sleeps again); the task is switched out in the
     * kernel model meanwhile, so its UPID has SN = 1 unless a WAITING cost arms it (§4.3).
     */
    private void kernelSleep(Actor a, Step s) {
        long left = a.sleepEnd - k.state().clockUs;
        if (left <= 0) {
            a.sleepEnd = -1;
            advance(a, s, null);
            return;
        }
        a.inSyscall = true;
        try {
            if (StepCalls.nanosleep(k, a.tid, left) == Kernel.BLOCKED) {
                a.blocked = true;
            }
        } finally {
            a.inSyscall = false;
        }
    }

    private long syscall(Actor a, Step s) {
        switch (s.op()) {
            case SEND_FD:
                mailbox.add(new long[] {a.tid, s.arg(0, a.vars, 0)});
                return 0;
            case RECV_FD: {
                long[] m = mailbox.poll();
                return k.passFd((int) m[0], m[1], a.tid);
            }
            case REGISTER_PLAIN_HANDLER:                                 // a regular function's code at that address
                k.defineHandlerAbi(a.tid, PLAIN_HANDLER, HandlerAbi.PLAIN_FUNCTION);
                break;
            case ALT_STACK:
                return altStack(a, s);
            default:
                break;
        }
        long handler = s.op() == Op.REGISTER_PLAIN_HANDLER ? PLAIN_HANDLER : Kernel.DEFAULT_HANDLER;
        return StepCalls.syscall(k, a.tid, s, a.vars, handler);
    }

    /** alt_stack BUF SIZE [flags]: a new buffer of SIZE (BUF+N passes N into it) or NULL; the thread's current one on success. */
    private long altStack(Actor a, Step s) {
        dev.uintr.program.Arg buf = s.args().get(0);
        long size = s.args().get(1).offset();
        long flags = s.arg(2, a.vars, 0);
        long base = 0;
        long sp = 0;
        String name = null;
        if (buf.isWord()) {
            int plus = buf.word().indexOf('+');
            name = plus < 0 ? buf.word() : buf.word().substring(0, plus);
            base = altBufferBase(actors.indexOf(a), a.altBuffers++);
            sp = base + (plus < 0 ? 0 : Long.parseLong(buf.word().substring(plus + 1)));
        }
        long r = k.syscall(a.tid, dev.uintr.Syscall.UINTR_ALT_STACK, sp, size, flags);
        if (r == 0) {
            a.altName = name;
            a.altBase = base;
            a.altSize = name == null ? 0 : size;
        }
        return r;
    }

    private void finishSyscall(Actor a, Step s, long r) {
        if (s.bind() != null && r >= 0) {
            a.vars.put(s.bind(), r);
        }
        advance(a, s, Observation.syscallResult(s.op(), r));
    }

    private void advance(Actor a, Step s, String result) {
        obs.step(a.prog.name(), s, result);
        a.pc++;
        if (s.op() == Op.TESTUI && s.bind() != null) {
            a.vars.put(s.bind(), "1".equals(result) ? 1L : 0L);
        }
        if (a.pc >= a.prog.steps().size()) {
            a.done = true;
            collectDeliveries();
            k.exit(a.tid);                                               // the thread (or child process) exits
        }
    }
}
