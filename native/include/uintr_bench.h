/* uintr_bench.h — latency benchmark entry points of libuintrshim.so, mirrored name for name
 * by dev.uintr.nat.UintrBenchLib.
 *
 * Every measurement runs in a forked child (two pinned threads inside it) that is killed on
 * timeout, so a fault (SENDUIPI on a host without UINTR) or a lost wake-up never reaches the
 * JVM. Timestamps are RDTSCP values taken inside the C loops; samples (TSC ticks, one per
 * iteration after the warm-up) come back in bulk through shared memory into the caller's
 * buffer. Nothing here calls a uintr syscall number unless the caller passes one in
 * (the Java side does so only when the probe confirmed a uintr kernel).
 */
#ifndef UINTR_BENCH_H
#define UINTR_BENCH_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever a signature or struct below changes. */
#define UBENCH_ABI_VERSION 1

/* Mechanisms (dev.uintr.bench.Mechanism.nativeId). */
#define UBENCH_MECH_SHM_SPIN      0  /* shared-memory flag, both sides spinning: the floor */
#define UBENCH_MECH_FUTEX         1  /* FUTEX_WAKE / FUTEX_WAIT on two words */
#define UBENCH_MECH_PIPE          2  /* two pipes, 1-byte blocking write/read */
#define UBENCH_MECH_UNIX          3  /* socketpair(AF_UNIX, SOCK_STREAM), 1 byte each way */
#define UBENCH_MECH_EVENTFD       4  /* two eventfds, blocking read */
#define UBENCH_MECH_EVENTFD_SPIN  5  /* two EFD_NONBLOCK eventfds, read retried until it succeeds */
#define UBENCH_MECH_SIGNAL        6  /* tgkill + a handler, receiver in sigsuspend */
#define UBENCH_MECH_UIPI          7  /* SENDUIPI, receiver spinning on its handler's counter */
#define UBENCH_MECH_UIPI_BLOCKED  8  /* SENDUIPI, receiver blocked in uintr_wait */
#define UBENCH_MECH_COUNT         9

/* Modes. */
#define UBENCH_MODE_ROUND_TRIP 0  /* A stamps, pings B, B pongs, A stamps: t1 - t0 on A's CPU */
#define UBENCH_MODE_ONE_WAY    1  /* A stamps and pings, B stamps on receipt: needs an invariant, synced TSC */

/* ABI generations for the uipi mechanisms (dev.uintr.AbiProfile). */
#define UBENCH_ABI_NONE   0
#define UBENCH_ABI_RFC_V1 1
#define UBENCH_ABI_LATER  2

/* What to measure. The sys_* numbers come from dev.uintr.AbiProfile and are used only by the
 * uipi mechanisms; with abi == UBENCH_ABI_NONE they refuse to run (-ENOSYS) without any syscall. */
typedef struct ubench_config {
    int32_t mechanism;        /* UBENCH_MECH_* */
    int32_t mode;             /* UBENCH_MODE_* */
    int32_t iterations;       /* measured iterations (samples returned) */
    int32_t warmup;           /* iterations run first and discarded */
    int32_t cpu_a;            /* CPU of thread A (initiator), -1 unpinned */
    int32_t cpu_b;            /* CPU of thread B (responder), -1 unpinned */
    int32_t timeout_ms;       /* the child is killed after this long */
    int32_t abi;              /* UBENCH_ABI_* */
    int32_t sys_register_handler;
    int32_t sys_unregister_handler;
    int32_t sys_vector_fd;    /* uintr_create_fd (rfc-v1) or uintr_vector_fd (later) */
    int32_t sys_register_sender;
    int32_t sys_unregister_sender;
    int32_t sys_wait;
    int32_t handler_flags;    /* later: UINTR_HANDLER_FLAG_WAITING_* for B's handler (uipi-blocked) */
    int32_t wait_usec;        /* later: uintr_wait's timeout in µs (the receiver re-waits after it) */
} ubench_config;

/* How a measurement ended. */
#define UBENCH_STATUS_OK        0  /* count samples were written */
#define UBENCH_STATUS_SETUP     1  /* a setup call failed: err = errno, detail says which */
#define UBENCH_STATUS_TIMEOUT   2  /* the child did not finish within timeout_ms and was killed */
#define UBENCH_STATUS_CRASHED   3  /* the child died of signal signo (SIGILL: no UINTR) */
#define UBENCH_STATUS_BAD_ARG   4  /* invalid config (unknown mechanism, cap too small, ...) */

typedef struct ubench_result {
    int32_t status;           /* UBENCH_STATUS_* */
    int32_t err;              /* errno of the failed setup call, else 0 */
    int32_t signo;            /* signal that ended the child, else 0 */
    int32_t count;            /* samples written into the caller's buffer */
    int32_t cpu_a_seen;       /* CPU thread A ended on (sched_getcpu), -1 unknown */
    int32_t cpu_b_seen;       /* CPU thread B ended on, -1 unknown */
    int64_t elapsed_ns;       /* wall time of the whole measurement in the child (CLOCK_MONOTONIC_RAW) */
    char detail[128];         /* NUL-terminated: which call failed, or "" */
} ubench_result;

/* UBENCH_ABI_VERSION as compiled into the library. */
int ubench_abi_version(void);

/* Runs one measurement in a forked child. samples must hold cap >= cfg->iterations values;
 * it receives one TSC-tick latency per measured iteration. Returns 0 and fills *out (look
 * at out->status), or -errno when the child could not be created. */
int ubench_run(const ubench_config *cfg, uint64_t *samples, int32_t cap, ubench_result *out);

/* The timer's own cost: n back-to-back RDTSCP pairs on the calling thread (pinned to cpu
 * unless cpu < 0), each delta in ticks into samples. Returns n or -errno. */
int ubench_timer_overhead(int32_t n, int32_t cpu, uint64_t *samples);

/* Number of CPUs this process may run on (sched_getaffinity), or -errno. */
int ubench_cpus_allowed(void);

#ifdef __cplusplus
}
#endif

#endif /* UINTR_BENCH_H */
