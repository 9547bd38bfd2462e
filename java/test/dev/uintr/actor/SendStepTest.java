package dev.uintr.actor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.KernelConfig;
import dev.uintr.kernel.KernelEvent;
import dev.uintr.kernel.SendOutcome;
import dev.uintr.machine.Chooser;
import dev.uintr.machine.Choosers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The send step the actor interpreter runs ({@link ActorMachine}, for a scenario's {@code send} and
 * a case's {@code senduipi}): its events in order under each blocking design
 * (design.md "Blocking designs", the seed's option 1), and the shared interleaving helpers.
 */
class SendStepTest {
    /** rx (cpu0, receiver, vector 3) and tx (cpu1, its sender through UITT entry idx), both running. */
    static final class Pair {
        final Kernel k;
        final int rx;
        final int tx;
        final long idx;

        Pair(AbiProfile p, BlockingDesign d) {
            k = new Kernel(KernelConfig.of(p).withDesign(d).withCpus(2));
            rx = k.newProcess("rx", 0);
            tx = k.spawnThread(rx, "tx", 1);
            k.run(rx);
            assertEquals(0, k.registerHandler(rx, Kernel.DEFAULT_HANDLER, 0));
            long fd = k.vectorFd(rx, 3, 0);
            k.stui(rx);
            k.run(tx);
            idx = k.registerSender(tx, fd, 0);
            assertTrue(fd >= 0 && idx >= 0);
        }

        void receiverBlocks() {
            assertEquals(Kernel.BLOCKED, k.syscall(rx, dev.uintr.Syscall.UINTR_WAIT, StepCalls.uintrWaitArgs(k, 1000, 0)));
        }

        /** The kinds of the step's events from phase 0 until it is done. */
        List<SendStep.Kind> run() {
            return events().stream().map(SendStep.Event::kind).toList();
        }

        /** The step's events from phase 0 until it is done, checking sendsUipiAt on the way. */
        List<SendStep.Event> events() {
            List<SendStep.Event> events = new ArrayList<>();
            int phase = 0;
            for (int n = 0; n < 3; n++) {
                boolean uipi = SendStep.sendsUipiAt(k.config().design(), phase);
                SendStep.Event e = SendStep.next(k, tx, idx, phase);
                assertEquals(uipi, e.kind() == SendStep.Kind.SENDUIPI, "sendsUipiAt agrees with the event at phase " + phase);
                events.add(e);
                phase = e.nextPhase();
                if (e.done()) {
                    assertEquals(0, phase, "a finished step starts the next one at phase 0");
                    return events;
                }
            }
            throw new AssertionError("a send step takes at most three events: " + events);
        }
    }

    @ParameterizedTest
    @EnumSource(value = BlockingDesign.class, names = {"NAIVE", "KERNEL_VECTOR", "KERNEL_VECTOR_CHECKED", "GP_FAULT", "AFFINITY"})
    void plainDesigns_oneEvent_senduipi(BlockingDesign d) {
        List<SendStep.Event> events = new Pair(AbiProfile.RFC_V1, d).events();
        assertEquals(1, events.size());
        assertEquals(SendStep.Kind.SENDUIPI, events.get(0).kind());
        assertEquals(SendOutcome.OK, events.get(0).outcome());
    }

    @Test
    void sendWrapper_receiverRunning_readsThenSends() {
        Pair p = new Pair(AbiProfile.RFC_V1, BlockingDesign.SEND_WRAPPER);
        assertEquals(List.of(SendStep.Kind.READ_BLOCKED_WORD, SendStep.Kind.SENDUIPI), p.run());
    }

    @Test
    void sendWrapper_receiverBlocked_readsThenWakes_noSenduipi() {
        Pair p = new Pair(AbiProfile.RFC_V1, BlockingDesign.SEND_WRAPPER);
        p.receiverBlocks();
        List<SendStep.Event> events = p.events();
        assertEquals(List.of(SendStep.Kind.READ_BLOCKED_WORD, SendStep.Kind.WAKE), events.stream().map(SendStep.Event::kind).toList());
        assertTrue(events.get(0).blocked());
        assertEquals(0, events.get(1).wakeResult());
    }

    @Test
    void sendWrapperPostFirst_receiverRunning_sendsThenReads() {
        Pair p = new Pair(AbiProfile.RFC_V1, BlockingDesign.SEND_WRAPPER_POST_FIRST);
        assertEquals(List.of(SendStep.Kind.SENDUIPI, SendStep.Kind.READ_BLOCKED_WORD), p.run());
    }

    @Test
    void sendWrapperPostFirst_receiverBlocked_sendsReadsWakes() {
        Pair p = new Pair(AbiProfile.RFC_V1, BlockingDesign.SEND_WRAPPER_POST_FIRST);
        p.receiverBlocks();
        assertEquals(List.of(SendStep.Kind.SENDUIPI, SendStep.Kind.READ_BLOCKED_WORD, SendStep.Kind.WAKE), p.run());
    }

    /** The one argument order (program.StepSyscall): rfc-v1 uintr_wait(flags), later uintr_wait(usec, flags); kernel §2.1. */
    @Test
    void uintrWaitArgs_followTheProfile_kernel2_1() {
        assertArrayEquals(new long[] {0}, StepCalls.uintrWaitArgs(new Pair(AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR).k, 1000, 0));
        assertArrayEquals(new long[] {1000, 0}, StepCalls.uintrWaitArgs(new Pair(AbiProfile.LATER, BlockingDesign.KERNEL_VECTOR).k, 1000, 0));
    }

    @Test
    void delivered_countsTheHandlersDeliveries() {
        Pair p = new Pair(AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR);
        assertTrue(StepCalls.delivered(p.k, p.rx, 0));
        assertFalse(StepCalls.delivered(p.k, p.rx, 1));
        SendStep.next(p.k, p.tx, p.idx, 0);
        p.k.settleInterrupts();
        assertTrue(StepCalls.delivered(p.k, p.rx, 1));
    }

    /** Actors that can act first, in order; then everything the kernel has pending, in its order, but timers. */
    @Test
    void moves_actorsThenKernelEvents_timersLeftOut() {
        Pair p = new Pair(AbiProfile.LATER, BlockingDesign.KERNEL_VECTOR);
        p.receiverBlocks();
        List<KernelEvent> all = p.k.pendingEvents();
        assertTrue(all.stream().anyMatch(e -> e.kind() == KernelEvent.Kind.TIMER), "later's uintr_wait has a timeout");
        List<String> expected = new ArrayList<>(List.of("actor 0", "actor 2"));
        all.stream().filter(e -> e.kind() != KernelEvent.Kind.TIMER).forEach(e -> expected.add(e.toString()));
        assertEquals(expected, Interleaving.moves(p.k, 3, i -> i != 1, i -> "actor " + i, KernelEvent::toString));
    }

    /** The backend's seeds replay as recorded: java.util.Random draws at every choice, a forced one included. */
    @Test
    void randomChooser_drawsLikeJavaUtilRandom() {
        Chooser c = Choosers.random(7);
        Random r = new Random(7);
        for (int options : new int[] {3, 1, 5, 1, 2, 9, 1, 4}) {
            List<Integer> moves = java.util.stream.IntStream.range(0, options).boxed().toList();
            assertEquals(r.nextInt(options), Interleaving.choose(c, moves));
        }
    }
}
