package dev.uintr.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The model side of the hybrid backend on hand-made stops, in orders a loaded host produces:
 * no ptrace, so each order is exact and repeatable.
 */
class SupervisionTest {
    static final long HANDLER = 0x401000;
    static final int MAIN = 100, PONG = 101;

    /** One command of a reply (ush_hy_cmd), decoded. */
    record Cmd(int op, int tid, int sig, long a, byte[] payload) { }

    static List<Cmd> decode(byte[] reply) {
        ByteBuffer in = ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
        List<Cmd> out = new ArrayList<>();
        while (in.remaining() >= 32) {
            int op = in.getInt();
            int tid = in.getInt();
            int len = in.getInt();
            int sig = in.getInt();
            long a = in.getLong();
            in.getLong();
            byte[] p = new byte[len];
            in.get(p);
            out.add(new Cmd(op, tid, sig, a, p));
        }
        return out;
    }

    final StringWriter traceText = new StringWriter();
    Supervision sup;
    AbiProfile profile;
    long now = 1_000_000;

    List<Cmd> stop(int kind, int tid, int arg, int arg2, long[] regs, byte[] insn) {
        now += 1000;
        byte[] reply = sup.handle(new StopEvent(kind, tid, MAIN, arg, arg2, now, regs, insn, new byte[64]));
        return reply == null ? List.of() : decode(reply);
    }

    long[] syscallRegs(Syscall call, long... args) {
        long[] r = new long[Regs.COUNT];
        r[Regs.ORIG_RAX] = call.number(profile);
        r[Regs.RIP] = 0x402002;
        r[Regs.RSP] = 0x7ffff000;
        for (int i = 0; i < args.length; i++) {
            r[Regs.ARGS[i]] = args[i];
        }
        return r;
    }

    List<Cmd> syscall(int tid, Syscall call, long... args) {
        return stop(StopEvent.SYSCALL, tid, 0, 0, syscallRegs(call, args), new byte[0]);
    }

    List<Cmd> sysexit(int tid, long rax) {
        long[] r = new long[Regs.COUNT];
        r[Regs.ORIG_RAX] = Supervision.NR_MEMFD_CREATE;
        r[Regs.RIP] = 0x402002;
        r[Regs.RAX] = rax;
        return stop(StopEvent.SYSEXIT, tid, 0, 0, r, new byte[0]);
    }

    /** The result a reply writes into rax (the SETREGS payload), for a syscall answered by the model. */
    static long rax(List<Cmd> cmds, int tid) {
        for (Cmd c : cmds) {
            if (c.op() == Reply.SETREGS && c.tid() == tid) {
                return ByteBuffer.wrap(c.payload()).order(ByteOrder.LITTLE_ENDIAN).getLong(Regs.RAX * 8);
            }
        }
        throw new AssertionError("no registers written for " + tid + ": " + cmds);
    }

    static boolean has(List<Cmd> cmds, int op, int tid) {
        return cmds.stream().anyMatch(c -> c.op() == op && c.tid() == tid);
    }

    /**
     * Two threads make their vector fds at once; the real kernel numbers them in the other order
     * than the model did (each memfd_create runs in its own time). The sender each thread then
     * registers must still name the other thread's fd: a SENDUIPI from MAIN interrupts PONG.
     * (A lost ping-pong under load came from this: MAIN sent to itself.)
     */
    @ParameterizedTest
    @EnumSource(value = AbiProfile.class, names = {"RFC_V1", "LATER"})
    void fdsNumberedInTheOtherOrderSwapInTheModel(AbiProfile p) {
        profile = p;
        sup = new Supervision(p, HybridSession.config(p, null), new HybridTrace(traceText));
        stop(StopEvent.START, MAIN, 0, 0, new long[Regs.COUNT], new byte[0]);
        stop(StopEvent.CLONE, MAIN, PONG, 1, new long[Regs.COUNT], new byte[0]);
        assertEquals(0, rax(syscall(MAIN, Syscall.UINTR_REGISTER_HANDLER, HANDLER, 0), MAIN));
        assertEquals(0, rax(syscall(PONG, Syscall.UINTR_REGISTER_HANDLER, HANDLER, 0), PONG));
        Syscall vectorFd = Syscall.vectorFd(p);
        List<Cmd> a = syscall(MAIN, vectorFd, 0, 0);
        assertTrue(has(a, Reply.RESUME_EXIT, MAIN), "the real kernel numbers MAIN's fd: " + a);
        List<Cmd> b = syscall(PONG, vectorFd, 1, 0);
        assertTrue(has(b, Reply.RESUME_EXIT, PONG), "the real kernel numbers PONG's fd: " + b);
        assertEquals(3, rax(sysexit(PONG, 3), PONG), "PONG's memfd_create ran first: real fd 3");
        assertEquals(4, rax(sysexit(MAIN, 4), MAIN));
        assertEquals(0, rax(syscall(MAIN, Syscall.UINTR_REGISTER_SENDER, 3, 0), MAIN), "MAIN's sender: PONG's fd 3");
        stop(StopEvent.SIGILL, MAIN, 4, 0, stui(), new byte[] {(byte) 0xF3, 0x0F, 0x01, (byte) 0xEF});
        stop(StopEvent.SIGILL, PONG, 4, 0, stui(), new byte[] {(byte) 0xF3, 0x0F, 0x01, (byte) 0xEF});
        long[] send = stui();
        List<Cmd> sent = stop(StopEvent.SIGILL, MAIN, 4, 0, send, new byte[] {(byte) 0xF3, 0x0F, (byte) 0xC7, (byte) 0xF0});
        assertTrue(has(sent, Reply.INTERRUPT, PONG), "SENDUIPI 0 from MAIN interrupts PONG:\n" + sent + "\n" + traceText);
        assertTrue(!has(sent, Reply.INTERRUPT, MAIN) && !has(sent, Reply.WRITE, MAIN), "MAIN does not get its own interrupt:\n" + traceText);
        assertTrue(traceText.toString().contains("swap"), traceText.toString());
    }

