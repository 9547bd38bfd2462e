/* bench_internal.h — what the bench_*.c files share (not part of the JNA ABI). */
#ifndef BENCH_INTERNAL_H
#define BENCH_INTERNAL_H

#include "uintr_bench.h"

#include <pthread.h>
#include <stdint.h>
#include <sys/types.h>

#define BENCH_LINE 64
#define SIDE_A 0   /* the initiator: stamps t0, pings */
#define SIDE_B 1   /* the responder: waits for the ping, pongs */

/* Header of the shared page between the parent (the JVM's thread) and the forked child. */
struct bench_shm {
    volatile int32_t status;
    volatile int32_t err;
    volatile int32_t count;
    volatile int32_t cpu_a_seen;
    volatile int32_t cpu_b_seen;
    volatile int32_t pad;
    volatile int64_t elapsed_ns;
    char detail[128];
    _Alignas(BENCH_LINE) uint64_t samples[];
};

/* One measurement's state inside the child. Fields that one side writes while the other
 * spins on them sit on their own cache lines. */
struct bench_ctx {
    const ubench_config *cfg;
    struct bench_shm *shm;
    pid_t pid;
    volatile pid_t tid[2];
    volatile int failed;
    pthread_barrier_t barrier;
    int fd[4];                                   /* per mechanism: channel fds */
    struct { _Alignas(BENCH_LINE) volatile uint32_t v; } word[2];  /* shm-spin / futex: last message to side i */
    _Alignas(BENCH_LINE) volatile uint64_t t0;           /* one-way: A's stamp for the ping in flight */
    _Alignas(BENCH_LINE) int uvec_fd[2];                 /* uipi: side i's receive vector fd */
    int uipi_index[2];                                   /* uipi: side i's UITT index towards the other */
};

/* A mechanism: optional process-wide preparation, per-thread init (before the first
 * barrier) and connect (after it), then send/await per message. Side s sends to 1-s;
 * await(s, seq) returns once side s received message number seq. */
struct bench_mech {
    int (*prepare)(struct bench_ctx *c);
    int (*thread_init)(struct bench_ctx *c, int side);
    int (*thread_connect)(struct bench_ctx *c, int side);
    void (*send)(struct bench_ctx *c, int side, uint32_t seq);
    void (*await)(struct bench_ctx *c, int side, uint32_t seq);
};

/* Records the first setup failure (errno value and what failed) and marks the run failed. */
void bench_fail(struct bench_ctx *c, int err, const char *what);

/* The baseline mechanisms (bench_ipc.c) and the UIPI ones (bench_uipi.c), by UBENCH_MECH_*. */
const struct bench_mech *bench_ipc_mech(int mechanism);
const struct bench_mech *bench_uipi_mech(int mechanism);

/* The user-interrupt handler (bench_uipi_handler.c) and the per-vector delivery counts it keeps. */
struct __uintr_frame;
extern volatile uint64_t bench_uipi_hits[64];
void bench_uipi_handler(struct __uintr_frame *frame, unsigned long long vector);

/*
 * ubench_run in three parts, so that the hybrid supervisor can start the child traced
 * (hybrid_supervisor.c): setup validates cfg and maps the shared page (0 ready, > 0 rejected with
 * *out saying why, -errno); the child runs the measurement and exits; finish, once the child is
 * gone (reaped = 0: killed at the deadline; status: its wait status), fills *out and samples and
 * unmaps the page (-ENOENT when nothing was set up). abandon unmaps without a result.
 */
#define UBENCH_DEFAULT_TIMEOUT_MS 10000
__attribute__((visibility("hidden"))) int ubench_setup(const ubench_config *cfg, const uint64_t *samples, int32_t cap,
                                                       ubench_result *out);
__attribute__((visibility("hidden"), noreturn)) void ubench_child(void);
__attribute__((visibility("hidden"))) int ubench_finish(int reaped, int status, uint64_t *samples, ubench_result *out);
__attribute__((visibility("hidden"))) void ubench_abandon(void);

#endif /* BENCH_INTERNAL_H */
