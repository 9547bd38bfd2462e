package dev.uintr.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.KernelEvent;
import dev.uintr.kernel.SendOutcome;
import dev.uintr.kernel.TaskState;
import dev.uintr.program.Arg;
import dev.uintr.program.Op;
import dev.uintr.program.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one actor interpreter runs a scenario's {@code wait}/{@code spin} and a case's
 * {@code uintr_wait}/{@code spin_until} on the same kernel set-up; what differs is only the
 * step's properties (split, until, records): a split wait enters the kernel as a move of its own,
 * a repeated one is over by itself when its interrupt came, a recorded call that blocked returns
 * with a move of its own and shows its result.
 */
class ActorMachineTest {
    /** rx (cpu0, receiver, vector 3) and tx (cpu1, its sender through UITT entry idx), both running (rfc-v1, kernel-vector). */
    private final SendStepTest.Pair pair = new SendStepTest.Pair(AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR);
    private final Kernel k = pair.k;
    private final int rx = pair.rx;
    private final int tx = pair.tx;
    private final long idx = pair.idx;

    /** Applies the kernel's choosable events, first one first, until there are none. */
    private void drainKernel() {
        for (int n = 0; n < 100; n++) {
            KernelEvent next = k.pendingEvents().stream().filter(Interleaving::choosable).findFirst().orElse(null);
            if (next == null) {
                return;
            }
            k.apply(next);
        }
        throw new AssertionError("the kernel's events did not settle");
    }

    /** What a case run records. */
    private static final class Recorder implements ActorMachine.Listener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void finished(int actor, Instr s, String result) {
            lines.add(actor + " " + s.step().call() + (result == null ? "" : ": " + result));
        }
    }

    @Test
    void scenarioWait_entryIsAMove_andItEndsByItselfWhenDelivered() {
        ActorMachine m = ActorMachine.scenario(new Instr[][] {
            {Instr.waitLoop(StepCalls.uintrWaitArgs(k, 1000, 0), 1)},
            {Instr.send(idx)}}, new int[] {rx, tx});
        int[] pc = new int[2];
        int[] phase = new int[2];
        assertTrue(m.enabled(k, pc, phase, 0));
        m.step(k, pc, phase, 0, ActorMachine.Listener.NONE);
        assertEquals(1, phase[0], "the split wait has entered the kernel");
        assertEquals(TaskState.RUNNING, k.task(rx).state, "entry alone does not sleep");
        m.step(k, pc, phase, 0, ActorMachine.Listener.NONE);
        assertEquals(TaskState.SLEEPING, k.task(rx).state);
        assertEquals(0, phase[0], "between calls");
        assertFalse(m.enabled(k, pc, phase, 0));
        m.step(k, pc, phase, 1, ActorMachine.Listener.NONE);
        assertEquals(1, pc[1], "a plain design's send is one event");
        drainKernel();
        assertEquals(0, pc[0], "not over before settle");
        m.settle(k, pc, phase);
        assertEquals(1, pc[0], "over by itself once its interrupt came: no move of its own");
    }

    @Test
    void caseWait_isOneCall_andItsReturnIsAMoveThatRecordsTheResult() {
        Step wait = new Step(Op.UINTR_WAIT, List.of(Arg.literal(0)), null, null, 1);
        Step send = new Step(Op.SENDUIPI, List.of(Arg.literal(idx)), null, null, 2);
        ActorMachine m = ActorMachine.cases(List.of(List.of(wait), List.of(send)), List.of("rx", "tx"), Map.of());
        Map<String, Long> vars = new HashMap<>();
        m.thread(0).vars(vars);
        m.thread(1).vars(vars);
        m.start(0, rx);
        m.start(1, tx);
        int[] pc = new int[2];
        int[] phase = new int[2];
        Recorder r = new Recorder();
        m.step(k, pc, phase, 0, r);
        assertEquals(TaskState.SLEEPING, k.task(rx).state, "one atomic call blocks");
        assertEquals(ActorMachine.RETURNING, phase[0]);
        m.step(k, pc, phase, 1, r);
        assertEquals(List.of("1 senduipi(" + idx + "): ok"), r.lines);
        assertTrue(m.thread(1).done(), "tx's program is over");
        drainKernel();
        m.settle(k, pc, phase);
        assertEquals(0, pc[0], "a recording step is never ended by settle");
        assertTrue(m.enabled(k, pc, phase, 0), "the call returned: its return is a move");
        m.step(k, pc, phase, 0, r);
        assertEquals(2, r.lines.size());
        assertTrue(r.lines.get(1).startsWith("0 uintr_wait(0): "), r.lines.toString());
        assertTrue(m.thread(0).done());
        assertEquals(TaskState.EXITED, k.task(rx).state, "a case thread exits after its last step");
    }

    @Test
    void spin_scenarioEndsByItself_caseTakesAMoveOnceDelivered() {
        Step spinUntil = new Step(Op.SPIN_UNTIL, List.of(Arg.word("deliveries>=1")), null, null, 1);
        ActorMachine cases = ActorMachine.cases(List.of(List.of(spinUntil)), List.of("rx"), Map.of());
        cases.thread(0).vars(new HashMap<>());
        cases.start(0, rx);
        ActorMachine scenario = ActorMachine.scenario(new Instr[][] {{Instr.spin(1)}}, new int[] {rx});
        int[] casePc = new int[1];
        int[] scenarioPc = new int[1];
        int[] phase = new int[1];
        assertFalse(cases.enabled(k, casePc, phase, 0), "nothing delivered yet");
        assertFalse(scenario.enabled(k, scenarioPc, phase, 0), "a scenario's spin has no move of its own");
        assertTrue(scenario.spinning(scenarioPc, 0) && cases.spinning(casePc, 0));
        assertEquals(SendOutcome.OK, k.senduipi(tx, idx), "the post went through");
        drainKernel();
        assertNotEquals(0, k.task(rx).deliveries.size());
        cases.settle(k, casePc, phase);
        scenario.settle(k, scenarioPc, phase);
        assertEquals(0, casePc[0]);
        assertEquals(1, scenarioPc[0]);
        assertTrue(cases.enabled(k, casePc, phase, 0));
        Recorder r = new Recorder();
        cases.step(k, casePc, phase, 0, r);
        assertEquals(List.of("0 spin_until(deliveries>=1)"), r.lines);
    }
}
