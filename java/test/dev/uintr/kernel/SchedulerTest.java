package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run queues, preemption, migration, sleep and wake-up, CPU offline, as the UINTR paths see them (§4.3). */
class SchedulerTest {

    @Test
    void migratedReceiver_ndstFollowsOnReturnToUser_ipiGoesToTheNewCpu_kernel4_3() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.RFC_V1).withCpus(3));
        int other = w.k.newProcess("other", 0);
        w.k.run(other);                                             // rx preempted: READY on cpu0, SN = 1
        assertTrue(w.rxUpid().sn);
        w.k.migrate(w.rx, 2);
        w.k.schedule(2);                                            // idle cpu2 picks rx up
        assertEquals(2, w.task(w.rx).cpu);
        assertEquals(2L << 8, w.rxUpid().ndst, "NDST = APIC id 2 (xAPIC: bits 15:8)");
        assertTrue(!w.rxUpid().sn);
        w.k.senduipi(w.tx, w.idx);
        assertTrue(w.k.state().cpus[2].pending(UpidContext.NOTIFICATION_VECTOR));
        w.k.interrupts(2);
        w.assertDeliveredOnce(w.rx);
    }

    @Test
    void preemptedReceiver_postsOnlySetPir_deliveredWhenItRunsAgain() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.LATER));
        int other = w.k.newProcess("other", 0);
        w.k.run(other);
        long ipis = w.k.counters().ipisSent;
        w.k.senduipi(w.tx, w.idx);
        w.k.senduipi(w.tx, w.idx);
        assertEquals(ipis, w.k.counters().ipisSent);
        w.k.schedule(0);                                            // other → tail, rx runs
        assertEquals(w.rx, w.k.state().cpus[0].curr);
        w.assertDeliveredOnce(w.rx);
    }

    @Test
    void cpuOffline_movesItsTasks_andPendingInterruptsAreLost() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.RFC_V1).withCpus(3));
        w.k.clui(w.rx);
        w.k.senduipi(w.tx, w.idx);                                  // 0xEC pending on cpu0
        w.k.cpuOffline(0);
        assertEquals(1, w.task(w.rx).cpu, "moved to the first online CPU");
        assertTrue(w.rxUpid().on, "ON still set: the in-flight notification died with cpu0");
        w.k.settleInterrupts();
        if (w.k.state().cpus[1].curr != w.rx) {
            w.k.run(w.rx);
        }
        w.k.stui(w.rx);
        assertEquals(List.of(Rig.VEC), w.task(w.rx).deliveries, "the return path's self-IPI replays the PIR");
    }

    @Test
    void timers_wakeInTidOrder_resultZero() {
        Kernel k = new Kernel(KernelConfig.of(AbiProfile.LATER).withCpus(1));
        int a = k.newProcess("a", 0);
        int b = k.newProcess("b", 0);
        k.syscall(a, Syscall.NANOSLEEP, 50);
        assertEquals(b, k.state().cpus[0].curr);
        k.syscall(b, Syscall.NANOSLEEP, 10);
        k.advanceTime(100);
        assertEquals(a, k.state().cpus[0].curr, "a was queued first");
        assertEquals(0, k.task(a).lastResult);
        assertEquals(List.of(b), k.state().cpus[0].runQueue);
    }
}
