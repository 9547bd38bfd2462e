package dev.uintr.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.program.CaseParser;
import dev.uintr.program.CaseSpec;
import org.junit.jupiter.api.Test;

/** sleep / spin / nanosleep on the emulated backend mean what they mean natively (issue 9 item 2). */
class SleepStepsTest {
    static CaseSpec rxTx(String flags, String rxWait) {
        return CaseParser.parse("s.case", String.join("\n",
                "case s.x", "profiles rfc-v1 later",
                "thread rx: register_handler " + flags + "; vector_fd 0 -> $fd; stui; barrier 1; " + rxWait + "; barrier 2",
                "thread tx: barrier 1; register_sender $fd -> $idx; sleep 20000; senduipi $idx; barrier 2",
                "outcome * FORBIDDEN \"x\"", "")).get(0);
    }

    /** A kernel sleep enters the kernel (nanosleep) and a spin does not: uintr-kernel §4.3 (the sleeper is switched out, SN = 1). */
    @Test
    void sleepIsAKernelSleep_spinStaysInUserMode_kernel4_3() {
        for (AbiProfile p : AbiProfile.values()) {
            if (p == AbiProfile.NONE) {
                continue;
            }
            EmulatedBackendRun sleep = new EmulatedBackendRun(rxTx("0", "sleep 100000"), p, 1);
            EmulatedBackendRun spin = new EmulatedBackendRun(rxTx("0", "spin 100000"), p, 1);
            String so = sleep.run().render();
            String po = spin.run().render();
            assertTrue(so.contains("deliver(0); sleep(100000)"), so);
            assertTrue(po.contains("deliver(0); spin(100000)"), po);
            assertEquals(spin.kernel().counters().syscalls + 1, sleep.kernel().counters().syscalls,
                    "sleep makes exactly one nanosleep (not woken early without a WAITING cost)");
        }
    }

    /** Without a WAITING cost a post does not end a nanosleep (§2.4 476); with one it ends with EINTR (§2.5 9c, §5.5). */
    @Test
    void nanosleepEndsEarlyOnlyWithAWaitingCost_kernel2_4_2_5() {
        EmulatedBackend b = new EmulatedBackend();
        for (long seed = 0; seed < 10; seed++) {
            String none = b.runOnce(rxTx("0", "nanosleep 200000"), AbiProfile.LATER, seed).render();
            assertTrue(none.contains("deliver(0); nanosleep(200000): 0"), none);
            String rfc = b.runOnce(rxTx("0", "nanosleep 200000"), AbiProfile.RFC_V1, seed).render();
            assertTrue(rfc.contains("deliver(0); nanosleep(200000): 0"), rfc);
            String recv = b.runOnce(rxTx("0x1000", "nanosleep 200000"), AbiProfile.LATER, seed).render();
            assertTrue(recv.contains("deliver(0); nanosleep(200000): EINTR"), recv);
            String send = b.runOnce(rxTx("0x2000", "nanosleep 200000"), AbiProfile.LATER, seed).render();
            assertTrue(send.contains("deliver(0); nanosleep(200000): EINTR"), send);
        }
    }

    /** A kernel sleep woken early by a WAITING-cost post sleeps on (as the runner's loop does): one step, after the delivery. */
    @Test
    void sleepWokenEarly_sleepsOnUntilItsEnd_kernel2_5() {
        EmulatedBackendRun r = new EmulatedBackendRun(rxTx("0x1000", "sleep 200000"), AbiProfile.LATER, 3);
        String o = r.run().render();
        assertTrue(o.contains("barrier(1); deliver(0); sleep(200000); barrier(2)"), o);
        assertTrue(r.kernel().state().clockUs >= 200000, "the sleep ran its whole time: " + r.kernel().state().clockUs);
    }

    /** A signal ends uintr_wait with -EINTR in both generations (uintr-kernel §5.1, §2.4 476); its handler runs first. */
    @Test
    void signalEndsUintrWait_kernel5_1_2_4() {
        for (AbiProfile p : new AbiProfile[] {AbiProfile.RFC_V1, AbiProfile.LATER}) {
            CaseSpec c = CaseParser.parse("s.case", String.join("\n", "case s.x", "profiles rfc-v1 later",
                    "thread rx: register_handler; vector_fd 0 -> $fd; stui; barrier 1; uintr_wait 1000000; barrier 2",
                    "thread tx: barrier 1; sleep 20000; signal rx SIGUSR1; barrier 2", "outcome * FORBIDDEN \"x\"", "")).get(0);
            String o = new EmulatedBackend().runOnce(c, p, 0).render();
            assertTrue(o.contains("barrier(1); signal(SIGUSR1); uintr_wait(1000000): EINTR; barrier(2)"), o);
            assertTrue(!o.contains("deliver("), o);
        }
    }
}