    /** Registers at a user-mode instruction (rax = 0, the SENDUIPI index register for F3 0F C7 F0). */
    static long[] stui() {
        long[] r = new long[Regs.COUNT];
        r[Regs.RIP] = 0x403000;
        r[Regs.RSP] = 0x7fffe000;
        r[Regs.EFLAGS] = 0x202;
        return r;
    }

    /**
     * A post finds its receiver asleep in nanosleep (the interrupt stop lands inside the syscall,
     * rax = -ERESTART_RESTARTBLOCK). With a WAITING cost (later, uintr-kernel §2.5 9c, §5.5) the
     * sleep ends with -EINTR and the handler is entered at once; without one the sleep restarts
     * and the interrupt waits for its return (§4.3).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {0, 0x1000, 0x2000})
    void aSleepInterruptedByAPostEndsWithEintrOnlyWithAWaitingCost(long flags) {
        profile = AbiProfile.LATER;
        sup = new Supervision(profile, HybridSession.config(profile, null), new HybridTrace(traceText));
        stop(StopEvent.START, MAIN, 0, 0, new long[Regs.COUNT], new byte[0]);
        stop(StopEvent.CLONE, MAIN, PONG, 1, new long[Regs.COUNT], new byte[0]);
        assertEquals(0, rax(syscall(MAIN, Syscall.UINTR_REGISTER_HANDLER, HANDLER, flags), MAIN));
        syscall(MAIN, Syscall.vectorFd(profile), 0, 0);
        assertEquals(3, rax(sysexit(MAIN, 3), MAIN));
        assertEquals(0, rax(syscall(PONG, Syscall.UINTR_REGISTER_SENDER, 3, 0), PONG));
        stop(StopEvent.SIGILL, MAIN, 4, 0, stui(), new byte[] {(byte) 0xF3, 0x0F, 0x01, (byte) 0xEF});
        List<Cmd> sent = stop(StopEvent.SIGILL, PONG, 4, 0, stui(), new byte[] {(byte) 0xF3, 0x0F, (byte) 0xC7, (byte) 0xF0});
        assertTrue(has(sent, Reply.INTERRUPT, MAIN), "the post asks MAIN to stop: " + sent);

        long[] asleep = stui();
        asleep[Regs.ORIG_RAX] = 35;                                   // nanosleep
        asleep[Regs.RAX] = -516;                                      // -ERESTART_RESTARTBLOCK
        List<Cmd> answer = stop(StopEvent.STOPPED, MAIN, 1, 0, asleep, new byte[0]);
        if (flags == 0) {
            assertTrue(has(answer, Reply.RESUME_DEFER, MAIN), "no WAITING cost: the sleep goes on: " + answer);
            assertTrue(!has(answer, Reply.SETREGS, MAIN) && !has(answer, Reply.WRITE, MAIN), answer.toString());
            long[] back = stui();
            back[Regs.RAX] = 0;                                       // the sleep ran to its end
            List<Cmd> later = stop(StopEvent.STOPPED, MAIN, 0, 0, back, new byte[0]);
            assertTrue(has(later, Reply.WRITE, MAIN), "delivered when the syscall returned: " + later);
            assertEquals(0, rax(later, MAIN));
        } else {
            assertEquals(-4, rax(answer, MAIN), "a WAITING cost ends the sleep with EINTR: " + traceText);
            assertTrue(has(answer, Reply.WRITE, MAIN), "and the frame is written at once: " + answer);
            assertTrue(!has(answer, Reply.RESUME_DEFER, MAIN), answer.toString());
        }
    }

    /**
     * ioctl on a uintr fd is the model's (uintr-kernel §2.4: a file that is no uipi_fd gives
     * ENOTTY), not the host's answer for the memfd standing in for it; an ioctl on any other fd
     * runs for real.
     */
    @ParameterizedTest
    @EnumSource(value = AbiProfile.class, names = {"RFC_V1", "LATER"})
    void ioctlOnAUintrFdIsAnsweredByTheModelAndOtherIoctlsRunForReal(AbiProfile p) {
        profile = p;
        sup = new Supervision(p, HybridSession.config(p, null), new HybridTrace(traceText));
        stop(StopEvent.START, MAIN, 0, 0, new long[Regs.COUNT], new byte[0]);
        assertTrue(java.util.Arrays.stream(sup.traps()).anyMatch(n -> n == Supervision.NR_IOCTL), "ioctl is trapped");
        assertEquals(0, rax(syscall(MAIN, Syscall.UINTR_REGISTER_HANDLER, HANDLER, 0), MAIN));
        syscall(MAIN, Syscall.vectorFd(p), 0, 0);
        assertEquals(5, rax(sysexit(MAIN, 5), MAIN));
        List<Cmd> mine = syscall(MAIN, Syscall.IOCTL, 5, 0x5401);             // TCGETS on the vector fd
        assertEquals(-25, rax(mine, MAIN), "ENOTTY from the model: " + mine);
        List<Cmd> real = syscall(MAIN, Syscall.IOCTL, 0, 0x5401);             // on stdin: the host's
        assertTrue(has(real, Reply.RESUME, MAIN) && !has(real, Reply.SETREGS, MAIN), "runs for real: " + real);
    }

