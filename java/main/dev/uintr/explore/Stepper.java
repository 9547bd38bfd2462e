package dev.uintr.explore;

import dev.uintr.actor.Interleaving;
import dev.uintr.actor.SendStep;
import dev.uintr.actor.StepCalls;
import dev.uintr.isa.Fault;
import dev.uintr.kernel.Errno;
import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.KernelEvent;
import dev.uintr.kernel.SendOutcome;
import dev.uintr.kernel.Task;
import dev.uintr.kernel.TaskState;
import java.util.ArrayList;
import java.util.List;

/**
 * The explorer's transition relation over one {@link World}: which moves are enabled in a
 * node, and the node a move leads to (always on a copy; the parent is never changed). The
 * moves are listed in the {@link Interleaving} order the emulated backend chooses from, and an
 * actor's step meets the kernel through the same {@code actor} package ({@link SendStep},
 * {@link StepCalls}); what stays here is the scenario language (a {@code wait N} is a loop of
 * uintr_wait calls split at the syscall entry, platform actors) and the node bookkeeping.
 *
 * <p>Timers are never chosen: a sleeper that only its uintr_wait timeout (later profile) would
 * wake counts as a lost wake-up (audit §5, "nothing wakes the sleeper except the timer").
 */
final class Stepper {
    final World world;
    final List<Actor> actors;
    final int[] actorTid;
    final int platformColumn;
    /** Per actor and step: the UITT index a SEND step posts through (-1: not connected), looked up once. */
    private final long[][] sendIndex;
    /** Per actor and step: WAIT/SPIN its delivery count, OFFLINE its CPU, a platform step's target tid (parsed once). */
    private final int[][] number;

    Stepper(World world) {
        this.world = world;
        this.actors = world.scenario.actors();
        this.actorTid = new int[actors.size()];
        for (int i = 0; i < actors.size(); i++) {
            Actor a = actors.get(i);
            actorTid[i] = a.platform() ? -1 : world.tids.get(a.task());
        }
        this.platformColumn = world.scenario.cpus();
        this.sendIndex = new long[actors.size()][];
        this.number = new int[actors.size()][];
        for (int i = 0; i < actors.size(); i++) {
            List<ActorStep> steps = actors.get(i).steps();
            sendIndex[i] = new long[steps.size()];
            number[i] = new int[steps.size()];
            for (int j = 0; j < steps.size(); j++) {
                ActorStep s = steps.get(j);
                switch (s.kind()) {
                    case WAIT:
                    case SPIN:
                        number[i][j] = s.count();
                        break;
                    case OFFLINE:
                        number[i][j] = Integer.parseInt(s.target());
                        break;
                    case KILL:
                    case SIGNAL:
                    case MIGRATE:
                        number[i][j] = world.tids.get(s.target());
                        break;
                    default:
                        number[i][j] = -1;
                }
                sendIndex[i][j] = steps.get(j).kind() == ActorStep.Kind.SEND
                        ? world.index.getOrDefault(actors.get(i).name() + ">" + steps.get(j).target(), -1L) : -1;
            }
        }
    }

    Node initial() {
        int[] pc = new int[actors.size()];
        int[] phase = new int[actors.size()];
        normalize(world.kernel, pc, phase);
        return new Node(world.kernel, pc, phase, -1, false, 0);
    }

    /** Actor moves first (in actor order), then the kernel's pending events (its fixed order), timers left out. */
    List<Move> enabled(Node n) {
        return Interleaving.moves(n.kernel, actors.size(), i -> actorEnabled(n, i), i -> Move.actor(i, n.phase[i]), Move::kernel);
    }

