/* child_wait.h — the parent's wait for a fork-isolated child, shared by shim_insn.c and
 * bench_core.c (not part of the JNA ABI: static inline, no exported symbol). */
#ifndef CHILD_WAIT_H
#define CHILD_WAIT_H

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>

static inline int64_t child_wait_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Polls waitpid(pid, WNOHANG) every nap_ns until the child ends or timeout_ms have passed on
 * `clock`. A child still running then, or a waitpid error other than EINTR, is SIGKILLed and
 * reaped. Returns 1 when the child ended by itself (*status is its wait status), 0 when it
 * was killed (the caller reports a timeout). */
static inline int child_wait(pid_t pid, int timeout_ms, clockid_t clock, long nap_ns, int *status)
{
    int64_t deadline = child_wait_ns(clock) + (int64_t)timeout_ms * 1000000LL;
    for (;;) {
        pid_t r = waitpid(pid, status, WNOHANG);
        if (r == pid) return 1;
        if (r < 0 && errno != EINTR) break;
        if (child_wait_ns(clock) >= deadline) break;
        struct timespec nap = { 0, nap_ns };
        nanosleep(&nap, NULL);
    }
    kill(pid, SIGKILL);
    while (waitpid(pid, status, 0) < 0 && errno == EINTR) { }
    return 0;
}

#endif
