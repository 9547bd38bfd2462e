/*
 * The benchmark driver: forks a child, runs two pinned threads in it (A initiates, B
 * responds) over one mechanism, and copies the TSC-tick samples back. The child is killed
 * after timeout_ms, and its fault signals are reset to the default action first (the JVM's
 * handlers must not run in it), so neither a fault nor a lost wake-up reaches the JVM.
 */
#include "bench_internal.h"
#include "child_wait.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <x86intrin.h>

int ubench_abi_version(void) { return UBENCH_ABI_VERSION; }

int ubench_cpus_allowed(void)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return -errno;
    return CPU_COUNT(&set);
}

static int64_t raw_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int pin_self(int cpu)
{
    if (cpu < 0)
        return 0;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof set, &set) == 0 ? 0 : -errno;
}

int ubench_timer_overhead(int32_t n, int32_t cpu, uint64_t *samples)
{
    if (n <= 0 || !samples)
        return -EINVAL;
    cpu_set_t old;
    CPU_ZERO(&old);
    int have_old = sched_getaffinity(0, sizeof old, &old) == 0;
    int rc = pin_self(cpu);
    if (rc != 0)
        return rc;
    unsigned aux;
    for (int i = 0; i < 1000; i++)          /* warm-up */
        (void)__rdtscp(&aux);
    for (int32_t i = 0; i < n; i++) {
        uint64_t t0 = __rdtscp(&aux);
        uint64_t t1 = __rdtscp(&aux);
        samples[i] = t1 - t0;
    }
    if (have_old)                            /* give the JVM thread its affinity back */
        sched_setaffinity(0, sizeof old, &old);
    return n;
}

void bench_fail(struct bench_ctx *c, int err, const char *what)
{
    /* Both threads may fail at once; the first one's reason is kept. */
    if (__atomic_exchange_n(&c->failed, 1, __ATOMIC_ACQ_REL) == 0) {
        c->shm->err = err;
        snprintf(c->shm->detail, sizeof c->shm->detail, "%s", what);
        c->shm->status = UBENCH_STATUS_SETUP;
    }
}

static const struct bench_mech *mech_of(int mechanism)
{
    const struct bench_mech *m = bench_ipc_mech(mechanism);
    return m ? m : bench_uipi_mech(mechanism);
}

struct thread_arg {
    struct bench_ctx *c;
    const struct bench_mech *m;
    int side;
};

/* Both sides: pin, init, barrier, connect, barrier. Returns 0 when the loop may start. */
static int side_setup(struct bench_ctx *c, const struct bench_mech *m, int side)
{
    c->tid[side] = (pid_t)syscall(SYS_gettid);
    int rc = pin_self(side == SIDE_A ? c->cfg->cpu_a : c->cfg->cpu_b);
    if (rc != 0)
        bench_fail(c, -rc, side == SIDE_A ? "sched_setaffinity(cpu_a)" : "sched_setaffinity(cpu_b)");
    if (!c->failed && m->thread_init)
        m->thread_init(c, side);
    pthread_barrier_wait(&c->barrier);
    if (!c->failed && m->thread_connect)
        m->thread_connect(c, side);
    pthread_barrier_wait(&c->barrier);
    return c->failed ? -1 : 0;
}

static void *side_b(void *p)
{
    struct thread_arg *a = p;
    struct bench_ctx *c = a->c;
    const struct bench_mech *m = a->m;
    if (side_setup(c, m, SIDE_B) != 0)
        return NULL;
    const ubench_config *cfg = c->cfg;
    int32_t total = cfg->warmup + cfg->iterations;
    unsigned aux = 0;
    for (int32_t i = 0; i < total; i++) {
        uint32_t seq = (uint32_t)i + 1;
        m->await(c, SIDE_B, seq);
        if (cfg->mode == UBENCH_MODE_ONE_WAY) {
            uint64_t t1 = __rdtscp(&aux);
            if (i >= cfg->warmup)
                c->shm->samples[i - cfg->warmup] = (uint64_t)((int64_t)t1 - (int64_t)c->t0);
        }
        m->send(c, SIDE_B, seq);
    }
    c->shm->cpu_b_seen = sched_getcpu();
    return NULL;
}

static void side_a(struct bench_ctx *c, const struct bench_mech *m)
{
    if (side_setup(c, m, SIDE_A) != 0)
        return;
    const ubench_config *cfg = c->cfg;
    int32_t total = cfg->warmup + cfg->iterations;
    unsigned aux = 0;
    int64_t start = raw_ns();
    for (int32_t i = 0; i < total; i++) {
        uint32_t seq = (uint32_t)i + 1;
        uint64_t t0 = __rdtscp(&aux);
        if (cfg->mode == UBENCH_MODE_ONE_WAY)
            __atomic_store_n(&c->t0, t0, __ATOMIC_RELEASE);
        m->send(c, SIDE_A, seq);
        m->await(c, SIDE_A, seq);
        if (cfg->mode == UBENCH_MODE_ROUND_TRIP) {
            uint64_t t1 = __rdtscp(&aux);
            if (i >= cfg->warmup)
                c->shm->samples[i - cfg->warmup] = t1 - t0;
        }
    }
    c->shm->elapsed_ns = raw_ns() - start;
    c->shm->cpu_a_seen = sched_getcpu();   /* not TSC_AUX: hypervisors may not set it */
}

