package dev.uintr.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.program.CaseParser;
import dev.uintr.program.CaseSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The native backend's plumbing, on any host: the byte form and its decoding in pure Java;
 * the runner's fork / barrier / timeout / fault-skip paths through the shim with steps that
 * need no uintr kernel (skipped where the shim is not loaded).
 */
class NativeBackendTest {
    static CaseSpec spec(String threads) {
        return CaseParser.parse("n.case", "case n.t\nprofiles rfc-v1 later\n" + threads
                + "outcome * FORBIDDEN \"x\"\n").get(0);
    }

    /** Skips only where the build could not make the shim (ShimRequirement); a built shim without a working runner fails. */
    static void assumeRunner() {
        dev.uintr.nat.ShimRequirement.require();
        String why = NativeBackendRunner.unavailable();
        assertNull(why, "the shim loads but its program runner does not");
    }

    @Test
    void encode_layoutMatchesHeader() {
        CaseSpec c = spec("thread a: register_handler; vector_fd 3 -> $fd; barrier 7; fork k { senduipi $fd+1 }\n"
                + "thread b: barrier 7; spin_until deliveries>=2\n");
        byte[] blob = NativeBackendCodec.encode(c, AbiProfile.LATER, true);
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(NativeBackendCodec.HEADER + 3 * NativeBackendCodec.THREAD + 7 * NativeBackendCodec.STEP, blob.length);
        assertEquals(0x47525055, b.getInt(0));
        assertEquals(3, b.getInt(8));                                   // a, k (a's fork child), b
        assertEquals(7, b.getInt(12));
        assertEquals(471, b.getInt(16));                                // uintr_register_handler, later
        assertEquals(473, b.getInt(24));                                // uintr_vector_fd
        assertEquals(1, b.getInt(56));                                  // profile later (after nr[10])
        assertEquals(2, b.getInt(64));                                  // barrier 7 → slot 0, two programs
        int threads = NativeBackendCodec.HEADER;
        assertEquals(-1, b.getInt(threads));
        assertEquals(0, b.getInt(threads + 16));                        // k forked by program 0
        assertEquals(4, b.getInt(threads + 16 + 4));                    // k's first step
        assertEquals(-1, b.getInt(threads + 2 * 16));                   // b is a thread
        int steps = threads + 3 * 16;
        int senduipi = steps + 4 * NativeBackendCodec.STEP;
        assertEquals(9, b.getShort(senduipi));
        assertEquals(0, b.getInt(senduipi + 8));                        // $fd is var 0
        assertEquals(1, b.getLong(senduipi + 16));                      // offset +1
        byte[] rfc = NativeBackendCodec.encode(c, AbiProfile.RFC_V1, true);
        assertEquals(451, ByteBuffer.wrap(rfc).order(ByteOrder.LITTLE_ENDIAN).getInt(24));  // uintr_create_fd
        byte[] unconfirmed = NativeBackendCodec.encode(c, AbiProfile.LATER, false);
        for (int i = 0; i < 10; i++) {
            assertEquals(-1, ByteBuffer.wrap(unconfirmed).order(ByteOrder.LITTLE_ENDIAN).getInt(16 + 4 * i));
        }
    }

    /** The runner passes a syscall step's arguments on as encoded: in the profile's order (uintr-kernel §2.1). */
    @Test
    void encode_syscallArgumentsInTheProfilesOrder() {
        CaseSpec c = spec("thread a: unregister_sender 5 2 0; uintr_wait 100 7\n");
        int first = NativeBackendCodec.HEADER + NativeBackendCodec.THREAD;
        int second = first + NativeBackendCodec.STEP;
        ByteBuffer rfc = ByteBuffer.wrap(NativeBackendCodec.encode(c, AbiProfile.RFC_V1, true)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, rfc.getShort(first + 6), "unregister_sender(fd, flags)");
        assertEquals(5, rfc.getLong(first + 8 + 8));
        assertEquals(0, rfc.getLong(first + 24 + 8));
        assertEquals(2, rfc.getLong(first + 40 + 8), "the index after them, only checked for being bound");
        assertEquals(1, rfc.getShort(second + 6), "uintr_wait(flags)");
        assertEquals(7, rfc.getLong(second + 8 + 8));
        ByteBuffer later = ByteBuffer.wrap(NativeBackendCodec.encode(c, AbiProfile.LATER, true)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, later.getLong(first + 8 + 8), "unregister_sender(index, flags)");
        assertEquals(2, later.getShort(second + 6), "uintr_wait(usec, flags)");
        assertEquals(100, later.getLong(second + 8 + 8));
        assertEquals(7, later.getLong(second + 24 + 8));
    }

