package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.Syscall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's option 1 (spec/seed-lkml-review.txt, "a fancy wrapper around SENDUIPI"; kernel
 * §5.3 (a)): one deterministic schedule per weakness, and the same schedule on the variant that
 * does not have it. The explorer must find these by search (DesignVerdictTest).
 */
class SendWrapperDesignTest {

    /** The check-then-act window: the wrapper reads "not blocked", the receiver then blocks, the SENDUIPI follows. */
    private static Rig checkThenBlockThenSend(BlockingDesign d) {
        Rig w = Rig.rfc(d, 2);
        assertFalse(w.k.wrapperReadsBlocked(w.tx, w.idx), "the receiver runs: the word says 'not blocked'");
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0), "the receiver blocks right after the check");
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));
        return w;
    }

    @Test
    void sendWrapper_receiverBlocksAfterTheCheck_postOnlyWritesPir_lostWakeup_seedOption1() {
        Rig w = checkThenBlockThenSend(BlockingDesign.SEND_WRAPPER);
        assertTrue(w.rxUpid().sn, "blocked: SN = 1, as for any task that is not running (Andy's state 2)");
        assertEquals(0, w.k.counters().ipisSent, "SN = 1: the post sends no IPI");
        w.k.settleInterrupts();
        assertEquals(TaskState.SLEEPING, w.task(w.rx).state, "nothing will wake it: the wake-up is lost");
        assertEquals(1L << Rig.VEC, w.rxUpid().pir, "the post sits in PIR");
    }

    /** Post first, then check: the same receiver-blocks-first order is caught by the read that follows the post. */
    @Test
    void sendWrapperPostFirst_sameOrder_readAfterThePostSeesBlocked_wakeCall_delivered() {
        Rig w = Rig.rfc(BlockingDesign.SEND_WRAPPER_POST_FIRST, 2);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx), "SN = 1: only PIR");
        assertTrue(w.k.wrapperReadsBlocked(w.tx, w.idx), "the read after the post sees the published word");
        long syscalls = w.k.counters().syscalls;
        assertEquals(0, w.k.wrapperWake(w.tx, w.idx));
        assertEquals(syscalls + 1, w.k.counters().syscalls, "the sender pays one system call");
        assertEquals(1, w.k.counters().senderEntries);
        assertEquals(1, w.k.counters().wakeIpis, "woken from cpu1, queued on cpu0: a reschedule IPI");
        assertEquals(1, w.k.counters().ipisSent, "no notification IPI: only rx's own self-IPI replaying PIR on its return");
        assertEquals(0, w.k.counters().offTargetInterrupts);
        assertEquals(-Errno.EINTR, w.task(w.rx).lastResult);
        w.assertDeliveredOnce(w.rx);
    }

    /** The wrapper reads "blocked": the wake call posts and wakes; the kernel finds the target through the UITT, no list walk. */
    @Test
    void sendWrapper_sawBlocked_wakeCallPostsAndWakes_noListWalk() {
        Rig w = Rig.rfc(BlockingDesign.SEND_WRAPPER, 2);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        assertTrue(w.k.wrapperReadsBlocked(w.tx, w.idx));
        assertEquals(0, w.k.wrapperWake(w.tx, w.idx));
        assertEquals(0, w.k.counters().waitListWalked);
        assertTrue(w.k.state().waitList.isEmpty(), "never on a list");
        assertEquals(TaskState.RUNNING, w.task(w.rx).state, "idle cpu0 ran it");
        w.assertDeliveredOnce(w.rx);
    }

    /**
     * What the kernel must re-check after publishing the word: a post that came before it (here
     * absorbed into UIRR between syscall entry and arming, kernel §5.2 item 1) aborts the wait.
     */
    @ParameterizedTest
    @EnumSource(value = BlockingDesign.class, names = {"SEND_WRAPPER", "SEND_WRAPPER_POST_FIRST"})
    void kernelRecheckAfterPublishing_postBeforeArm_abortsTheWait_kernel5_2_1(BlockingDesign d) {
        Rig w = Rig.rfc(d, 2);
        w.k.enterKernel(w.rx);
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));
        w.k.interrupts(0);
        assertEquals(1L << Rig.VEC, w.task(w.rx).uirr);
        assertEquals(-Errno.EINTR, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0), "re-check sees UIRR: no sleep");
        assertFalse(w.rxUpid().waiting, "the word is withdrawn");
        w.assertDeliveredOnce(w.rx);
    }

    /** A stale "blocked" read (the receiver woke meanwhile): the wake call posts as SENDUIPI would, with its IPI. */
    @Test
    void sendWrapper_staleBlockedRead_wakeCallNotifiesTheRunningReceiver() {
        Rig w = Rig.rfc(BlockingDesign.SEND_WRAPPER, 2);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        assertTrue(w.k.wrapperReadsBlocked(w.tx, w.idx));
        w.k.signal(w.rx);                                          // it wakes for another reason and runs
        assertEquals(TaskState.RUNNING, w.task(w.rx).state);
        assertEquals(0, w.k.wrapperWake(w.tx, w.idx));
        assertEquals(1, w.k.counters().ipisSent, "0xEC to the receiver's CPU, as SENDUIPI would have sent");
        w.k.interrupts(0);
        w.assertDeliveredOnce(w.rx);
    }

    /**
     * Post first pays for its safety with spurious wake-ups: the post is consumed, the receiver
     * blocks again, and the read that followed the post still sees "blocked".
     */
    @Test
    void sendWrapperPostFirst_readAfterConsumedPost_wakesForNothing() {
        Rig w = Rig.rfc(BlockingDesign.SEND_WRAPPER_POST_FIRST, 2);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));
        w.k.signal(w.rx);                                          // woken otherwise: replays PIR on the way out
        w.k.settleInterrupts();
        w.assertDeliveredOnce(w.rx);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0), "waits for the next one");
        assertTrue(w.k.wrapperReadsBlocked(w.tx, w.idx));
        assertEquals(0, w.k.wrapperWake(w.tx, w.idx));
        assertEquals(1, w.k.counters().emptyWakeups, "woken with nothing posted");
        assertEquals(-Errno.EINTR, w.task(w.rx).lastResult);
    }

    @Test
    void wrapperCalls_onAnIndexThatIsNotValid_einval_andReadFalse() {
        Rig w = Rig.rfc(BlockingDesign.SEND_WRAPPER, 2);
        assertFalse(w.k.wrapperReadsBlocked(w.tx, 7));
        assertEquals(-Errno.EINVAL, w.k.wrapperWake(w.tx, 7));
    }
}
