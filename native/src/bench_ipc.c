/*
 * The baseline mechanisms, each a ping-pong between thread A and thread B of the child.
 * Channel i carries messages to side i (so side s sends on channel 1-s and awaits on
 * channel s). One byte (pipe, unix) or one counter (eventfd) per message.
 */
#include "bench_internal.h"

#include <errno.h>
#include <linux/futex.h>
#include <signal.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <x86intrin.h>

/* ---- shm-spin: the floor (both sides spin on a cache line) -------------------------- */

static void spin_send(struct bench_ctx *c, int side, uint32_t seq)
{
    __atomic_store_n(&c->word[1 - side].v, seq, __ATOMIC_RELEASE);
}

static void spin_await(struct bench_ctx *c, int side, uint32_t seq)
{
    while (__atomic_load_n(&c->word[side].v, __ATOMIC_ACQUIRE) != seq)
        _mm_pause();
}

static const struct bench_mech SHM_SPIN = { NULL, NULL, NULL, spin_send, spin_await };

/* ---- futex: the receiver sleeps in FUTEX_WAIT until the word changes ----------------- */

static long futex(volatile uint32_t *uaddr, int op, uint32_t val)
{
    return syscall(SYS_futex, uaddr, op, val, NULL, NULL, 0);
}

static void futex_send(struct bench_ctx *c, int side, uint32_t seq)
{
    __atomic_store_n(&c->word[1 - side].v, seq, __ATOMIC_RELEASE);
    futex(&c->word[1 - side].v, FUTEX_WAKE_PRIVATE, 1);
}

static void futex_await(struct bench_ctx *c, int side, uint32_t seq)
{
    for (;;) {
        uint32_t v = __atomic_load_n(&c->word[side].v, __ATOMIC_ACQUIRE);
        if (v == seq)
            return;
        futex(&c->word[side].v, FUTEX_WAIT_PRIVATE, v);   /* EAGAIN when it changed meanwhile */
    }
}

static const struct bench_mech FUTEX = { NULL, NULL, NULL, futex_send, futex_await };

/* ---- fd pairs: fd[2*i] is read by side i, fd[2*i+1] written towards it -------------- */

static void fd_write_all(int fd, const void *buf, size_t n)
{
    while (write(fd, buf, n) < 0 && errno == EINTR) { }
}

static void fd_read_all(int fd, void *buf, size_t n)
{
    while (read(fd, buf, n) < 0 && errno == EINTR) { }
}

static int pipe_prepare(struct bench_ctx *c)
{
    for (int i = 0; i < 2; i++)
        if (pipe(&c->fd[2 * i]) != 0) {
            bench_fail(c, errno, "pipe");
            return -1;
        }
    return 0;
}

static void byte_send(struct bench_ctx *c, int side, uint32_t seq)
{
    char b = (char)seq;
    fd_write_all(c->fd[2 * (1 - side) + 1], &b, 1);
}

static void byte_await(struct bench_ctx *c, int side, uint32_t seq)
{
    (void)seq;
    char b;
    fd_read_all(c->fd[2 * side], &b, 1);
}

static const struct bench_mech PIPE = { pipe_prepare, NULL, NULL, byte_send, byte_await };

/* unix: one socketpair; side A holds sv[0], side B sv[1]. Recast into the fd-pair layout:
 * side i reads its end, the other side writes its own end. */
static int unix_prepare(struct bench_ctx *c)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
        bench_fail(c, errno, "socketpair(AF_UNIX, SOCK_STREAM)");
        return -1;
    }
    c->fd[0] = sv[0];   /* A reads here */
    c->fd[1] = sv[0];   /* B writes towards A through ... */
    c->fd[2] = sv[1];   /* B reads here */
    c->fd[3] = sv[1];
    return 0;
}

/* In a socketpair a side writes its own end: A writes sv[0] to reach B. */
static void unix_send(struct bench_ctx *c, int side, uint32_t seq)
{
    char b = (char)seq;
    fd_write_all(c->fd[2 * side], &b, 1);
}

static const struct bench_mech UNIX_SOCK = { unix_prepare, NULL, NULL, unix_send, byte_await };

/* ---- eventfd: one eventfd per direction; blocking or spinning (EFD_NONBLOCK) -------- */