    @Test
    void decode_rendersLikeTheEmulator() {
        CaseSpec c = spec("thread rx: register_handler; vector_fd 3 -> $fd; spin_until deliveries>=1\n"
                + "thread tx: senduipi 9; testui\n");
        byte[] out = new byte[NativeBackendCodec.OUT_SIZE];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 1);                                                 // timeout
        int rx = 16;
        int tx = 16 + NativeBackendCodec.LOG;
        b.putInt(rx, 4).putInt(rx + 4, 0);
        event(b, rx, 0, 1, 0, 0);
        event(b, rx, 1, 1, 1, 5);                                       // fd 5 → "fd"
        event(b, rx, 2, 2, 0, 3 | (1 << 8) | (8 << 16));                // uif=1, misaligned
        event(b, rx, 3, 1, 2, 0);
        b.putInt(tx, 2).putInt(tx + 4, 1);
        event(b, tx, 0, 1, 0, 1);                                       // SIGILL
        event(b, tx, 1, 1, 1, 0);
        NativeBackendCodec.Decoded d = NativeBackendCodec.decode(c, out);
        assertTrue(d.timedOut());
        assertEquals("rx: register_handler(): 0; vector_fd(3): fd; deliver(3, uif=1, rsp%16=8); "
                + "spin_until(deliveries>=1); TIMEOUT | tx: senduipi(9): SIGILL; testui: 0", d.observation().render());
    }

    private static void event(ByteBuffer b, int log, int j, int kind, int step, long value) {
        int at = log + 8 + j * 16;
        b.putInt(at, kind).putInt(at + 4, step).putLong(at + 8, value);
    }

    @Test
    void encode_tooManyPrograms_isAnErrorNotACrash() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            b.append("thread t").append(i).append(": mark A\n");
        }
        // the case parser applies the runner's limit (issue 12): exit 2 naming it, before any backend runs
        dev.uintr.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(dev.uintr.BadInputException.class,
                () -> spec(b.toString()));
        assertTrue(e.getMessage().contains("17 threads") && e.getMessage().contains("the limit is "
                + NativeBackendCodec.MAX_THREADS), e.getMessage());
    }

    @Test
    void encode_isDeterministic() {
        CaseSpec c = spec("thread a: mark A; sleep 10\n");
        assertArrayEquals(NativeBackendCodec.encode(c, AbiProfile.LATER, false),
                NativeBackendCodec.encode(c, AbiProfile.LATER, false));
    }

    /** kernel §7.2 senduipi_instr: SENDUIPI without registration is SIGILL (here: #UD, no UINTR at all); the runner skips it. */
    @Test
    void runner_barrierMarkSleep_andSenduipiSigillSkipped_kernel7_2() {
        assumeRunner();
        CaseSpec c = spec("thread a: mark A; barrier 1; sleep 1000; mark B; barrier 2\n"
                + "thread b: barrier 1; senduipi 0; senduipi 3; barrier 2\n");
        NativeBackendRunner.Result r = NativeBackendRunner.run(c, AbiProfile.LATER, false, 5_000);
        assertNull(r.error());
        assertFalse(r.timedOut());
        assertEquals("a: mark(A); barrier(1); sleep(1000); mark(B); barrier(2) | "
                + "b: barrier(1); senduipi(0): SIGILL; senduipi(3): SIGILL; barrier(2)", r.observation().render());
    }

    /** spin stays in user mode, nanosleep's result is recorded (0: nothing woke it), ioctl on an eventfd is ENOTTY. */
    @Test
    void runner_spinNanosleepIoctl_sameRenderingAsEmulator() {
        assumeRunner();
        CaseSpec c = spec("thread a: spin 2000; nanosleep 1000; eventfd -> $e; ioctl $e 0x7500\n");
        NativeBackendRunner.Result r = NativeBackendRunner.run(c, AbiProfile.LATER, false, 5_000);
        assertNull(r.error());
        assertEquals("a: spin(2000); nanosleep(1000): 0; eventfd(): fd; ioctl($e, 29952): ENOTTY", r.observation().render());
        assertEquals(r.observation().render(), new EmulatedBackend().runOnce(c, AbiProfile.LATER, 0).render());
    }

    /** signal: the target's handler is logged where it ran, and the nanosleep it interrupted returns EINTR. */
    @Test
    void runner_signalEndsNanosleep_sameRenderingAsEmulator() {
        assumeRunner();
        CaseSpec c = spec("thread rx: barrier 1; nanosleep 2000000; barrier 2\n"
                + "thread tx: barrier 1; sleep 50000; signal rx SIGUSR1; barrier 2\n");
        NativeBackendRunner.Result r = NativeBackendRunner.run(c, AbiProfile.LATER, false, 5_000);
        assertNull(r.error());
        String expect = "rx: barrier(1); signal(SIGUSR1); nanosleep(2000000): EINTR; barrier(2) | "
                + "tx: barrier(1); sleep(50000); signal(rx, SIGUSR1): 0; barrier(2)";
        assertEquals(expect, r.observation().render());
        assertEquals(expect, new EmulatedBackend().runOnce(c, AbiProfile.LATER, 0).render());
    }

    /** A handler body's events (EV_HSTEP) decode into the delivery before them, as the emulator renders them. */
    @Test
    void decode_handlerBodyEventsJoinTheirDelivery() {
        CaseSpec c = CaseParser.parse("n.case", "case n.t\nprofiles later\nthread a: register_handler; alt_stack buf 4096; stui\n"
                + "handler a: testui; deliveries; frame; mark h\noutcome * FORBIDDEN \"x\"\n").get(0);
        byte[] out = new byte[NativeBackendCodec.OUT_SIZE];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int a = 16;
        b.putInt(a, 7).putInt(a + 4, 1);
        event(b, a, 0, NativeBackendCodec.EV_STEP, 0, 0);
        event(b, a, 1, NativeBackendCodec.EV_DELIVERY, 0, 2);
        event(b, a, 2, NativeBackendCodec.EV_HSTEP, 0, 0);
        event(b, a, 3, NativeBackendCodec.EV_HSTEP, 1, 1);
        event(b, a, 4, NativeBackendCodec.EV_HSTEP, 2, 3 | 4 | 8 | (2 << 8));   // below(buf): alt_stack is step 1 (+1)
        event(b, a, 5, NativeBackendCodec.EV_HSTEP, 3, 0);
        event(b, a, 6, NativeBackendCodec.EV_STEP, 1, 0);
        assertEquals("a: register_handler(): 0; deliver(2){testui: 0, deliveries: 1, frame(rsp=below(buf), rip=user, if=1), "
                + "mark(h)}; alt_stack(buf, 4096): 0", NativeBackendCodec.decode(c, out).observation().render());
    }

    @Test
    void runner_malformedBlob_isEinval_nothingForked() {
        assumeRunner();
        byte[] out = new byte[NativeBackendCodec.OUT_SIZE];
        assertEquals(-22, dev.uintr.nat.UintrProgramLib.Calls.run(new byte[10], out, 100));
        byte[] blob = NativeBackendCodec.encode(spec("thread a: mark A\n"), AbiProfile.LATER, false);
        blob[0] ^= 1;                                                   // bad magic
        assertEquals(-22, dev.uintr.nat.UintrProgramLib.Calls.run(blob, out, 100));
        byte[] truncated = java.util.Arrays.copyOf(NativeBackendCodec.encode(spec("thread a: mark A\n"),
                AbiProfile.LATER, false), NativeBackendCodec.HEADER + 8);
        assertEquals(-22, dev.uintr.nat.UintrProgramLib.Calls.run(truncated, out, 100));
    }

    @Test
    void runner_forkChild_sharesBarriers_getsCopyOfResults() {
        assumeRunner();
        CaseSpec c = spec("thread a: eventfd -> $e; fork kid { close $e; barrier 1 }; barrier 1; close $e\n");
        NativeBackendRunner.Result r = NativeBackendRunner.run(c, AbiProfile.RFC_V1, false, 5_000);
        assertNull(r.error());
        assertEquals("a: eventfd(): fd; fork(kid); barrier(1); close($e): 0 | kid: close($e): 0; barrier(1)",
                r.observation().render());
    }

    /**
     * exec: the fork child's new image (uintr-program-exec) goes on after the exec step, logging into
     * the same observation: its named results, the barrier generation it had reached, an fd without
     * close-on-exec (eventfd(0, 0)) survive; the fault handlers are installed again (SENDUIPI without
     * registration is SIGILL, uintr-kernel §4.1 / §7.2 senduipi_instr). The emulator renders the same.
     */
    @Test
    void runner_exec_newImageGoesOn_keepsResultsFdsBarriers_kernel4_1() {
        assumeRunner();
        CaseSpec c = spec("thread a: fork k { eventfd -> $k; barrier 1; exec; barrier 1; close $k; senduipi 0; mark done }; "
                + "barrier 1; barrier 1\n");
        assertNull(NativeBackendRunner.execUnavailable(c), "the exec runner is built with the shim and starts here");
        NativeBackendRunner.Result r = NativeBackendRunner.run(c, AbiProfile.LATER, false, 5_000);
        assertNull(r.error());
        assertFalse(r.timedOut());
        String expected = "a: fork(k); barrier(1); barrier(1) | "
                + "k: eventfd(): fd; barrier(1); exec(): 0; barrier(1); close($k): 0; senduipi(0): SIGILL; mark(done)";
        assertEquals(expected, r.observation().render());
        for (long seed = 0; seed < 5; seed++) {
            assertEquals(expected, new EmulatedBackend().runOnce(c, AbiProfile.LATER, seed).render());
        }
    }

    /** The SCM_RIGHTS mailbox across a fork, and the two backends agree on steps that need no uintr. */
    @Test
    void runner_sendRecvFd_acrossFork_sameAsEmulator() {
        assumeRunner();
        CaseSpec c = spec("thread a: eventfd -> $e; fork kid { recv_fd -> $r; close $r; barrier 1 }; send_fd $e; barrier 1\n");
        NativeBackendRunner.Result r = NativeBackendRunner.run(c, AbiProfile.LATER, false, 5_000);
        String expected = "a: eventfd(): fd; fork(kid); send_fd($e): 0; barrier(1) | kid: recv_fd(): fd; close($r): 0; barrier(1)";
        assertEquals(expected, r.observation().render());
        for (long seed = 0; seed < 5; seed++) {
            assertEquals(expected, new EmulatedBackend().runOnce(c, AbiProfile.LATER, seed).render());
        }
    }

    @Test
    void runner_unconfirmedKernel_uintrSyscallsAreEnosysWithoutCalling() {
        assumeRunner();
        CaseSpec c = spec("thread a: register_handler; vector_fd 1 -> $fd; register_sender $fd\n");
        NativeBackendRunner.Result r = NativeBackendRunner.run(c, AbiProfile.LATER, false, 5_000);
        assertEquals("a: register_handler(): ENOSYS; vector_fd(1): ENOSYS; register_sender($fd): unbound",
                r.observation().render());
    }

    @Test
    void runner_missedWakeup_isTimeout_childKilled() {
        assumeRunner();
        CaseSpec c = spec("thread a: mark A; spin_until deliveries>=1; barrier 1\nthread b: barrier 1\n");
        long t0 = System.nanoTime();
        NativeBackendRunner.Result r = NativeBackendRunner.run(c, AbiProfile.LATER, false, 300);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.timedOut());
        assertEquals("a: mark(A); TIMEOUT | b: TIMEOUT", r.observation().render());
        assertTrue(ms < 3_000, "killed near its deadline, took " + ms + " ms");
    }

    /** A fault that is not our SENDUIPI kills the forked process; the parent's runner reports which signal. */
    @Test
    void runner_forkedChildDiesOfFault_reportedKilled_notTimeout() {
        assumeRunner();
        Assumptions.assumeTrue(HostProbe.probe().cpuidUintr() != Tri.YES, "STUI is legal on a UINTR host");
        CaseSpec c = spec("thread a: fork kid { mark K; stui; mark never }; sleep 1000\n");
        NativeBackendRunner.Result r = NativeBackendRunner.run(c, AbiProfile.LATER, false, 5_000);
        assertFalse(r.timedOut());
        assertEquals("a: fork(kid); sleep(1000) | kid: mark(K); killed(SIGILL)", r.observation().render());
    }

    @Test
    void runner_threadDiesOfFault_wholeRunnerReportedKilled() {
        assumeRunner();
        Assumptions.assumeTrue(HostProbe.probe().cpuidUintr() != Tri.YES, "CLUI is legal on a UINTR host");
        CaseSpec c = spec("thread a: mark A; clui\nthread b: spin_until deliveries>=1\n");
        NativeBackendRunner.Result r = NativeBackendRunner.run(c, AbiProfile.LATER, false, 5_000);
        assertEquals("a: mark(A); killed(SIGILL) | b: killed(SIGILL)", r.observation().render());
    }

    @Test
    void skipReason_namesTheMissingFacts() {
        HostFacts none = new HostFacts("AuthenticAMD", 25, 1, 1, "AMD EPYC", Tri.NO, Tri.NO, false, "6.1.0",
                AbiProfile.NONE, "no uintr symbols in /proc/kallsyms", Tri.NO, "sysfs", Tri.YES, 0, true, "gcc",
                BackendKind.EMULATED, "no UINTR");
        CaseSpec c = spec("thread a: senduipi 0\n");
        String why = new NativeBackend(none).skipReason(c, AbiProfile.LATER).orElseThrow();
        assertTrue(why.contains("needs a UINTR CPU: CPUID.(7,0):EDX[5] is no"), why);
        assertTrue(why.contains("speaks none"), why);
        assertEquals("cannot run natively: " + why, new NativeBackend(none).run(c, AbiProfile.LATER, 1).error());
    }
}
