/*
 * The bare ptrace floor of the hybrid backend on this host (ush_hybrid_floor, uintr_hybrid.h):
 * what one delivery plus its UIRET costs in tracee stops when nothing is asked of any model.
 * A forked child spins; each round the parent interrupts it, writes a 32-byte frame below its
 * stack, sends it to a stub whose first instruction is UIRET (SIGILL on a CPU without UINTR),
 * takes that SIGILL stop, pops the frame as UIRET would and lets it run on.
 */
#include "uintr_hybrid.h"
#include "child_wait.h"
#include "hybrid_internal.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

__asm__(".text\n"
        ".globl ush_hy_uiret_stub\n"
        ".hidden ush_hy_uiret_stub\n"
        ".type ush_hy_uiret_stub,@function\n"
        "ush_hy_uiret_stub:\n"
        "    uiret\n"
        "    ud2\n");
void ush_hy_uiret_stub(void);

static int wait_stop(pid_t pid, int *st)
{
    for (;;) {
        pid_t r = waitpid(pid, st, __WALL);
        if (r == pid) {
            return WIFSTOPPED(*st) ? 0 : -ECHILD;
        }
        if (r < 0 && errno != EINTR) {
            return -errno;
        }
    }
}

static int pin_to(int cpu)
{
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    return sched_setaffinity(0, sizeof one, &one) ? -errno : 0;
}

int64_t ush_hybrid_floor(int rounds, int tracer_cpu, int tracee_cpu, int64_t *cpu_ns)
{
    if (rounds < 1 || rounds > 10000000 || tracer_cpu < -1 || tracer_cpu >= CPU_SETSIZE
            || tracee_cpu < -1 || tracee_cpu >= CPU_SETSIZE) {
        return -EINVAL;
    }
    cpu_set_t saved;
    if (sched_getaffinity(0, sizeof saved, &saved)) {
        return -errno;
    }
    if ((tracer_cpu >= 0 && !CPU_ISSET(tracer_cpu, &saved)) || (tracee_cpu >= 0 && !CPU_ISSET(tracee_cpu, &saved))) {
        return -EINVAL;                                       /* no such CPU, or not one this thread may use */
    }
    if (tracer_cpu >= 0 && pin_to(tracer_cpu)) {
        return -EINVAL;
    }
    ush_hy_boost();                                           /* as a session's tracer is: like with like */
    pid_t child = fork();
    if (child < 0) {
        int e = errno;
        ush_hy_unboost();
        sched_setaffinity(0, sizeof saved, &saved);
        return -e;
    }
    if (child == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (tracee_cpu >= 0) {
            if (pin_to(tracee_cpu)) {
                _exit(127);
            }
        } else {
            sched_setaffinity(0, sizeof saved, &saved);       /* unpinned: the caller's own CPUs */
        }
        for (volatile unsigned long spin = 0;; spin++) {
        }
    }
    int64_t result = 0;
    int st = 0;
    if (ptrace(PTRACE_SEIZE, child, 0, (void *)(long)PTRACE_O_EXITKILL)) {
        result = -errno;
        goto out;
    }
    int64_t t0 = child_wait_ns(CLOCK_MONOTONIC);
    int64_t cpu0 = child_wait_ns(CLOCK_THREAD_CPUTIME_ID);
    for (int i = 0; i < rounds; i++) {
        struct user_regs_struct r, saved;
        ptrace(PTRACE_INTERRUPT, child, 0, 0);
        if ((result = wait_stop(child, &st))) {
            goto out;
        }
        ptrace(PTRACE_GETREGS, child, 0, &saved);
        r = saved;
        uint64_t frame[4] = {saved.rip, saved.eflags, saved.rsp, 0};
        uint64_t at = ((saved.rsp - 128) & ~0xFULL) - 32;
        struct iovec local = {frame, 24}, remote = {(void *)(uintptr_t)at, 24};
        if (process_vm_writev(child, &local, 1, &remote, 1, 0) != 24) {
            result = -EFAULT;
            goto out;
        }
        r.rip = (uint64_t)(uintptr_t)ush_hy_uiret_stub;
        r.rsp = at;
        ptrace(PTRACE_SETREGS, child, 0, &r);
        ptrace(PTRACE_CONT, child, 0, 0);
        if ((result = wait_stop(child, &st))) {
            goto out;
        }
        if (WSTOPSIG(st) != SIGILL) {
            result = -EPROTO;                                 /* this CPU has UINTR: the floor is not ours to take */
            goto out;
        }
        ptrace(PTRACE_GETREGS, child, 0, &r);
        uint64_t popped[3];
        struct iovec l2 = {popped, 24}, r2 = {(void *)(uintptr_t)r.rsp, 24};
        if (process_vm_readv(child, &l2, 1, &r2, 1, 0) != 24) {
            result = -EFAULT;
            goto out;
        }
        r.rip = popped[0];
        r.eflags = popped[1];
        r.rsp = popped[2];
        ptrace(PTRACE_SETREGS, child, 0, &r);
        ptrace(PTRACE_CONT, child, 0, 0);
    }
    int64_t ns = child_wait_ns(CLOCK_MONOTONIC) - t0;
    if (cpu_ns) {
        *cpu_ns = child_wait_ns(CLOCK_THREAD_CPUTIME_ID) - cpu0;
    }
    result = ns > 0 ? (int64_t)(2.0 * rounds * 1e12 / (double)ns) : 0;
out:
    kill(child, SIGKILL);
    while (waitpid(child, &st, __WALL) > 0 || errno == EINTR) {
    }
    ush_hy_unboost();
    sched_setaffinity(0, sizeof saved, &saved);
    return result;
}