    boolean actorEnabled(Node n, int i) {
        List<ActorStep> steps = actors.get(i).steps();
        if (n.pc[i] >= steps.size()) {
            return false;
        }
        ActorStep s = steps.get(n.pc[i]);
        Kernel k = n.kernel;
        if (actorTid[i] >= 0) {
            Task t = k.task(actorTid[i]);
            if (t.state != TaskState.RUNNING) {
                return false;
            }
            if (s.kind() == ActorStep.Kind.SPIN) {
                return false;                                            // no event of its own: ends when delivered
            }
            return s.kind() != ActorStep.Kind.SEND || !t.inKernel;
        }
        switch (s.kind()) {
            case OFFLINE: {
                int cpu = number[i][n.pc[i]];
                var cpus = k.state().cpus;
                int online = 0;
                for (var c : cpus) {
                    online += c.online ? 1 : 0;
                }
                return cpus[cpu].online && online > 1;
            }
            case KILL:
                return k.task(number[i][n.pc[i]]).alive();
            case SIGNAL:
                return k.task(number[i][n.pc[i]]).state == TaskState.SLEEPING;
            case MIGRATE: {
                Task t = k.task(number[i][n.pc[i]]);
                return (t.state == TaskState.READY || t.state == TaskState.SLEEPING) && t.cpu != s.cpu()
                        && k.state().cpus[s.cpu()].online;
            }
            default:
                return false;
        }
    }

    /** The column an event is drawn in: the CPU it happens on, or the platform column. */
    int column(Node n, Move m) {
        if (m.isKernel()) {
            return m.event().target();
        }
        return actorTid[m.actor()] >= 0 ? n.kernel.task(actorTid[m.actor()]).cpu : platformColumn;
    }

    /** What a move did, for traces: the new node and a one-line label. */
    record Result(Node node, String label) {}

    Result apply(Node n, Move m, boolean describe) {
        return step(n, n.kernel.copySharingEngine(), m, describe);
    }

    /**
     * The node {@code m} leads to, made by changing {@code n}'s kernel in place: {@code n} is
     * not usable afterwards. The search's workers use it on a state they have just decoded
     * from its bytes, which is cheaper than copying the kernel.
     */
    Node applyInPlace(Node n, Move m) {
        return step(n, n.kernel, m, false).node();
    }

    private Result step(Node n, Kernel k, Move m, boolean describe) {
        int[] pc = n.pc.clone();
        int[] phase = n.phase.clone();
        int col = column(n, m);
        long wakeupsBefore = k.counters().uintrWakeups;
        boolean victim = m.isKernel() && isVictim(k, m.event());
        String label = null;
        if (m.isKernel()) {
            if (describe) {
                label = kernelLabel(k, m.event());
            }
            k.apply(m.event());
        } else {
            int i = m.actor();
            ActorStep s = actors.get(i).steps().get(pc[i]);
            int tid = actorTid[i];
            String who = actors.get(i).name();
            switch (s.kind()) {
                case WAIT:
                    if (phase[i] == 0) {
                        k.enterKernel(tid);
                        phase[i] = 1;
                        label = describe ? who + ": uintr_wait() entry" : null;
                    } else {
                        long r = k.syscall(tid, dev.uintr.Syscall.UINTR_WAIT, world.waitArgs());
                        phase[i] = 0;
                        label = describe ? who + ": uintr_wait() " + (r == Kernel.BLOCKED ? "→ asleep" : "→ " + Errno.render(r)) : null;
                    }
                    break;
                case SEND:
                    label = send(k, i, s, pc, phase, describe);
                    break;
                case SLEEP: {
                    long r = StepCalls.nanosleep(k, tid, World.WAIT_USEC);
                    pc[i]++;
                    label = describe ? who + ": nanosleep() " + (r == Kernel.BLOCKED ? "→ asleep" : "→ " + Errno.render(r)) : null;
                    break;
                }
                case SIGNAL:
                    k.signal(number[i][pc[i]]);
                    pc[i]++;
                    label = describe ? "platform: signal to " + s.target() : null;
                    break;
                case OFFLINE:
                    k.cpuOffline(number[i][pc[i]]);
                    pc[i]++;
                    label = describe ? "platform: cpu" + s.target() + " goes offline" : null;
                    break;
                case KILL:
                    k.exit(number[i][pc[i]]);
                    pc[i]++;
                    label = describe ? "platform: " + s.target() + " killed (exits)" : null;
                    break;
                case MIGRATE:
                    k.migrate(number[i][pc[i]], s.cpu());
                    pc[i]++;
                    label = describe ? "platform: migrate " + s.target() + " to cpu" + s.cpu() : null;
                    break;
                default:
                    throw new IllegalStateException(s.toString());
            }
        }
        normalize(k, pc, phase);
        boolean mass = n.massWakeup || k.counters().uintrWakeups - wakeupsBefore >= 2;
        return new Result(new Node(k, pc, phase, col, mass, n.victims + (victim ? 1 : 0)), label);
    }

