package dev.uintr.nat;

import com.sun.jna.Library;
import java.util.Optional;

/**
 * JNA mirror of native/include/uintr_hybrid.h, name for name. Other packages use the
 * plain-Java facade {@link Calls}, so only package {@code nat} touches JNA.
 */
public interface UintrHybridLib extends Library {
    /** The USH_HY_ABI_VERSION this interface (and dev.uintr.hybrid.Wire) was written against. */
    int ABI_VERSION = 2;

    int ush_hybrid_abi();

    int ush_hybrid_event_size();

    int ush_hybrid_begin_exec(byte[] argvBlob, int blobLen, int argc, String profile, int[] traps, int ntraps);

    int ush_hybrid_begin_program(byte[] prog, int len, int[] traps, int ntraps);

    int ush_hybrid_wait(byte[] ev, int evlen, long deadlineNs);

    int ush_hybrid_apply(byte[] cmds, int len);

    void ush_hybrid_kill_all();

    int ush_hybrid_program_result(byte[] out, int outlen, int runStatus, int st);

    long ush_hybrid_floor(int rounds, int tracerCpu, int traceeCpu, long[] cpuNs);

    int ush_hybrid_priority(int on);

    int ush_hybrid_begin_bench(UintrBenchLib.Config cfg, int[] traps, int ntraps);

    int ush_hybrid_bench_result(long[] samples, int cap, UintrBenchLib.Result out, int outlen, int timedOut, int st);

    int ush_hybrid_bench_result_size();

    /** The facade the hybrid backend uses. */
    final class Calls {
        private static final Optional<UintrHybridLib> LIB = ShimLoader.bind(UintrHybridLib.class);

        private Calls() {}

        /** Why the supervisor cannot be called, or null when it can. */
        public static String unavailableReason() {
            return ShimLoader.partProblem(LIB, "hybrid supervisor", UintrHybridLib::ush_hybrid_abi, ABI_VERSION);
        }

        public static int eventSize() {
            return LIB.orElseThrow().ush_hybrid_event_size();
        }

        /** Starts argv traced (this thread becomes the tracer): the first tracee's pid or -errno. */
        public static int beginExec(byte[] argvBlob, int argc, String profile, int[] traps) {
            return LIB.orElseThrow().ush_hybrid_begin_exec(argvBlob, argvBlob.length, argc, profile, traps, traps.length);
        }

        /** Starts the program runner on an encoded program, traced: the pid or -errno. */
        public static int beginProgram(byte[] prog, int[] traps) {
            return LIB.orElseThrow().ush_hybrid_begin_program(prog, prog.length, traps, traps.length);
        }

        /** The next event into ev: 1, 0 at the deadline (CLOCK_MONOTONIC ns, 0 none), or -errno. */
        public static int await(byte[] ev, long deadlineNs) {
            return HybridDirect.BOUND ? HybridDirect.ush_hybrid_wait(ev, ev.length, deadlineNs)
                    : LIB.orElseThrow().ush_hybrid_wait(ev, ev.length, deadlineNs);
        }

        /** Carries out an answer (commands closed by END): 0 or -EINVAL. */
        public static int apply(byte[] cmds) {
            return HybridDirect.BOUND ? HybridDirect.ush_hybrid_apply(cmds, cmds.length)
                    : LIB.orElseThrow().ush_hybrid_apply(cmds, cmds.length);
        }

        public static void killAll() {
            LIB.orElseThrow().ush_hybrid_kill_all();
        }

        /** After a program run's END: the runner's observations into out; 0 or -EINVAL. */
        public static int programResult(byte[] out, int runStatus, int waitStatus) {
            return LIB.orElseThrow().ush_hybrid_program_result(out, out.length, runStatus, waitStatus);
        }

        /**
         * Starts the bench's measurement child traced (see ush_hybrid_begin_bench): the pid, or -errno
         * (-EINVAL: a request the native bench would reject). Always end it with {@link #benchResult}.
         */
        public static int beginBench(UintrBenchLib.Request r, int[] traps) {
            UintrHybridLib lib = LIB.orElseThrow();
            UintrBenchLib.Result probe = new UintrBenchLib.Result();
            if (lib.ush_hybrid_bench_result_size() != probe.size()) {
                return -22;                                                  // EINVAL: the struct does not match
            }
            return lib.ush_hybrid_begin_bench(UintrBenchLib.Calls.config(r), traps, traps.length);
        }

        /**
         * After a bench run began with {@link #beginBench} ended: its result as the native bench gives it
         * ({@code rc} -2 when none was begun), samples (ticks) in {@code samples[0..count)}.
         */
        public static UintrBenchLib.Outcome benchResult(long[] samples, boolean timedOut, int waitStatus) {
            UintrBenchLib.Result out = new UintrBenchLib.Result();
            int rc = LIB.orElseThrow().ush_hybrid_bench_result(samples, samples.length, out, out.size(),
                    timedOut ? 1 : 0, waitStatus);
            out.read();
            return UintrBenchLib.Calls.outcome(rc, out);
        }

        /** USH_HY_BOOST_* values: how the tracer thread is raised for a session. */
        public static final int BOOST_NONE = 0, BOOST_NICE = 1, BOOST_FIFO = 2;

        /**
         * Raises (on) or restores (off) the calling thread's scheduling for a session it traces:
         * nice -10 with reset-on-fork where permitted (the program starts at nice 0), else nothing.
         * Returns the BOOST_* in effect (BOOST_FIFO is no longer given).
         */
        public static int priority(boolean on) {
            return LIB.orElseThrow().ush_hybrid_priority(on ? 1 : 0);
        }

        /**
         * The bare ptrace floor on this host over {@code rounds} rounds (two stops each; see
         * ush_hybrid_floor) with tracer and tracee placed as {@code where} says (the calling
         * thread's own CPUs are restored afterwards); -EINVAL for a CPU this process may not use.
         */
        public static PtraceFloor floor(int rounds, FloorPlacement where) {
            long[] cpuNs = new long[1];
            long r = LIB.orElseThrow().ush_hybrid_floor(rounds, where.tracerCpu(), where.traceeCpu(), cpuNs);
            return r < 0 ? PtraceFloor.failed((int) -r) : new PtraceFloor(r / 1000.0, cpuNs[0] / 1000.0 / (2.0 * rounds));
        }
    }
}
