package dev.uintr.explore;

import dev.uintr.actor.ActorMachine;
import dev.uintr.actor.Instr;
import dev.uintr.actor.Interleaving;
import dev.uintr.actor.SendStep;
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
 * scenario's actors are compiled once into the common step form ({@link Instr}) and run by the
 * one actor interpreter, {@link ActorMachine}, that runs the emulated backend's case programs;
 * the moves are listed in the {@link Interleaving} order the backend chooses from. What stays
 * here is the node bookkeeping (columns, victims, mass wake-ups), quiescence and the trace labels.
 *
 * <p>Timers are never chosen: a sleeper that only its uintr_wait timeout (later profile) would
 * wake counts as a lost wake-up (audit §5, "nothing wakes the sleeper except the timer").
 */
final class Stepper {
    final World world;
    final List<Actor> actors;
    final int[] actorTid;
    final int platformColumn;
    private final ActorMachine machine;

    Stepper(World world) {
        this.world = world;
        this.actors = world.scenario.actors();
        this.actorTid = new int[actors.size()];
        Instr[][] programs = new Instr[actors.size()][];
        for (int i = 0; i < actors.size(); i++) {
            Actor a = actors.get(i);
            actorTid[i] = a.platform() ? -1 : world.tids.get(a.task());
            programs[i] = a.steps().stream().map(s -> compile(world, a, s)).toArray(Instr[]::new);
        }
        this.platformColumn = world.scenario.cpus();
        this.machine = ActorMachine.scenario(programs, actorTid);
    }

    /** A scenario step in the common form, its names resolved in {@code w} (tasks, UITT indexes, uintr_wait's arguments). */
    static Instr compile(World w, Actor a, ActorStep s) {
        switch (s.kind()) {
            case WAIT:
                return Instr.waitLoop(w.waitArgs(), s.count());
            case SPIN:
                return Instr.spin(s.count());
            case SEND:
                return Instr.send(w.index.getOrDefault(a.name() + ">" + s.target(), -1L));
            case SLEEP:
                return Instr.nanosleep(World.WAIT_USEC);
            case OFFLINE:
                return Instr.platform(Instr.Kind.CPU_OFFLINE, Integer.parseInt(s.target()), -1);
            case KILL:
                return Instr.platform(Instr.Kind.KILL, w.tids.get(s.target()), -1);
            case SIGNAL:
                return Instr.platform(Instr.Kind.SIGNAL, w.tids.get(s.target()), -1);
            case MIGRATE:
                return Instr.platform(Instr.Kind.MIGRATE, w.tids.get(s.target()), s.cpu());
            default:
                throw new IllegalStateException(s.toString());
        }
    }

    Node initial() {
        int[] pc = new int[actors.size()];
        int[] phase = new int[actors.size()];
        machine.settle(world.kernel, pc, phase);
        return new Node(world.kernel, pc, phase, -1, false, 0);
    }

    /** Actor moves first (in actor order), then the kernel's pending events (its fixed order), timers left out. */
    List<Move> enabled(Node n) {
        return machine.moves(n.kernel, n.pc, n.phase, i -> Move.actor(i, n.phase[i]), Move::kernel);
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
        } else if (describe) {
            Labels l = new Labels(k);
            machine.step(k, pc, phase, m.actor(), l);
            label = l.label;
        } else {
            machine.step(k, pc, phase, m.actor(), ActorMachine.Listener.NONE);
        }
        machine.settle(k, pc, phase);
        boolean mass = n.massWakeup || k.counters().uintrWakeups - wakeupsBefore >= 2;
        return new Result(new Node(k, pc, phase, col, mass, n.victims + (victim ? 1 : 0)), label);
    }

    /** A trace's one-line label of an actor's step, in the scenario's words. */
    private final class Labels implements ActorMachine.Listener {
        final Kernel k;
        String label;

        Labels(Kernel k) {
            this.k = k;
        }

        @Override
        public void entered(int actor, int at, Instr s) {
            label = actors.get(actor).name() + ": uintr_wait() entry";
        }

        @Override
        public void called(int actor, int at, Instr s, long r) {
            label = actors.get(actor).name() + ": " + s.call().sysName() + "() " + (r == Kernel.BLOCKED ? "→ asleep" : "→ " + Errno.render(r));
        }

        @Override
        public void sent(int actor, int at, Instr s, long idx, SendStep.Event e) {
            String who = actors.get(actor).name();
            String to = actors.get(actor).steps().get(at).target();
            switch (e.kind()) {
                case READ_BLOCKED_WORD:
                    label = who + ": wrapper reads " + to + "'s blocked word → " + (e.blocked() ? 1 : 0);
                    break;
                case WAKE:
                    label = who + ": uintr_wake(" + idx + ") syscall (to " + to + ") → " + Errno.render(e.wakeResult());
                    break;
                default:
                    label = who + ": SENDUIPI " + idx + " (to " + to + ") → " + outcome(e.outcome(), k.task(actorTid[actor]).lastSendFault);
            }
        }

        @Override
        public void platform(int actor, int at, Instr s) {
            ActorStep a = actors.get(actor).steps().get(at);
            switch (a.kind()) {
                case SIGNAL:
                    label = "platform: signal to " + a.target();
                    break;
                case OFFLINE:
                    label = "platform: cpu" + a.target() + " goes offline";
                    break;
                case KILL:
                    label = "platform: " + a.target() + " killed (exits)";
                    break;
                default:
                    label = "platform: migrate " + a.target() + " to cpu" + a.cpu();
            }
        }
    }

    /** The next event of actor {@code i}'s send step is SENDUIPI itself (not the wrapper's read or wake call). */
    boolean sendsUipiNext(Node n, int i) {
        return SendStep.sendsUipiAt(world.design, n.phase[i]);
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

    /** The actor of task {@code tid} is at a SPIN step. */
    boolean spinning(Node n, int tid) {
        for (int i = 0; i < actors.size(); i++) {
            if (actorTid[i] == tid && machine.spinning(n.pc, i)) {
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
                boolean spins = machine.spinning(n.pc, i) && ts == TaskState.RUNNING;
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