    /**
     * A signal sent to a thread the model holds in uintr_wait ends the wait with -EINTR (uintr-kernel
     * §2.4 454/476: "-EINTR on a user interrupt, a signal or any other wake"); the real kernel then
     * runs the program's handler. The held thread is checked on a tick, so the session keeps one.
     */
    @ParameterizedTest
    @EnumSource(value = AbiProfile.class, names = {"RFC_V1", "LATER"})
    void aSignalEndsAHeldUintrWaitWithEintr(AbiProfile p) {
        profile = p;
        sup = new Supervision(p, HybridSession.config(p, null), new HybridTrace(traceText));
        java.util.Set<Integer> signalled = new java.util.HashSet<>();
        sup.signalPending = signalled::contains;
        stop(StopEvent.START, MAIN, 0, 0, new long[Regs.COUNT], new byte[0]);
        assertEquals(0, rax(syscall(MAIN, Syscall.UINTR_REGISTER_HANDLER, HANDLER, 0), MAIN));
        List<Cmd> waiting = p == AbiProfile.LATER ? syscall(MAIN, Syscall.UINTR_WAIT, 100_000_000, 0) : syscall(MAIN, Syscall.UINTR_WAIT, 0);
        assertTrue(waiting.stream().noneMatch(c -> c.tid() == MAIN), "held in its wait: " + waiting);
        assertTrue(sup.nextTimerNs() > 0, "a held thread keeps a tick coming");
        now += Supervision.SIGNAL_POLL_NS;                                // held threads are read once a poll period
        List<Cmd> quiet = stop(StopEvent.TICK, 0, 0, 0, new long[Regs.COUNT], new byte[0]);
        assertTrue(quiet.stream().noneMatch(c -> c.tid() == MAIN), "no signal, still held: " + quiet);
        signalled.add(MAIN);
        now += Supervision.SIGNAL_POLL_NS;
        List<Cmd> woken = stop(StopEvent.TICK, 0, 0, 0, new long[Regs.COUNT], new byte[0]);
        assertEquals(-4, rax(woken, MAIN), "the wait returns -EINTR: " + traceText);
        assertTrue(has(woken, Reply.RESUME, MAIN), woken.toString());
    }

    @org.junit.jupiter.api.Test
    void pendingSignalsAreReadFromTheStatusFile() {
        String none = "Name:\tx\nThreads:\t2\nSigQ:\t0/1\nSigPnd:\t0000000000000000\nShdPnd:\t0000000000000200\n"
                + "SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n";
        assertTrue(!PendingSignals.deliverable(none), "a process-wide signal with two threads may go to the other");
        assertTrue(PendingSignals.deliverable(none.replace("Threads:\t2", "Threads:\t1")), "the only thread takes it");
        String usr1 = none.replace("SigPnd:\t0000000000000000", "SigPnd:\t0000000000000200");
        assertTrue(PendingSignals.deliverable(usr1), "SIGUSR1 (bit 9) pending for the thread");
        assertTrue(!PendingSignals.deliverable(usr1.replace("SigBlk:\t0000000000000000", "SigBlk:\t0000000000000200")), "blocked");
        assertTrue(!PendingSignals.deliverable(usr1.replace("SigIgn:\t0000000000000000", "SigIgn:\t0000000000000200")), "ignored");
    }
}
