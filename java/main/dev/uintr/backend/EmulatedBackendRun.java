package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.actor.ActorMachine;
import dev.uintr.actor.CaseThread;
import dev.uintr.actor.Instr;
import dev.uintr.actor.Interleaving;
import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.KernelConfig;
import dev.uintr.kernel.KernelEvent;
import dev.uintr.kernel.Task;
import dev.uintr.kernel.TaskState;
import dev.uintr.machine.Chooser;
import dev.uintr.machine.Choosers;
import dev.uintr.program.CaseSpec;
import dev.uintr.program.Observation;
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
 * <p>The steps are run by the one actor interpreter, {@link ActorMachine} (the explorer's too): a
 * seeded {@link Chooser} picks each next move among those it lists (the order the explorer
 * enumerates them in). What stays here is the run around it: the observation, handler bodies,
 * and model time (a sleep's or a kernel timer's end, reached when nothing else can happen).
 */
final class EmulatedBackendRun {
    /** Steps and events one run may take before the unfinished threads are reported as TIMEOUT. */
    static final int MAX_ACTIONS = 50_000;

    private final Kernel k;
    private final Chooser chooser;
    private final Observation obs;
    private final ActorMachine machine;
    private final int[] pc;
    private final int[] phase;
    /** Per actor: the deliveries already put into the observation. */
    private final int[] seenDeliveries;
    /** Per actor: the handler body's events per delivery, in delivery order (empty lists where it recorded nothing). */
    private final List<List<List<String>>> bodies = new ArrayList<>();
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
        List<String> names = all.stream().map(ThreadProgram::name).toList();
        this.obs = new Observation(names);
        this.machine = ActorMachine.cases(all.stream().map(ThreadProgram::steps).toList(), names, c.barrierParties());
        this.pc = new int[all.size()];
        this.phase = new int[all.size()];
        this.seenDeliveries = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            bodies.add(new ArrayList<>());
        }
        if (!c.handlers().isEmpty()) {
            k.handlerBody(this::handlerBody);
        }
        Map<String, Long> shared = new HashMap<>();
        int first = -1;
        for (ThreadProgram t : c.threads()) {
            int i = names.indexOf(t.name());
            machine.thread(i).vars(shared);
            machine.start(i, first < 0 ? k.newProcess(t.name(), machine.cpu(i)) : k.spawnThread(machine.tid(first), t.name(), machine.cpu(i)));
            if (first < 0) {
                first = i;
            }
        }
    }

    /** The run's kernel model (tests look at its counters and clock after the run). */
    Kernel kernel() {
        return k;
    }

    /** A move of this run: a step of actor {@code actor}, or kernel event {@code event} (actor -1). */
    private record Next(int actor, KernelEvent event) {}

    /** What the steps did, into the observation. */
    private final ActorMachine.Listener record = new ActorMachine.Listener() {
        @Override
        public void finished(int actor, Instr s, String result) {
            obs.step(machine.thread(actor).name(), s.step(), result);
        }

        @Override
        public void signalRan(int actor, String signal) {
            obs.event(machine.thread(actor).name(), "signal(" + signal + ")");   // its handler ran on the way back to user mode
        }

        @Override
        public void ending(int actor) {
            collectDeliveries();
        }
    };

    Observation run() {
        for (int n = 0; n < MAX_ACTIONS; n++) {
            List<Next> moves = machine.moves(k, pc, phase, i -> new Next(i, null), e -> new Next(-1, e));
            if (moves.isEmpty()) {
                if (allOver()) {
                    return obs;
                }
                if (!advanceTime()) {
                    break;                                               // nothing can ever happen again
                }
                continue;
            }
            Next m = Interleaving.choose(chooser, moves);
            if (m.actor() >= 0) {
                machine.step(k, pc, phase, m.actor(), record);
            } else {
                k.apply(m.event());
            }
            machine.settle(k, pc, phase);
            collectDeliveries();
        }
        for (int i = 0; i < machine.actors(); i++) {
            if (machine.tid(i) >= 0 && !machine.thread(i).done()) {
                obs.timeout(machine.thread(i).name());
            }
        }
        return obs;
    }

    private boolean allOver() {
        for (int i = 0; i < machine.actors(); i++) {
            if (machine.tid(i) >= 0 && !machine.thread(i).done()) {
                return false;
            }
        }
        return true;
    }

    /** Moves time to the next sleep end or kernel timer; false when there is none. */
    private boolean advanceTime() {
        long now = k.state().clockUs;
        long next = Long.MAX_VALUE;
        for (int i = 0; i < machine.actors(); i++) {
            CaseThread a = machine.thread(i);
            if (machine.tid(i) >= 0 && !a.done() && a.sleepUntil() > now) {
                next = Math.min(next, a.sleepUntil());
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
        for (int i = 0; i < machine.actors(); i++) {
            if (machine.tid(i) < 0) {
                continue;
            }
            CaseThread a = machine.thread(i);
            Task t = k.task(machine.tid(i));
            List<Integer> d = t.deliveries;
            List<List<String>> mine = bodies.get(i);
            while (seenDeliveries[i] < d.size()) {
                List<String> odd = t.handlerRsp != 0 && (t.handlerRsp & 15) != 0
                        ? List.of("rsp%16=" + (t.handlerRsp & 15)) : List.of();
                List<String> body = seenDeliveries[i] < mine.size() ? mine.get(seenDeliveries[i]) : List.of();
                obs.delivery(a.name(), d.get(seenDeliveries[i]++), odd, body);
            }
            if (!a.done() && !t.alive() && t.killedBy != 0) {
                obs.event(a.name(), "killed(" + Observation.signalName(t.killedBy) + ")");
                a.markDone();
            }
        }
    }

    /**
     * The case's handler body for the thread {@code tid} belongs to, run by the kernel model between
     * delivery and UIRET (UIF = 0, uintr-isa §9). Its events are kept for that delivery.
     */
    private void handlerBody(int tid, int vector, dev.uintr.kernel.HandlerBody.Frame f) {
        int i = -1;
        for (int j = 0; j < machine.actors(); j++) {
            if (machine.tid(j) == tid) {
                i = j;
            }
        }
        if (i < 0) {
            return;
        }
        CaseThread a = machine.thread(i);
        List<String> events = new ArrayList<>();
        long count = k.task(tid).deliveries.size() + 1L;                 // this delivery included
        for (Step s : spec.handlerOf(a.name())) {
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
                    long afterStui = a.inStui() ? f.interruptedRip() : 0;
                    long afterSyscall = a.inSyscall() || phase[i] == ActorMachine.RETURNING ? f.interruptedRip() : 0;
                    events.add(dev.uintr.program.FrameView.render(dev.uintr.program.FrameView.classify(f.entryRsp(),
                            f.savedRip(), f.savedRflags(), f.savedRsp(), a.altBase(), a.altSize(), afterStui, afterSyscall),
                            a.altName()));
                    break;
                }
                case SENDUIPI: {
                    if (s.sendBelow() >= 0 && count >= s.sendBelow()) {
                        break;                                           // "if deliveries<N" not met: nothing sent
                    }
                    long idx;
                    try {
                        idx = s.arg(0, a.vars(), 0);
                    } catch (dev.uintr.program.Arg.Unbound e) {
                        events.add(s.call() + ": unbound");
                        break;
                    }
                    events.add(s.call() + ": " + ActorMachine.sendResult(k.senduipi(tid, idx)));
                    break;
                }
                default:
                    throw new IllegalStateException("not a handler step: " + s.op());
            }
        }
        List<List<String>> mine = bodies.get(i);
        while (mine.size() < k.task(tid).deliveries.size()) {
            mine.add(List.of());                                         // deliveries before the body existed
        }
        mine.add(events);
    }
}
