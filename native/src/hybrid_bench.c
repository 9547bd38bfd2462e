/*
 * The bench loops under the hybrid supervisor (uintr_hybrid.h): ubench_run's child (bench_core.c),
 * started traced by ush_hy_begin instead of a plain fork, so that the uipi and uipi-blocked loops'
 * SENDUIPI, UIRET and STUI and the uintr syscalls (the numbers in the config are the profile's) are
 * answered by the Java models. The other mechanisms run too (nothing of theirs traps).
 */
#include "uintr_hybrid.h"
#include "uintr_bench.h"
#include "bench_internal.h"
#include "hybrid_internal.h"

#include <errno.h>
#include <stddef.h>
#include <sys/wait.h>

static int32_t g_iterations;

static void start_bench(void *unused)
{
    (void)unused;
    ubench_child();
}

int ush_hybrid_begin_bench(const void *cfg, const int32_t *traps, int ntraps)
{
    if (!cfg) {
        return -EINVAL;
    }
    const ubench_config *c = cfg;
    /* The samples go to the caller only at ush_hybrid_bench_result; setup needs a buffer to check. */
    static uint64_t probe;
    ubench_result why;
    int rc = ubench_setup(c, &probe, c->iterations > 0 ? c->iterations : 1, &why);
    if (rc != 0) {
        return rc > 0 ? -EINVAL : rc;                         /* > 0: a config ubench_run would reject */
    }
    g_iterations = c->iterations;
    int pid = ush_hy_begin(start_bench, NULL, 0, traps, ntraps);
    if (pid < 0) {
        ubench_abandon();
    }
    return pid;
}

int ush_hybrid_bench_result(uint64_t *samples, int32_t cap, void *out, int outlen, int32_t timed_out, int32_t st)
{
    if (!out || outlen < (int)sizeof(ubench_result)) {
        return -EINVAL;
    }
    if (!samples || cap < g_iterations) {
        ubench_abandon();
        return -EINVAL;
    }
    return ubench_finish(!timed_out, st, samples, out);
}

int ush_hybrid_bench_result_size(void) { return (int)sizeof(ubench_result); }
