package dev.uintr.actor;

import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.KernelEvent;
import dev.uintr.kernel.SendOutcome;
import dev.uintr.kernel.Task;
import dev.uintr.kernel.TaskState;
import dev.uintr.program.Arg;
import dev.uintr.program.Observation;
import dev.uintr.program.Op;
import dev.uintr.program.Step;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The one interpreter of actor programs ({@link Instr}) over the kernel model, for the emulated
 * backend (a case's threads, one interleaving picked by a seeded {@code Chooser}) and the
 * explorer (a scenario's actors, every interleaving). It says which actors can take a step
 * ({@link #enabled}, listed with the kernel's events by {@link #moves}), what a step does
 * ({@link #step}) and which steps are over by themselves ({@link #settle}).
 *
 * <p>Each actor's state is its program counter and phase, kept by the caller in two int arrays
 * (the explorer's nodes hold them and its state codec encodes them; the backend keeps one pair
 * for its run). The phase is a send step's event ({@link SendStep}), a split syscall's "entered",
 * or {@link #RETURNING}. A case program's thread also has a {@link CaseThread} here (named results,
 * model time, barriers, signals, alt stacks); the bodies of the steps only cases have, and the state
 * their run shares (barrier counts, the fd mailbox), are {@link CaseSteps}. A scenario has none of them.
 *
 * <p>What a step did is told to a {@link Listener}: the backend records its observation, the
 * explorer's traces draw a line; the search passes {@link Listener#NONE} and nothing is made.
 */
public final class ActorMachine {
    /** Phase: the call of a step that records its result blocked; it completes when its task runs again. */
    public static final int RETURNING = 0x7F;
    /** Where register_plain_handler's regular function sits (any user address other than the default handler's). */
    public static final long PLAIN_HANDLER = 0x402000L;

    /** What the steps did, as they do it (every method may be left out). */
    public interface Listener {
        /** Tells nothing. */
        Listener NONE = new Listener() {};

        /** A step that records its result is over ({@code result} null: none shown). */
        default void finished(int actor, Instr s, String result) {}

        /** Actor {@code actor}'s signal handler ran for {@code signal} on its way back to user mode. */
        default void signalRan(int actor, String signal) {}

        /** A case thread's program is over; its task exits next. */
        default void ending(int actor) {}

        /** A split syscall entered the kernel. */
        default void entered(int actor, int at, Instr s) {}

        /** A step that records nothing made its call, with result {@code r} (or {@link Kernel#BLOCKED}). */
        default void called(int actor, int at, Instr s, long r) {}

        /** One event of a send step through UITT index {@code idx}. */
        default void sent(int actor, int at, Instr s, long idx, SendStep.Event e) {}

        /** A platform step happened. */
        default void platform(int actor, int at, Instr s) {}
    }

    private final Instr[][] programs;
    private final int[] tid;
    /** Per actor its case thread; null for a scenario. */
    private final CaseThread[] threads;
    /** The steps only case programs have, and their run's shared state; null for a scenario. */
    private final CaseSteps cases;

    private ActorMachine(Instr[][] programs, int[] tid, CaseThread[] threads, Map<Long, Integer> barrierParties) {
        this.programs = programs;
        this.tid = tid;
        this.threads = threads;
        this.cases = threads == null ? null : new CaseSteps(this, barrierParties);
    }

    /** A scenario's actors: {@code tids[i]} the task actor i runs as, -1 for the platform. */
    public static ActorMachine scenario(Instr[][] programs, int[] tids) {
        return new ActorMachine(programs, tids.clone(), null, null);
    }

    /**
     * A case's programs (threads, then fork children), named {@code names}; actor i on CPU
     * {@code i % 64}, not started until {@link #start}; {@code barrierParties}: barrier id → how many
     * threads hold it.
     */
    public static ActorMachine cases(List<List<Step>> programs, List<String> names, Map<Long, Integer> barrierParties) {
        Instr[][] p = new Instr[programs.size()][];
        CaseThread[] t = new CaseThread[programs.size()];
        int[] tids = new int[programs.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = programs.get(i).stream().map(Instr::of).toArray(Instr[]::new);
            t[i] = new CaseThread(names.get(i), i % 64);
            tids[i] = -1;
        }
        return new ActorMachine(p, tids, t, barrierParties);
    }

    public int actors() {
        return programs.length;
    }

    /** The task actor {@code i} runs as; -1 for the platform or a case thread not started yet. */
    public int tid(int i) {
        return tid[i];
    }

    /** Case thread {@code i} runs as task {@code t} from now on, seeing named results {@code vars}. */
    public void start(int i, int t, Map<String, Long> vars) {
        tid[i] = t;
        threads[i].vars = vars;
    }

    /** Actor {@code i}'s case thread (null for a scenario's). */
    public CaseThread thread(int i) {
        return threads == null ? null : threads[i];
    }

    /** Case thread {@code i}'s program name. */
    public String name(int i) {
        return threads[i].name;
    }

    /** The CPU case thread {@code i} starts on. */
    public int cpu(int i) {
        return threads[i].cpu;
    }

    /** The earliest model time after {@code now} a started case thread's user-mode spin ends, or Long.MAX_VALUE. */
    public long nextSpinEnd(long now) {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < threads.length; i++) {
            CaseThread x = threads[i];
            if (tid[i] >= 0 && !x.done && x.sleepUntil > now) {
                next = Math.min(next, x.sleepUntil);
            }
        }
        return next;
    }

    /** The step actor {@code i} is at, or null when its program is over. */
    public Instr current(int[] pc, int i) {
        return pc[i] < programs[i].length ? programs[i][pc[i]] : null;
    }

    /** Actor {@code i} is at a spin-until step. */
    public boolean spinning(int[] pc, int i) {
        Instr s = current(pc, i);
        return s != null && s.kind() == Instr.Kind.SPIN_UNTIL;
    }

    /**
     * The moves open now, in the {@link Interleaving} order: each actor that is {@link #enabled},
     * then the kernel's choosable events.
     */
    public <M> List<M> moves(Kernel k, int[] pc, int[] phase, IntFunction<M> actorMove, Function<KernelEvent, M> kernelMove) {
        return Interleaving.moves(k, programs.length, i -> enabled(k, pc, phase, i), actorMove, kernelMove);
    }

    /** Actor {@code i} can take a step now. */
    public boolean enabled(Kernel k, int[] pc, int[] phase, int i) {
        Instr[] prog = programs[i];
        if (pc[i] >= prog.length) {
            return false;
        }
        Instr s = prog[pc[i]];
        int t = tid[i];
        CaseThread x = threads == null ? null : threads[i];
        if (x != null && (t < 0 || x.done)) {
            return false;                                                // not started, or over
        }
        if (t < 0) {
            return platformEnabled(k, s);
        }
        Task task = k.task(t);
        if (task.state != TaskState.RUNNING) {
            return false;
        }
        if (phase[i] == RETURNING) {
            return true;                                                 // the syscall returned
        }
        if (x != null && x.sleepUntil >= 0) {
            return k.state().clockUs >= x.sleepUntil;
        }
        switch (s.kind()) {
            case SPIN_UNTIL:
                return s.records() && StepCalls.delivered(k, t, s.until());   // else no event of its own: settle ends it
            case SEND:
                return !task.inKernel;
            case SYSCALL:
            case BARRIER:
            case TGKILL:
                return s.step() == null || cases.enabled(x, s.step());
            default:
                return true;
        }
    }

    private static boolean platformEnabled(Kernel k, Instr s) {
        int target = (int) s.target();
        switch (s.kind()) {
            case CPU_OFFLINE: {
                var cpus = k.state().cpus;
                int online = 0;
                for (var c : cpus) {
                    online += c.online ? 1 : 0;
                }
                return cpus[target].online && online > 1;
            }
            case KILL:
                return k.task(target).alive();
            case SIGNAL:
                return k.task(target).state == TaskState.SLEEPING;
            case MIGRATE: {
                Task t = k.task(target);
                return (t.state == TaskState.READY || t.state == TaskState.SLEEPING) && t.cpu != s.cpu()
                        && k.state().cpus[s.cpu()].online;
            }
            default:
                return false;
        }
    }

    /** Actor {@code i} takes its step (it is {@link #enabled}), changing {@code k} and its pc and phase. */
    public void step(Kernel k, int[] pc, int[] phase, int i, Listener l) {
        CaseThread x = threads == null ? null : threads[i];
        if (x == null) {
            run(k, pc, phase, i, null, l);
            return;
        }
        try {
            run(k, pc, phase, i, x, l);
        } catch (Arg.Unbound e) {
            phase[i] = 0;
            x.sleepUntil = -1;
            x.sleepEnd = -1;
            x.barrierGen = 0;
            advance(k, pc, i, x, programs[i][pc[i]], "unbound", l);     // an earlier step failed to bind it
        }
    }

    /** Ends the steps that are over by themselves: a repeated call between calls, or a spin, whose interrupts came. */
    public void settle(Kernel k, int[] pc, int[] phase) {
        for (int i = 0; i < programs.length; i++) {
            Instr[] prog = programs[i];
            int t = tid[i];
            if (t < 0) {
                continue;
            }
            while (pc[i] < prog.length && prog[pc[i]].endsByItself(phase[i]) && StepCalls.delivered(k, t, prog[pc[i]].until())) {
                pc[i]++;
            }
        }
    }

    private void run(Kernel k, int[] pc, int[] phase, int i, CaseThread x, Listener l) {
        int at = pc[i];
        Instr s = programs[i][at];
        int t = tid[i];
        if (x != null) {
            while (!x.pendingSignals.isEmpty()) {
                l.signalRan(i, x.pendingSignals.remove(0));
            }
        }
        if (phase[i] == RETURNING) {
            phase[i] = 0;
            if (s.kind() == Instr.Kind.SLEEP) {
                cases.kernelSleep(k, pc, phase, i, x, s, l);             // woken: sleep on if time is left
                return;
            }
            finish(k, pc, i, x, s, k.task(t).lastResult, l);
            return;
        }
        if (x != null && x.sleepUntil >= 0) {
            x.sleepUntil = -1;
            advance(k, pc, i, x, s, null, l);
            return;
        }
        switch (s.kind()) {
            case SYSCALL:
                syscall(k, pc, phase, i, x, s, l);
                return;
            case SEND:
                send(k, pc, phase, i, x, s, l);
                return;
            case SPIN_UNTIL:
            case MARK:
                advance(k, pc, i, x, s, null, l);
                return;
            case SIGNAL:
            case CPU_OFFLINE:
            case KILL:
            case MIGRATE:
                platform(k, s);
                pc[i]++;
                l.platform(i, at, s);
                return;
            default:
                cases.step(k, pc, phase, i, x, s, l);
        }
    }

    /** A platform step: what it does to task or CPU {@code target}. */
    private static void platform(Kernel k, Instr s) {
        int target = (int) s.target();
        switch (s.kind()) {
            case SIGNAL: k.signal(target); break;
            case CPU_OFFLINE: k.cpuOffline(target); break;
            case KILL: k.exit(target); break;
            default: k.migrate(target, s.cpu());
        }
    }

    /**
     * A system call: with {@code split}, the kernel entry first (phase 1), then the call. A step
     * repeated until its interrupts came goes back to phase 0 ({@link #settle} ends it); one that
     * records nothing goes on; one that records waits for a call that blocked to return
     * ({@link #RETURNING}), then binds its named result.
     */
    private void syscall(Kernel k, int[] pc, int[] phase, int i, CaseThread x, Instr s, Listener l) {
        int at = pc[i];
        int t = tid[i];
        if (s.split() && phase[i] == 0) {
            k.enterKernel(t);
            phase[i] = 1;
            l.entered(i, at, s);
            return;
        }
        long r;
        if (x == null) {
            r = k.syscall(t, s.call(), s.args());
        } else {
            x.inSyscall = true;                                          // one delivered on the return to user mode (§4.3)
            try {
                r = s.call() != null ? k.syscall(t, s.call(), s.args()) : cases.syscall(k, i, x, s.step());
            } finally {
                x.inSyscall = false;
            }
        }
        if (s.until() >= 0) {
            phase[i] = 0;
            l.called(i, at, s, r);
            return;
        }
        if (!s.records()) {
            pc[i]++;
            l.called(i, at, s, r);
            return;
        }
        if (r == Kernel.BLOCKED) {
            phase[i] = RETURNING;
            return;
        }
        finish(k, pc, i, x, s, r, l);
    }

    /**
     * One event of a send step ({@link SendStep}): SENDUIPI, or under the send-wrapper designs
     * (design.md, the seed's option 1) the wrapper's read of the receiver's "blocked" word or its
     * wake call, each its own move so others can run in between. A case step shows the SENDUIPI's
     * result, or ok for a wake that replaced it.
     */
    private void send(Kernel k, int[] pc, int[] phase, int i, CaseThread x, Instr s, Listener l) {
        int at = pc[i];
        long idx = s.step() != null ? s.step().arg(0, x.vars, 0) : s.target();
        SendStep.Event e = SendStep.next(k, tid[i], idx < 0 && s.step() == null ? 0 : idx, phase[i]);
        if (x != null && e.kind() == SendStep.Kind.SENDUIPI) {
            x.sent = e.outcome();
        }
        phase[i] = e.nextPhase();
        if (e.done() && !s.records()) {
            pc[i]++;
        }
        l.sent(i, at, s, idx, e);
        if (e.done() && s.records()) {
            String result = x.sent == null ? "ok" : sendResult(x.sent);
            x.sent = null;
            advance(k, pc, i, x, s, result, l);
        }
    }

    /** A SENDUIPI's outcome as a case observation shows it: ok, SIGILL or SIGSEGV. */
    public static String sendResult(SendOutcome o) {
        return o == SendOutcome.SIGILL ? "SIGILL" : o == SendOutcome.SIGSEGV ? "SIGSEGV" : "ok";
    }

    void finish(Kernel k, int[] pc, int i, CaseThread x, Instr s, long r, Listener l) {
        Step st = s.step();
        if (st.bind() != null && r >= 0) {
            x.vars.put(st.bind(), r);
        }
        advance(k, pc, i, x, s, Observation.syscallResult(st.op(), r), l);
    }

    /** A step that records its result is over: told, a testui's result bound, the thread exits after its last step. */
    void advance(Kernel k, int[] pc, int i, CaseThread x, Instr s, String result, Listener l) {
        l.finished(i, s, result);
        pc[i]++;
        Step st = s.step();
        if (st.op() == Op.TESTUI && st.bind() != null) {
            x.vars.put(st.bind(), "1".equals(result) ? 1L : 0L);
        }
        if (pc[i] >= programs[i].length) {
            x.done = true;
            l.ending(i);
            k.exit(tid[i]);                                              // the thread (or child process) exits
        }
    }

    /** The case thread whose program is named {@code name}. */
    int actor(String name) {
        for (int i = 0; i < threads.length; i++) {
            if (threads[i].name.equals(name)) {
                return i;
            }
        }
        throw new java.util.NoSuchElementException(name);
    }
}
