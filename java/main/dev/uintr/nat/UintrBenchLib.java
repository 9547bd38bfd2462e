package dev.uintr.nat;

import com.sun.jna.Library;
import com.sun.jna.Structure;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JNA mirror of native/include/uintr_bench.h, name for name, bound to libuintrshim.so with
 * {@code ShimLoader.bind(UintrBenchLib.class)}. Other packages use the plain-Java facade
 * {@link Calls}, so that only package {@code nat} touches JNA types.
 */
public interface UintrBenchLib extends Library {

    /** The UBENCH_ABI_VERSION this interface was written against. */
    int ABI_VERSION = 1;

    /** UBENCH_STATUS_*: how a measurement ended. */
    int STATUS_OK = 0;
    int STATUS_SETUP = 1;
    int STATUS_TIMEOUT = 2;
    int STATUS_CRASHED = 3;
    int STATUS_BAD_ARG = 4;

    /** UBENCH_MODE_*. */
    int MODE_ROUND_TRIP = 0;
    int MODE_ONE_WAY = 1;

    /** UBENCH_ABI_*: which uintr syscall generation the uipi mechanisms speak. */
    int ABI_NONE = 0;
    int ABI_RFC_V1 = 1;
    int ABI_LATER = 2;

    /** UBENCH_ABI_VERSION compiled into the library. */
    int ubench_abi_version();

    /** Runs one measurement in a forked child; 0 and *out filled, or -errno. */
    int ubench_run(Config cfg, long[] samples, int cap, Result out);

    /** n back-to-back RDTSCP deltas (ticks) on the calling thread pinned to cpu (-1: not pinned); n or -errno. */
    int ubench_timer_overhead(int n, int cpu, long[] samples);

    /** CPUs this process may run on (sched_getaffinity), or -errno. */
    int ubench_cpus_allowed();

    /** struct ubench_config: what to measure. */
    @Structure.FieldOrder({"mechanism", "mode", "iterations", "warmup", "cpu_a", "cpu_b", "timeout_ms", "abi",
        "sys_register_handler", "sys_unregister_handler", "sys_vector_fd", "sys_register_sender",
        "sys_unregister_sender", "sys_wait", "handler_flags", "wait_usec"})
    final class Config extends Structure {
        /** UBENCH_MECH_* (dev.uintr.bench.Mechanism#nativeId). */
        public int mechanism;
        /** UBENCH_MODE_*. */
        public int mode;
        /** Measured iterations = samples returned. */
        public int iterations;
        /** Iterations run first and discarded. */
        public int warmup;
        /** CPU of thread A (initiator), -1 unpinned. */
        public int cpu_a;
        /** CPU of thread B (responder), -1 unpinned. */
        public int cpu_b;
        /** The child is killed after this many milliseconds. */
        public int timeout_ms;
        /** UBENCH_ABI_*. */
        public int abi;
        /** uintr syscall numbers from dev.uintr.AbiProfile; 0 when unused. */
        public int sys_register_handler;
        public int sys_unregister_handler;
        /** uintr_create_fd (rfc-v1) or uintr_vector_fd (later). */
        public int sys_vector_fd;
        public int sys_register_sender;
        public int sys_unregister_sender;
        public int sys_wait;
        /** later ABI: UINTR_HANDLER_FLAG_WAITING_* for the blocked receiver's handler. */
        public int handler_flags;
        /** later ABI: uintr_wait timeout in microseconds. */
        public int wait_usec;
    }

    /** struct ubench_result: how a measurement ended. */
    @Structure.FieldOrder({"status", "err", "signo", "count", "cpu_a_seen", "cpu_b_seen", "elapsed_ns", "detail"})
    final class Result extends Structure {
        /** UBENCH_STATUS_*. */
        public int status;
        /** errno of the failed setup call, else 0. */
        public int err;
        /** Signal that ended the child, else 0. */
        public int signo;
        /** Samples written. */
        public int count;
        /** CPU thread A / B ended on (sched_getcpu), -1 unknown. */
        public int cpu_a_seen;
        public int cpu_b_seen;
        /** Wall time of the measured loop in nanoseconds (CLOCK_MONOTONIC_RAW). */
        public long elapsed_ns;
        /** NUL-terminated: which call failed. */
        public byte[] detail = new byte[128];
    }

