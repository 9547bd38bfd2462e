package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.Syscall;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shape the explorer needs: from a state, {@link Kernel#pendingEvents()} lists what can
 * happen, {@link Kernel#copy()} + {@link Kernel#apply} take it, and states hash and compare so a
 * visited set closes the search. A tiny breadth-first search finds naive's lost wake-up.
 */
class EventSearchTest {

    /** After rx blocks in uintr_wait with a bystander receiver on cpu0 and tx posts. */
    private static Kernel start(BlockingDesign d) {
        Rig w = Rig.rfc(d, 2);
        w.bystanderReceiver(0);
        w.k.run(w.rx);
        w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0);
        w.k.senduipi(w.tx, w.idx);
        return w.k;
    }

    /** Reachable states where rx sleeps, nothing is pending anywhere, and its post is stuck. */
    private static int lostWakeups(Kernel init, int rx, int[] visitedOut) {
        Set<KernelState> seen = new HashSet<>();
        ArrayDeque<Kernel> todo = new ArrayDeque<>();
        todo.add(init);
        seen.add(init.state().copy());
        int lost = 0;
        while (!todo.isEmpty()) {
            Kernel k = todo.poll();
            boolean quiet = k.pendingEvents().stream().noneMatch(e -> e.kind() == KernelEvent.Kind.TAKE_INTERRUPTS);
            Task t = k.task(rx);
            UpidContext u = k.upidOf(rx);
            if (quiet && t.state == TaskState.SLEEPING && (u.pir != 0 || t.uirr != 0)) {
                lost++;
            }
            for (KernelEvent e : k.pendingEvents()) {
                Kernel n = k.copy();
                n.apply(e);
                if (seen.add(n.state())) {
                    todo.add(n);
                }
            }
            assertTrue(seen.size() < 10_000, "search did not close");
        }
        visitedOut[0] = seen.size();
        return lost;
    }

    @Test
    void naive_searchFindsTheLostWakeup() {
        Kernel k = start(BlockingDesign.NAIVE);
        int[] visited = new int[1];
        assertTrue(lostWakeups(k, 0, visited) > 0, "naive loses the wake-up in some interleaving");
        assertTrue(visited[0] > 1);
    }

    @Test
    void kernelVector_noLostWakeupInThisScenario() {
        Kernel k = start(BlockingDesign.KERNEL_VECTOR);
        int[] visited = new int[1];
        assertEquals(0, lostWakeups(k, 0, visited));
    }

    @Test
    void pendingEvents_listsInterruptsScheduleAndTimers_inFixedOrder() {
        Kernel k = start(BlockingDesign.KERNEL_VECTOR);
        assertEquals("[irq cpu0]", k.pendingEvents().toString());
        k.apply(k.pendingEvents().get(0));
        assertEquals("[schedule cpu0]", k.pendingEvents().toString(), "rx woken onto busy cpu0's queue");
        assertFalse(k.state().toString().isEmpty());
        assertTrue(k.state().toString().contains("cpu0: bystander"), k.state().toString());
    }

    @Test
    void step_withAScriptedChooser_replaysExactly() {
        Kernel a = start(BlockingDesign.KERNEL_VECTOR);
        Kernel b = a.copy();
        dev.uintr.machine.Chooser ca = dev.uintr.machine.Choosers.seeded(7);
        dev.uintr.machine.Chooser cb = dev.uintr.machine.Choosers.seeded(7);
        for (int i = 0; i < 50; i++) {                              // rescheduling never runs out: bound it
            assertEquals(String.valueOf(a.step(ca)), String.valueOf(b.step(cb)));
        }
        assertEquals(a.state(), b.state(), "same seed, same run");
        assertTrue(a.task(0).state != TaskState.SLEEPING, "the 0xEB woke rx in every run");
    }
}
