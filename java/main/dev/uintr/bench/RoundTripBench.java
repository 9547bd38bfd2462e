package dev.uintr.bench;

import dev.uintr.isa.Acceptance;
import dev.uintr.isa.Delivery;
import dev.uintr.isa.Fault;
import dev.uintr.isa.Isa;
import dev.uintr.machine.Cpu;
import dev.uintr.machine.CpuModel;
import dev.uintr.machine.Machine;
import dev.uintr.machine.Memory;
import java.util.Arrays;

/**
 * The emulated fast path on one processor, end to end: SENDUIPI (self-IPI into the local APIC)
 * → interrupt acknowledge → notification processing (PIR into UIRR) → delivery (frame pushed,
 * RIP = handler) → the handler's {@code add $8,%rsp} → UIRET. One iteration is one round trip;
 * every step's result is checked, so a broken path cannot report a rate.
 */
public final class RoundTripBench {
    /**
     * Every round's rate, round trips per second of the benchmark thread's CPU time (what one
     * core achieves, unaffected by other processes taking the core away) and per second of wall
     * time, with their medians.
     */
    public record Result(double medianPerSecond, double[] roundsPerSecond, double medianPerWallSecond,
            double[] roundsPerWallSecond, long iterationsPerRound, boolean cpuTimeMeasured) {}

    static final long UPID = 0x2040;
    static final long USER_RSP = 0x7FFF_FFFF_E358L;
    static final int USER_VECTOR = 3;

    private final Machine m;

    public RoundTripBench() {
        m = new Machine(1, CpuModel.SAPPHIRE_RAPIDS);
        Memory mem = m.memory();
        RoundTripMachine.mapPage(mem, RoundTripMachine.UITT, Memory.WRITABLE);   // kernel pages: UITT, UPID
        RoundTripMachine.mapPage(mem, UPID, Memory.WRITABLE);
        RoundTripMachine.mapPage(mem, USER_RSP, Memory.WRITABLE | Memory.USER);
        RoundTripMachine.uittEntry(mem, 0, USER_VECTOR, UPID);
        RoundTripMachine.upid(mem, UPID, 0);                                  // NDST: xAPIC id 0 (this CPU)
        RoundTripMachine.userCpu(m.cpu(0), 0, UPID, USER_RSP);
    }

    /** Runs {@code n} round trips; returns how many went wrong (0 when the path works). */
    public long run(long n) {
        long bad = 0;
        Machine mm = m;
        for (long i = 0; i < n; i++) {
            if (Isa.senduipi(mm, 0, 0) != Fault.NONE) {
                bad++;
            }
            if (Isa.takeInterrupt(mm, 0) != Acceptance.NOTIFIED) {
                bad++;
            }
            if (Isa.deliver(mm, 0) != Delivery.DELIVERED) {
                bad++;
            }
            Cpu c = mm.cpu(0);
            c.rsp += 8;                                        // the handler's add $8,%rsp drops the vector
            if (Isa.uiret(mm, 0) != Fault.NONE) {
                bad++;
            }
        }
        Cpu c = mm.cpu(0);
        if (c.rip != RoundTripMachine.USER_RIP || c.rsp != USER_RSP || !c.uif || c.uirr != 0) {
            bad++;
        }
        return bad;
    }

    /** Warm-up, then {@code rounds} timed rounds of {@code iterations}; the median rates. */
    public static Result measure(int warmupRounds, int rounds, long iterations) {
        return measure(warmupRounds, rounds, iterations, done -> { });
    }

    /** As {@link #measure(int, int, long)}; {@code progress} is told after each round (warm-up included) how many are done. */
    public static Result measure(int warmupRounds, int rounds, long iterations, java.util.function.IntConsumer progress) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTime = mx.isCurrentThreadCpuTimeSupported();
        if (cpuTime && !mx.isThreadCpuTimeEnabled()) {
            mx.setThreadCpuTimeEnabled(true);
        }
        RoundTripBench b = new RoundTripBench();
        for (int w = 0; w < warmupRounds; w++) {
            check(b.run(iterations));
            progress.accept(w + 1);
        }
        double[] cpuRates = new double[rounds];
        double[] wallRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = cpuTime ? mx.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            long bad = b.run(iterations);
            long t1 = System.nanoTime();
            long c1 = cpuTime ? mx.getCurrentThreadCpuTime() : 0;
            check(bad);
            wallRates[r] = iterations * 1e9 / Math.max(1, t1 - t0);
            cpuRates[r] = cpuTime ? iterations * 1e9 / Math.max(1, c1 - c0) : wallRates[r];
            progress.accept(warmupRounds + r + 1);
        }
        return new Result(median(cpuRates), cpuRates, median(wallRates), wallRates, iterations, cpuTime);
    }

    static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void check(long bad) {
        if (bad != 0) {
            throw new IllegalStateException("the emulated round trip went wrong " + bad + " times");
        }
    }
}