    /** The next event of actor {@code i}'s send step is SENDUIPI itself (not the wrapper's read or wake call). */
    boolean sendsUipiNext(Node n, int i) {
        return SendStep.sendsUipiAt(world.design, n.phase[i]);
    }

    /** One event of a {@code send} step ({@link SendStep}: SENDUIPI, or the send-wrapper's word read or wake call). */
    private String send(Kernel k, int i, ActorStep s, int[] pc, int[] phase, boolean describe) {
        int tid = actorTid[i];
        long idx = sendIndex[i][pc[i]];
        SendStep.Event e = SendStep.next(k, tid, idx < 0 ? 0 : idx, phase[i]);
        phase[i] = e.nextPhase();
        if (e.done()) {
            pc[i]++;
        }
        if (!describe) {
            return null;
        }
        String who = actors.get(i).name();
        switch (e.kind()) {
            case READ_BLOCKED_WORD:
                return who + ": wrapper reads " + s.target() + "'s blocked word → " + (e.blocked() ? 1 : 0);
            case WAKE:
                return who + ": uintr_wake(" + idx + ") syscall (to " + s.target() + ") → " + Errno.render(e.wakeResult());
            default:
                return who + ": SENDUIPI " + idx + " (to " + s.target() + ") → " + outcome(e.outcome(), k.task(tid).lastSendFault);
        }
    }

    /**
     * A victim interrupt (kernel §5.2 item 7): the CPU takes a pending 0xEB (or the affinity design's vector) while it runs a task
     * that is not itself armed on the wait list. Decided here from the state before the event,
     * not from the model's victim counter, which also counts an idle CPU that the walk's own
     * wake-up has just given a task (see fixtures/scenarios/README.md "Explore").
     */
    static boolean isVictim(Kernel k, KernelEvent e) {
        if (e.kind() != KernelEvent.Kind.TAKE_INTERRUPTS) {
            return false;
        }
        var c = k.state().cpus[e.target()];
        boolean wakeVector = c.pending(dev.uintr.kernel.UpidContext.KERNEL_VECTOR) || c.pending(dev.uintr.kernel.UpidContext.AFFINITY_VECTOR);
        if (!wakeVector || c.curr < 0) {
            return false;
        }
        Task t = k.task(c.curr);
        return t.upid < 0 || !k.state().waitList.contains(t.upid);
    }

    /** A WAIT (between calls) or SPIN whose task got its interrupts is done. */
    void normalize(Kernel k, int[] pc, int[] phase) {
        for (int i = 0; i < actors.size(); i++) {
            List<ActorStep> steps = actors.get(i).steps();
            if (actorTid[i] < 0) {
                continue;
            }
            while (pc[i] < steps.size() && waiting(steps.get(pc[i]), phase[i])
                    && StepCalls.delivered(k, actorTid[i], number[i][pc[i]])) {
                pc[i]++;
            }
        }
    }

    private static boolean waiting(ActorStep s, int phase) {
        return s.kind() == ActorStep.Kind.SPIN || (s.kind() == ActorStep.Kind.WAIT && phase == 0);
    }