static int eventfd_open(struct bench_ctx *c, int flags)
{
    for (int i = 0; i < 2; i++) {
        int fd = eventfd(0, flags);
        if (fd < 0) {
            bench_fail(c, errno, "eventfd");
            return -1;
        }
        c->fd[2 * i] = c->fd[2 * i + 1] = fd;
    }
    return 0;
}

static int eventfd_prepare(struct bench_ctx *c) { return eventfd_open(c, 0); }
static int eventfd_spin_prepare(struct bench_ctx *c) { return eventfd_open(c, EFD_NONBLOCK); }

static void eventfd_send(struct bench_ctx *c, int side, uint32_t seq)
{
    (void)seq;
    uint64_t one = 1;
    fd_write_all(c->fd[2 * (1 - side) + 1], &one, sizeof one);
}

static void eventfd_await(struct bench_ctx *c, int side, uint32_t seq)
{
    (void)seq;
    uint64_t v;
    fd_read_all(c->fd[2 * side], &v, sizeof v);
}

static void eventfd_spin_await(struct bench_ctx *c, int side, uint32_t seq)
{
    (void)seq;
    uint64_t v;
    while (read(c->fd[2 * side], &v, sizeof v) < 0)
        _mm_pause();                         /* EAGAIN: not yet */
}

static const struct bench_mech EVENTFD = { eventfd_prepare, NULL, NULL, eventfd_send, eventfd_await };
static const struct bench_mech EVENTFD_SPIN = { eventfd_spin_prepare, NULL, NULL, eventfd_send, eventfd_spin_await };

/* ---- signal: tgkill to the other thread; its handler sets a flag; the receiver sleeps in
 * sigsuspend with only its own signal unblocked (SIGUSR1 for B, SIGUSR2 for A). Both signals
 * stay blocked outside sigsuspend, so none is lost between the check and the sleep. -------- */

static volatile sig_atomic_t sig_seen[2];

static int side_signal(int side) { return side == SIDE_A ? SIGUSR2 : SIGUSR1; }

static void on_signal(int sig)
{
    sig_seen[sig == SIGUSR2 ? SIDE_A : SIDE_B] = 1;
}

static int signal_prepare(struct bench_ctx *c)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigset_t both;
    sigemptyset(&both);
    sigaddset(&both, SIGUSR1);
    sigaddset(&both, SIGUSR2);
    if (sigaction(SIGUSR1, &sa, NULL) != 0 || sigaction(SIGUSR2, &sa, NULL) != 0) {
        bench_fail(c, errno, "sigaction(SIGUSR1/SIGUSR2)");
        return -1;
    }
    /* Blocked in the main thread before B is created: B inherits the mask. */
    pthread_sigmask(SIG_BLOCK, &both, NULL);
    return 0;
}

static void signal_send(struct bench_ctx *c, int side, uint32_t seq)
{
    (void)seq;
    syscall(SYS_tgkill, c->pid, c->tid[1 - side], side_signal(1 - side));
}

static void signal_await(struct bench_ctx *c, int side, uint32_t seq)
{
    (void)c;
    (void)seq;
    sigset_t wait_mask;
    pthread_sigmask(SIG_BLOCK, NULL, &wait_mask);
    sigdelset(&wait_mask, side_signal(side));
    while (!sig_seen[side])
        sigsuspend(&wait_mask);
    sig_seen[side] = 0;
}

static const struct bench_mech SIGNAL = { signal_prepare, NULL, NULL, signal_send, signal_await };

const struct bench_mech *bench_ipc_mech(int mechanism)
{
    switch (mechanism) {
    case UBENCH_MECH_SHM_SPIN:     return &SHM_SPIN;
    case UBENCH_MECH_FUTEX:        return &FUTEX;
    case UBENCH_MECH_PIPE:         return &PIPE;
    case UBENCH_MECH_UNIX:         return &UNIX_SOCK;
    case UBENCH_MECH_EVENTFD:      return &EVENTFD;
    case UBENCH_MECH_EVENTFD_SPIN: return &EVENTFD_SPIN;
    case UBENCH_MECH_SIGNAL:       return &SIGNAL;
    default:                       return NULL;
    }
}