    /** A measurement request in plain Java. {@code syscalls} are the six uintr numbers in Config order. */
    record Request(int mechanism, int mode, int iterations, int warmup, int cpuA, int cpuB, int timeoutMs,
                   int abi, int[] syscalls, int handlerFlags, int waitUsec) {}

    /** A measurement's end in plain Java; samples are in the caller's array. */
    record Outcome(int rc, int status, int err, int signo, int count, int cpuASeen, int cpuBSeen,
                   long elapsedNs, String detail) {}

    /** The facade the bench package calls: no JNA type crosses it. */
    final class Calls {
        private static final Optional<UintrBenchLib> LIB = load();
        private static final String WHY_NOT;

        static {
            String why = null;
            if (ShimLoader.SHIM.isEmpty()) {
                why = "shim not loaded: " + ShimLoader.failure();
            } else if (LIB.isEmpty()) {
                why = "libuintrshim.so lacks the benchmark functions (rebuild with mvn package)";
            }
            WHY_NOT = why;
        }

        private Calls() {}

        private static Optional<UintrBenchLib> load() {
            return ShimLoader.bind(UintrBenchLib.class).filter(l -> l.ubench_abi_version() == ABI_VERSION);
        }

        /** True when the native benchmarks can run here. */
        public static boolean available() {
            return LIB.isPresent();
        }

        /** Why they cannot, or null. */
        public static String unavailableReason() {
            return WHY_NOT;
        }

        /** Runs one measurement; samples (ticks) land in {@code samples[0..count)}. */
        public static Outcome run(Request r, long[] samples) {
            UintrBenchLib lib = LIB.orElseThrow(() -> new IllegalStateException(WHY_NOT));
            Result out = new Result();
            int rc = lib.ubench_run(config(r), samples, samples.length, out);
            return outcome(rc, out);
        }

        /** The C struct of a request (also what the hybrid supervisor starts traced). */
        static Config config(Request r) {
            Config c = new Config();
            c.mechanism = r.mechanism();
            c.mode = r.mode();
            c.iterations = r.iterations();
            c.warmup = r.warmup();
            c.cpu_a = r.cpuA();
            c.cpu_b = r.cpuB();
            c.timeout_ms = r.timeoutMs();
            c.abi = r.abi();
            int[] s = r.syscalls() == null ? new int[6] : r.syscalls();
            c.sys_register_handler = s[0];
            c.sys_unregister_handler = s[1];
            c.sys_vector_fd = s[2];
            c.sys_register_sender = s[3];
            c.sys_unregister_sender = s[4];
            c.sys_wait = s[5];
            c.handler_flags = r.handlerFlags();
            c.wait_usec = r.waitUsec();
            return c;
        }

        /** A filled struct ubench_result in plain Java. */
        static Outcome outcome(int rc, Result out) {
            int len = 0;
            while (len < out.detail.length && out.detail[len] != 0) {
                len++;
            }
            return new Outcome(rc, out.status, out.err, out.signo, out.count, out.cpu_a_seen, out.cpu_b_seen,
                    out.elapsed_ns, new String(out.detail, 0, len, StandardCharsets.US_ASCII));
        }

        /** n back-to-back RDTSCP deltas in ticks, measured on {@code cpu}; empty array on failure. */
        public static long[] timerOverhead(int n, int cpu) {
            long[] s = new long[n];
            int got = LIB.map(l -> l.ubench_timer_overhead(n, cpu, s)).orElse(-1);
            return got == n ? s : new long[0];
        }

        /** CPUs this process may run on, or -1. */
        public static int cpusAllowed() {
            return LIB.map(UintrBenchLib::ubench_cpus_allowed).orElse(-1);
        }
    }
}