    /** The actor of task {@code tid} is at a SPIN step. */
    boolean spinning(Node n, int tid) {
        for (int i = 0; i < actors.size(); i++) {
            if (actorTid[i] == tid && n.pc[i] < actors.get(i).steps().size()
                    && actors.get(i).steps().get(n.pc[i]).kind() == ActorStep.Kind.SPIN) {
                return true;
            }
        }
        return false;
    }

    /**
     * Nothing more can happen that could wake a sleeper: no interrupt pending on any CPU, no
     * actor step enabled, and every task actor done, asleep, or spinning on its CPU (a queued
     * one would run after a reschedule, so that state is not final).
     */
    boolean quiescent(Node n, List<Move> enabled) {
        for (Move m : enabled) {
            if (!m.isKernel() || m.event().kind() == KernelEvent.Kind.TAKE_INTERRUPTS) {
                return false;
            }
        }
        for (int i = 0; i < actors.size(); i++) {
            if (actorTid[i] >= 0 && n.pc[i] < actors.get(i).steps().size()) {
                TaskState ts = n.kernel.task(actorTid[i]).state;
                if (ts == TaskState.EXITED) {
                    continue;                                            // killed: its program ends there
                }
                boolean spins = actors.get(i).steps().get(n.pc[i]).kind() == ActorStep.Kind.SPIN && ts == TaskState.RUNNING;
                if (ts != TaskState.SLEEPING && !spins) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The receivers asleep in uintr_wait (or spinning for it) at quiescence with a posted interrupt still in
     * their PIR or UIRR: lost wake-ups (for a spinner, a lost notification).
     */
    List<String> lostWakeups(Node n) {
        List<String> out = new ArrayList<>();
        Kernel k = n.kernel;
        for (var e : world.tids.entrySet()) {
            Task t = k.task(e.getValue());
            boolean spins = t.state == TaskState.RUNNING && spinning(n, t.tid);
            boolean waits = t.state == TaskState.SLEEPING && t.waitKind == dev.uintr.kernel.WaitKind.UINTR_WAIT;
            if (!waits && !spins) {
                continue;                                                // asleep elsewhere (nanosleep): a post may wait (Andy's state 2)
            }
            var u = k.upidOf(t.tid);
            long pir = u == null ? 0 : u.pir;
            if (pir != 0 || t.uirr != 0) {
                out.add(e.getKey() + (spins ? " spinning in user mode with " : " asleep with ") + (pir != 0 ? "PIR=0x" + Long.toHexString(pir) : "")
                        + (pir != 0 && t.uirr != 0 ? " " : "") + (t.uirr != 0 ? "UIRR=0x" + Long.toHexString(t.uirr) : ""));
            }
        }
        return out;
    }

    private String kernelLabel(Kernel k, KernelEvent e) {
        var c = k.state().cpus[e.target()];
        String curr = c.curr >= 0 ? k.task(c.curr).name : "idle";
        if (e.kind() == KernelEvent.Kind.TAKE_INTERRUPTS) {
            StringBuilder v = new StringBuilder();
            for (int vec = 255; vec >= 0; vec--) {
                if (c.pending(vec)) {
                    v.append(v.length() == 0 ? "" : ",").append("0x").append(Integer.toHexString(vec).toUpperCase());
                }
            }
            return "interrupt " + v + " arrives (" + curr + " running)";
        }
        String next = c.runQueue.isEmpty() ? "idle" : k.task(c.runQueue.get(0)).name;
        return "schedule: " + curr + " → " + next;
    }

    /** The outcome, naming the fault and its cause where SENDUIPI raised one. */
    private static String outcome(SendOutcome o, Fault f) {
        switch (o) {
            case OK: return "ok";
            case OK_AFTER_GP_FIXUP: return f.describe() + ", kernel fixup: ok";
            default: return o.name() + (f.faulted() ? " (" + f.describe() + ")" : "");
        }
    }
}
