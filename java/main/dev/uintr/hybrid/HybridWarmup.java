package dev.uintr.hybrid;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Compiles the models before the first program runs. Once a traced program's threads spin, the
 * JVM's compiler threads wait for CPU behind them: in a 25 s ping-pong on 2 CPUs the C2 versions
 * of delivery and UIRET arrived after 18 s, and until then every stop was answered by interpreted
 * or profiling code. So each JVM first answers a made-up two-thread ping-pong (the same
 * {@link Supervision} paths, on a model of its own that is then dropped) while the CPUs are free.
 * Nothing of it reaches a real thread.
 */
final class HybridWarmup {
    /** At least this many made-up round trips, then on until the JIT has been idle for QUIET_NS, within BUDGET_NS. */
    static final int ROUND_TRIPS = 5_000;
    static final long QUIET_NS = 100_000_000L;
    static final long BUDGET_NS = 1_500_000_000L;

    private static final int MAIN = 1, PONG = 2;
    private static final long HANDLER = 0x401000, CODE = 0x403000, STACK = 0x7fffe000;
    private static final byte[] SENDUIPI_RAX = {(byte) 0xF3, 0x0F, (byte) 0xC7, (byte) 0xF0};
    private static final byte[] UIRET = {(byte) 0xF3, 0x0F, 0x01, (byte) 0xEC};
    private static final byte[] STUI = {(byte) 0xF3, 0x0F, 0x01, (byte) 0xEF};

    private static volatile boolean done;

    private final Supervision sup;
    private final AbiProfile profile;
    private long now = 1_000_000;
    /** Each thread's UITT index for the other; null before the set-up. */
    private long[] index;
    private int round;

    HybridWarmup(AbiProfile profile) {
        this.profile = profile;
        this.sup = new Supervision(profile, HybridSession.config(profile, null), HybridTrace.none());
    }

    /** Once per JVM; returns the made-up round trips answered (0 when already done). */
    static synchronized int once(AbiProfile profile) {
        if (done) {
            return 0;
        }
        done = true;
        HybridWarmup w = new HybridWarmup(profile);
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long end = System.nanoTime() + BUDGET_NS;
        int n = w.pingPong(ROUND_TRIPS, BUDGET_NS);
        long seen = timed ? jit.getTotalCompilationTime() : 0;
        long quietSince = System.nanoTime();
        while (timed && System.nanoTime() < end && System.nanoTime() - quietSince < QUIET_NS) {
            n += w.pingPong(200, end - System.nanoTime());       // the compiler works on what this keeps hot
            long t = jit.getTotalCompilationTime();
            if (t != seen) {
                seen = t;
                quietSince = System.nanoTime();
            }
        }
        return n;
    }

    /** Round trips of a two-thread ping-pong until {@code max} or {@code budgetNs}; the number answered. */
    int pingPong(int max, long budgetNs) {
        if (index == null) {
            index = setUp();
        }
        long end = System.nanoTime() + budgetNs;
        int[] tids = {MAIN, PONG};
        int n = 0;
        while (n < max && System.nanoTime() < end) {
            int from = (round++) & 1;
            int to = 1 - from;
            long[] send = regs(CODE, STACK);
            send[Regs.RAX] = index[from];
            event(StopEvent.SIGILL, tids[from], 4, 0, send, SENDUIPI_RAX, null);
            byte[] reply = event(StopEvent.STOPPED, tids[to], 0, 0, regs(CODE, STACK), new byte[0], null);
            long frameAt = frameAddress(reply, tids[to]);
            if (frameAt == 0) {
                throw new IllegalStateException("warm-up: the interrupted thread got no frame");
            }
            byte[] stack = new byte[64];
            ByteBuffer.wrap(stack).order(ByteOrder.LITTLE_ENDIAN).putLong(CODE).putLong(0x202).putLong(STACK);
            event(StopEvent.SIGILL, tids[to], 4, 0, regs(HANDLER + 0x40, frameAt + 8), UIRET, stack);
            n++;
        }
        return n;
    }

    /** Two threads of one process, each a handler, a vector fd and a sender to the other, UIF set. */
    private long[] setUp() {
        event(StopEvent.START, MAIN, 0, 0, regs(0, 0), new byte[0], null);
        event(StopEvent.CLONE, MAIN, PONG, 1, regs(0, 0), new byte[0], null);
        int[] tids = {MAIN, PONG};
        for (int i = 0; i < 2; i++) {
            syscall(tids[i], Syscall.UINTR_REGISTER_HANDLER, HANDLER, 0);
        }
        for (int i = 0; i < 2; i++) {
            syscall(tids[i], Syscall.vectorFd(profile), i, 0);
            long[] back = regs(CODE + 2, STACK);
            back[Regs.RAX] = 3 + i;                                    // the real fd the memfd got
            event(StopEvent.SYSEXIT, tids[i], 0, 0, back, new byte[0], null);
        }
        long[] index = new long[2];
        for (int i = 0; i < 2; i++) {
            index[i] = resultOf(syscall(tids[i], Syscall.UINTR_REGISTER_SENDER, 3 + (1 - i), 0), tids[i]);
            event(StopEvent.SIGILL, tids[i], 4, 0, regs(CODE, STACK), STUI, null);
        }
        if (index[0] < 0 || index[1] < 0) {
            throw new IllegalStateException("warm-up: the model refused the senders");
        }
        return index;
    }

    private byte[] syscall(int tid, Syscall call, long a0, long a1) {
        long[] r = regs(CODE + 2, STACK);
        r[Regs.ORIG_RAX] = call.number(profile);
        r[Regs.RDI] = a0;
        r[Regs.RSI] = a1;
        return event(StopEvent.SYSCALL, tid, 0, 0, r, new byte[0], null);
    }

    private static long[] regs(long rip, long rsp) {
        long[] r = new long[Regs.COUNT];
        r[Regs.RIP] = rip;
        r[Regs.RSP] = rsp;
        r[Regs.EFLAGS] = 0x202;
        return r;
    }

    /** Encodes the event as the supervisor sends it and answers it as a session does. */
    private byte[] event(int kind, int tid, int arg, int arg2, long[] regs, byte[] insn, byte[] stack) {
        now += 1000;
        ByteBuffer b = ByteBuffer.allocate(StopEvent.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(kind).putInt(tid).putInt(MAIN).putInt(arg).putInt(arg2).putInt(insn.length).putLong(now);
        for (long r : regs) {
            b.putLong(r);
        }
        b.put(java.util.Arrays.copyOf(insn, 16));
        b.put(stack == null ? new byte[64] : stack);
        return sup.handle(StopEvent.decode(b.array()));
    }

    /** The rax a SETREGS for tid writes (a syscall's result), -1 when the reply has none. */
    private static long resultOf(byte[] reply, int tid) {
        int at = command(reply, Reply.SETREGS, tid);
        return at < 0 ? -1 : ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN).getLong(at + 32 + Regs.RAX * 8);
    }

    /** Where a WRITE for tid puts the frame, 0 when the reply has none. */
    private static long frameAddress(byte[] reply, int tid) {
        int at = command(reply, Reply.WRITE, tid);
        return at < 0 ? 0 : ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN).getLong(at + 16);
    }

    /** Offset of the first command {@code op} for tid in a reply (ush_hy_cmd: op, tid, len, sig, a, b, payload), or -1. */
    private static int command(byte[] reply, int op, int tid) {
        ByteBuffer in = ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 32 <= reply.length; at += 32 + in.getInt(at + 8)) {
            if (in.getInt(at) == op && in.getInt(at + 4) == tid) {
                return at;
            }
        }
        return -1;
    }
}