/* The child: never returns. */
__attribute__((noreturn)) static void child_main(const ubench_config *cfg, struct bench_shm *shm)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    /* The JVM's handlers were inherited: a fault must kill this child, not run JVM code. */
    int faults[] = { SIGILL, SIGSEGV, SIGBUS, SIGFPE, SIGTRAP };
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigset_t unblock;
    sigemptyset(&unblock);
    for (unsigned i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        sigaction(faults[i], &dfl, NULL);
        sigaddset(&unblock, faults[i]);
    }
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);

    static struct bench_ctx ctx;            /* one per child process */
    struct bench_ctx *c = &ctx;
    memset(c, 0, sizeof *c);
    c->cfg = cfg;
    c->shm = shm;
    c->pid = getpid();
    for (int i = 0; i < 4; i++)
        c->fd[i] = -1;
    c->uvec_fd[0] = c->uvec_fd[1] = -1;
    memset(shm->samples, 0, (size_t)cfg->iterations * sizeof shm->samples[0]);   /* fault the pages in now */

    const struct bench_mech *m = mech_of(cfg->mechanism);
    if (m->prepare && m->prepare(c) != 0)
        _exit(0);
    pthread_barrier_init(&c->barrier, NULL, 2);
    struct thread_arg arg = { c, m, SIDE_B };
    pthread_t tb;
    int rc = pthread_create(&tb, NULL, side_b, &arg);
    if (rc != 0) {
        bench_fail(c, rc, "pthread_create");
        _exit(0);
    }
    side_a(c, m);
    pthread_join(tb, NULL);
    if (!c->failed) {
        shm->count = cfg->iterations;
        shm->status = UBENCH_STATUS_OK;
    }
    _exit(0);
}

static int bad_arg(ubench_result *out, const char *why)
{
    out->status = UBENCH_STATUS_BAD_ARG;
    snprintf(out->detail, sizeof out->detail, "%s", why);
    return 1;
}

/* The one measurement between ubench_setup and ubench_finish (a process runs one at a time). */
static ubench_config g_cfg;
static struct bench_shm *g_shm;
static size_t g_shm_len;

int ubench_setup(const ubench_config *cfg, const uint64_t *samples, int32_t cap, ubench_result *out)
{
    if (!cfg || !out)
        return -EINVAL;
    memset(out, 0, sizeof *out);
    out->cpu_a_seen = out->cpu_b_seen = -1;
    if (cfg->mechanism < 0 || cfg->mechanism >= UBENCH_MECH_COUNT || !mech_of(cfg->mechanism))
        return bad_arg(out, "unknown mechanism");
    if (cfg->mode != UBENCH_MODE_ROUND_TRIP && cfg->mode != UBENCH_MODE_ONE_WAY)
        return bad_arg(out, "unknown mode");
    if (cfg->iterations <= 0 || cfg->warmup < 0)
        return bad_arg(out, "iterations must be > 0 and warmup >= 0");
    if (!samples || cap < cfg->iterations)
        return bad_arg(out, "sample buffer smaller than iterations");
    if (g_shm)
        return -EBUSY;

    size_t len = sizeof(struct bench_shm) + (size_t)cfg->iterations * sizeof(uint64_t);
    struct bench_shm *shm = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shm == MAP_FAILED)
        return -errno;
    shm->status = UBENCH_STATUS_CRASHED;     /* until the child says otherwise */
    shm->cpu_a_seen = shm->cpu_b_seen = -1;
    g_cfg = *cfg;                            /* the child's copy: the caller's struct may be gone by then */
    g_shm = shm;
    g_shm_len = len;
    return 0;
}

void ubench_child(void)
{
    child_main(&g_cfg, g_shm);
}

int ubench_finish(int reaped, int status, uint64_t *samples, ubench_result *out)
{
    struct bench_shm *shm = g_shm;
    if (!shm)
        return -ENOENT;
    if (!reaped) {
        out->status = UBENCH_STATUS_TIMEOUT;
        snprintf(out->detail, sizeof out->detail, "killed after %d ms",
                 g_cfg.timeout_ms > 0 ? g_cfg.timeout_ms : UBENCH_DEFAULT_TIMEOUT_MS);
    } else if (WIFSIGNALED(status)) {
        out->status = UBENCH_STATUS_CRASHED;
        out->signo = WTERMSIG(status);
        snprintf(out->detail, sizeof out->detail, "child died of signal %d", out->signo);
    } else {
        out->status = shm->status;
        out->err = shm->err;
        memcpy(out->detail, shm->detail, sizeof out->detail);
        out->detail[sizeof out->detail - 1] = 0;
        if (out->status == UBENCH_STATUS_OK) {
            out->count = shm->count;
            memcpy(samples, shm->samples, (size_t)shm->count * sizeof(uint64_t));
        }
    }
    out->cpu_a_seen = shm->cpu_a_seen;
    out->cpu_b_seen = shm->cpu_b_seen;
    out->elapsed_ns = shm->elapsed_ns;
    munmap(shm, g_shm_len);
    g_shm = NULL;
    return 0;
}

void ubench_abandon(void)
{
    if (g_shm) {
        munmap(g_shm, g_shm_len);
        g_shm = NULL;
    }
}

int ubench_run(const ubench_config *cfg, uint64_t *samples, int32_t cap, ubench_result *out)
{
    int rc = ubench_setup(cfg, samples, cap, out);
    if (rc != 0)
        return rc > 0 ? 0 : rc;              /* > 0: rejected, out says why */
    int timeout_ms = g_cfg.timeout_ms > 0 ? g_cfg.timeout_ms : UBENCH_DEFAULT_TIMEOUT_MS;

    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        ubench_abandon();
        return -e;
    }
    if (pid == 0)
        ubench_child();

    int status = 0;
    int reaped = child_wait(pid, timeout_ms, CLOCK_MONOTONIC_RAW, 2000000, &status);
    return ubench_finish(reaped, status, samples, out);
}
