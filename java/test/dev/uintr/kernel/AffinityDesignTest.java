package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import org.junit.jupiter.api.Test;

/**
 * The seed's option 2 (spec/seed-lkml-review.txt, "treat the NV-2 as a real interrupt and honor
 * affinity settings"; kernel §5.3 (b)): deterministic schedules for what it buys (no interrupt on
 * the sleeper's isolated CPU) and what it costs (an extra hop, victims on the housekeeping CPU).
 */
class AffinityDesignTest {

    private static Rig rig(BlockingDesign d, long isolated, long housekeeping) {
        return new Rig(KernelConfig.of(AbiProfile.RFC_V1).withDesign(d).withCpus(3).withIsolated(isolated)
                .withIrqAffinity(housekeeping));
    }

    @Test
    void blockedReceiver_notificationRoutedToTheHousekeepingCpu_extraHopCounted_seedOption2() {
        Rig w = rig(BlockingDesign.AFFINITY, 0, 1L << 2);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        assertEquals(UpidContext.AFFINITY_VECTOR, w.rxUpid().nv, "a device-like vector, never anyone's UINV");
        assertEquals(2L << 8, w.rxUpid().ndst, "NDST = the CPU its affinity allows, not the sleeper's cpu0");
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));
        assertFalse(w.k.state().cpus[0].anyPending(), "nothing lands on the sleeper's CPU");
        assertTrue(w.k.state().cpus[2].pending(UpidContext.AFFINITY_VECTOR));
        w.k.interrupts(2);
        Counters c = w.k.counters();
        assertEquals(1, c.affinityInterrupts);
        assertEquals(1, c.waitListWalked, "the handler still has to walk the list: the vector says nothing about the target");
        assertEquals(1, c.offTargetInterrupts, "taken on cpu2, the target lives on cpu0");
        assertEquals(1, c.wakeIpis, "the extra hop: cpu2 wakes a task queued on cpu0");
        assertEquals(TaskState.RUNNING, w.task(w.rx).state);
        w.assertDeliveredOnce(w.rx);
    }

    /** Isolated cpu0 runs rt after the receiver blocks there: kernel-vector interrupts rt, affinity does not. */
    private static Rig isolatedSchedule(BlockingDesign d) {
        Rig w = rig(d, 1L << 0 | 1L << 1, 1L << 2);
        int rt = w.k.newProcess("rt", 0);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        assertEquals(rt, w.k.state().cpus[0].curr, "rt runs on isolated cpu0");
        w.k.senduipi(w.tx, w.idx);
        w.k.settleInterrupts();
        return w;
    }

    @Test
    void affinity_isolatedCpuIsNeverInterrupted_seedTaskIsolation() {
        Rig w = isolatedSchedule(BlockingDesign.AFFINITY);
        assertEquals(0, w.k.counters().isolationHits);
        assertEquals(0, w.k.counters().victimInterrupts, "cpu2 was idle");
        assertEquals(TaskState.READY, w.task(w.rx).state, "woken, queued behind rt on cpu0");
    }

    @Test
    void kernelVector_sameSchedule_interruptsTheIsolatedCpu_kernel5_2_7() {
        Rig w = isolatedSchedule(BlockingDesign.KERNEL_VECTOR_CHECKED);
        assertEquals(1, w.k.counters().isolationHits, "the 0xEB hit rt on isolated cpu0");
        assertEquals(1, w.k.counters().victimInterrupts);
    }

    @Test
    void postBeforeArm_recheckedAfterArming_abortsTheWait_kernel5_2_1() {
        Rig w = rig(BlockingDesign.AFFINITY, 0, 0);
        w.k.enterKernel(w.rx);
        w.k.senduipi(w.tx, w.idx);
        w.k.interrupts(0);
        assertEquals(-Errno.EINTR, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        assertTrue(w.k.state().waitList.isEmpty());
        w.assertDeliveredOnce(w.rx);
    }

    /** irqaffinity unset: every CPU is allowed and the lowest online one takes it (here the sleeper's own). */
    @Test
    void noHousekeepingMask_lowestOnlineCpu() {
        Rig w = rig(BlockingDesign.AFFINITY, 0, 0);
        w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0);
        assertEquals(0L, w.rxUpid().ndst);
    }

    /** kernel §5.2 item 6 as a device interrupt sees it: fixup_irqs moves it to a CPU the affinity still allows. */
    @Test
    void housekeepingCpuGoesOffline_retargetedAndResent_noLostWakeup_kernel5_2_6() {
        Rig w = rig(BlockingDesign.AFFINITY, 0, 1L << 1 | 1L << 2);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        assertEquals(1L << 8, w.rxUpid().ndst);
        w.k.senduipi(w.tx, w.idx);                                 // 0x41 pending on cpu1
        w.k.cpuOffline(1);
        assertEquals(2L << 8, w.rxUpid().ndst, "retargeted to cpu2");
        assertEquals(0, w.k.counters().lostIpis);
        w.k.settleInterrupts();
        assertEquals(TaskState.READY, w.task(w.rx).state, "woken (tx, moved off cpu1, now runs on cpu0)");
        w.k.run(w.rx);
        w.assertDeliveredOnce(w.rx);
    }
}
