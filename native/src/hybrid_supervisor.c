/*
 * The hybrid supervisor (see include/uintr_hybrid.h), run by one JVM thread: every ptrace call
 * comes from it. It stops the tracees on SIGILL (the UINTR instructions on a CPU without
 * them) and on the seccomp-trapped syscall numbers, sends each stop to Java as an event with the
 * registers and the bytes at RIP and RSP, and carries out Java's commands. The only decisions
 * taken here are mechanical: starting auto-attached children, passing through signals that are
 * not SIGILL, keeping group stops, and postponing an interrupt that caught a thread inside a
 * blocking syscall until that syscall returns (a user interrupt is delivered on the way back
 * to user mode, never inside the kernel).
 */
#include "uintr_hybrid.h"
#include "hybrid_internal.h"
#include "uintr_program.h"
#include "child_wait.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_TRACEES 1024

enum stop_kind { RUNNING = 0, STOP_SIGNAL, STOP_OTHER };

typedef struct {
    pid_t tid;
    pid_t tgid;
    uint8_t used;
    uint8_t started;        /* its first (attach) stop was seen */
    uint8_t announced;      /* Java knows it (EV_START / EV_CLONE sent) */
    uint8_t start_pending;  /* first stop seen before it was announced: resume once announced */
    uint8_t interrupt_req;  /* CMD_INTERRUPT issued, its stop not yet seen */
    uint8_t defer;          /* an interrupt caught it in a syscall: report at that syscall's exit */
    uint8_t want_sysexit;   /* CMD_RESUME_EXIT issued */
    uint8_t write_failed;   /* a CMD_WRITE into it failed in this reply: it gets SIGSEGV */
    uint8_t stop;           /* enum stop_kind */
} tracee;

static tracee g_tr[MAX_TRACEES];
static int g_ntr;
static int g_hi;                                              /* slots at or above it are unused */
static pid_t g_first = -1;
static int g_first_status;
static int g_aborted;
static int g_ended;
static ush_hy_event *g_ev;                                    /* where the pending event goes */
static int g_have_event;
static pid_t g_resume_after;                                  /* a new child to start once its clone is answered */
static timer_t g_timer;
static int g_timer_ready;
static pid_t g_timer_tid;
static int64_t g_timer_at;                                    /* the deadline the timer is set to, 0 none */

static int64_t now_ns(void)
{
    return child_wait_ns(CLOCK_MONOTONIC);
}

/* ---------------------------------------------------------------- tracee table */

static tracee *find(pid_t tid)
{
    for (int i = 0; i < g_hi; i++) {
        if (g_tr[i].used && g_tr[i].tid == tid) {
            return &g_tr[i];
        }
    }
    return NULL;
}

static tracee *add(pid_t tid)
{
    for (int i = 0; i < MAX_TRACEES; i++) {
        if (!g_tr[i].used) {
            memset(&g_tr[i], 0, sizeof g_tr[i]);
            g_tr[i].used = 1;
            g_tr[i].tid = tid;
            g_tr[i].tgid = tid;
            g_ntr++;
            if (i >= g_hi) {
                g_hi = i + 1;
            }
            return &g_tr[i];
        }
    }
    return NULL;
}

static void drop(tracee *t)
{
    t->used = 0;
    g_ntr--;
    while (g_hi > 0 && !g_tr[g_hi - 1].used) {
        g_hi--;
    }
}

static pid_t tgid_of(pid_t tid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/status", (int)tid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return tid;
    }
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) {
        return tid;
    }
    buf[n] = 0;
    char *p = strstr(buf, "\nTgid:");
    return p ? (pid_t)atoi(p + 6) : tid;
}

static void kill_all(void)
{
    for (int i = 0; i < MAX_TRACEES; i++) {
        if (g_tr[i].used) {
            kill(g_tr[i].tgid, SIGKILL);
        }
    }
}

/* ---------------------------------------------------------------- memory */

static int mem_read(pid_t tid, uint64_t addr, void *buf, size_t len)
{
    struct iovec local = {buf, len};
    struct iovec remote = {(void *)(uintptr_t)addr, len};
    ssize_t n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
    if (n == (ssize_t)len) {
        return (int)len;
    }
    memset(buf, 0, len);
    size_t done = 0;
    while (done + 8 <= len) {                                 /* PEEKDATA reads what readv could not */
        errno = 0;
        long w = ptrace(PTRACE_PEEKDATA, tid, (void *)(uintptr_t)(addr + done), 0);
        if (errno) {
            break;
        }
        memcpy((char *)buf + done, &w, 8);
        done += 8;
    }
    return (int)done;
}

static int mem_write(pid_t tid, uint64_t addr, const void *buf, size_t len)
{
    struct iovec local = {(void *)buf, len};
    struct iovec remote = {(void *)(uintptr_t)addr, len};
    if (process_vm_writev(tid, &local, 1, &remote, 1, 0) == (ssize_t)len) {
        return 0;
    }
    return -1;                                                /* not writable for the program either */
}

/* ---------------------------------------------------------------- events and commands */

static struct user_regs_struct g_known_regs;                  /* registers of g_known_tid read at this stop */
static pid_t g_known_tid;

static void send_event(uint32_t kind, pid_t tid, int32_t arg, int32_t arg2, int with_regs)
{
    ush_hy_event e;
    memset(&e, 0, sizeof e);
    e.kind = kind;
    e.tid = tid;
    tracee *t = find(tid);
    e.tgid = t ? t->tgid : tid;
    e.arg = arg;
    e.arg2 = arg2;
    e.now_ns = now_ns();
    if (with_regs) {
        struct user_regs_struct r;
        int known = g_known_tid == tid;
        if (known) {
            r = g_known_regs;
        }
        g_known_tid = 0;
        if (known || ptrace(PTRACE_GETREGS, tid, 0, &r) == 0) {
            memcpy(e.regs, &r, sizeof e.regs);
            if (kind == USH_HY_EV_SIGILL) {
                /* One call for both (every syscall is dear under a paravirtualised kernel); the
                   slow path reads each alone when one of them is not readable. */
                struct iovec local[2] = {{e.insn, sizeof e.insn}, {e.stack, sizeof e.stack}};
                struct iovec remote[2] = {{(void *)(uintptr_t)r.rip, sizeof e.insn}, {(void *)(uintptr_t)r.rsp, sizeof e.stack}};
                if (process_vm_readv(tid, local, 2, remote, 2, 0) == (ssize_t)(sizeof e.insn + sizeof e.stack)) {
                    e.insn_len = sizeof e.insn;
                } else {
                    e.insn_len = (uint32_t)mem_read(tid, r.rip, e.insn, sizeof e.insn);
                    mem_read(tid, r.rsp, e.stack, sizeof e.stack);
                }
            }
        }
    }
    memcpy(g_ev, &e, sizeof e);
    g_have_event = 1;
}

/* Continues t; a thread that owes Java a syscall-exit report keeps being traced through syscalls. */
static void cont(tracee *t, int sig)
{
    t->stop = RUNNING;
    ptrace(t->defer || t->want_sysexit ? PTRACE_SYSCALL : PTRACE_CONT, t->tid, 0, (void *)(intptr_t)sig);
}

static void resume(tracee *t, int sig, int kernel_segv)
{
    if (t->write_failed) {
        sig = SIGSEGV;
        kernel_segv = 1;
        t->write_failed = 0;
    }
    if (sig && t->stop != STOP_SIGNAL) {
        syscall(SYS_tgkill, t->tgid, t->tid, sig);            /* no signal can be injected at this stop */
        sig = 0;
    } else if (sig && kernel_segv) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        si.si_signo = SIGSEGV;
        si.si_code = SI_KERNEL;                               /* what a #GP in user mode gives */
        ptrace(PTRACE_SETSIGINFO, t->tid, 0, &si);
    }
    cont(t, sig);
}

int ush_hybrid_apply(const void *cmds, int len)
{
    const uint8_t *p = cmds, *end = p + (len > 0 ? len : 0);
    while (p && p + sizeof(ush_hy_cmd) <= end) {
        ush_hy_cmd c;
        memcpy(&c, p, sizeof c);
        p += sizeof c;
        if (c.len > USH_HY_MAX_WRITE || c.len > (size_t)(end - p)) {
            return -EINVAL;
        }
        const uint8_t *payload = p;
        p += c.len;
        tracee *t = c.op == USH_HY_CMD_END || c.op == USH_HY_CMD_ABORT ? NULL : find(c.tid);
        switch (c.op) {
        case USH_HY_CMD_END:
            if (g_resume_after) {
                tracee *n = find(g_resume_after);
                if (n && n->start_pending) {
                    n->start_pending = 0;
                    n->started = 1;
                    n->stop = RUNNING;
                    ptrace(PTRACE_CONT, n->tid, 0, 0);
                }
                g_resume_after = 0;
            }
            return 0;
        case USH_HY_CMD_SETREGS:
            if (t && c.len >= sizeof(struct user_regs_struct)) {
                struct user_regs_struct r;
                memcpy(&r, payload, sizeof r);
                ptrace(PTRACE_SETREGS, t->tid, 0, &r);
            }
            break;
        case USH_HY_CMD_WRITE:
            if (t && mem_write(t->tid, c.a, payload, c.len)) {
                t->write_failed = 1;
            }
            break;
        case USH_HY_CMD_RESUME:
            if (t) {
                resume(t, c.sig, c.a == 1);
            }
            break;
        case USH_HY_CMD_RESUME_EXIT:
            if (t) {
                t->want_sysexit = 1;
                cont(t, 0);
            }
            break;
        case USH_HY_CMD_RESUME_DEFER:
            if (t) {
                t->defer = 1;                                 /* deliver when the syscall returns */
                cont(t, 0);
            }
            break;
        case USH_HY_CMD_INTERRUPT:
            if (t) {
                t->interrupt_req = 1;
                ptrace(PTRACE_INTERRUPT, t->tid, 0, 0);
            }
            break;
        case USH_HY_CMD_ABORT:
            if (c.len) {
                fprintf(stderr, "uintr-harness hybrid: %.*s\n", (int)c.len, (const char *)payload);
            }
            ush_hybrid_kill_all();
            break;
        default:
            return -EINVAL;
        }
    }
    return -EINVAL;                                           /* no END */
}

static void ask(uint32_t kind, pid_t tid, int32_t arg, int32_t arg2, int with_regs)
{
    send_event(kind, tid, arg, arg2, with_regs);
}

/* ---------------------------------------------------------------- stops */

static int restarting(const struct user_regs_struct *r)
{
    long ax = (long)r->rax;
    return (long)r->orig_rax >= 0 && (ax == -512 || ax == -513 || ax == -514 || ax == -516);
}

static void on_exit_status(pid_t p, int st)
{
    if (p == g_first) {
        g_first_status = st;
    }
    tracee *t = find(p);
    if (t) {
        drop(t);
        if (!g_aborted) {
            ask(USH_HY_EV_EXIT, p, st, 0, 0);
        }
    }
}

static void on_stop(pid_t p, int st)
{
    int sig = WSTOPSIG(st);
    int ev = (int)((unsigned)st >> 16);
    tracee *t = find(p);
    if (!t) {
        t = add(p);                                           /* an auto-attached child, before its parent's event */
        if (!t) {
            kill(p, SIGKILL);
            return;
        }
        t->tgid = tgid_of(p);
    }
    t->stop = sig == SIGILL && ev == 0 ? STOP_SIGNAL : STOP_OTHER;
    if (g_aborted) {
        kill(p, SIGKILL);
        ptrace(PTRACE_CONT, p, 0, 0);
        return;
    }
    switch (ev) {
    case PTRACE_EVENT_SECCOMP:
        ask(USH_HY_EV_SYSCALL, p, 0, 0, 1);
        return;
    case PTRACE_EVENT_CLONE:
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK: {
        unsigned long child = 0;
        ptrace(PTRACE_GETEVENTMSG, p, 0, &child);
        tracee *c = find((pid_t)child);
        if (!c) {
            c = add((pid_t)child);
        }
        int thread = 0;
        if (c) {
            c->tgid = tgid_of((pid_t)child);
            thread = c->tgid == t->tgid;
            c->announced = 1;
        }
        ask(USH_HY_EV_CLONE, p, (int32_t)child, thread ? 1 : 2, 0);
        g_resume_after = (pid_t)child;                        /* started once Java has answered */
        return;
    }
    case PTRACE_EVENT_EXEC: {
        unsigned long former = 0;
        ptrace(PTRACE_GETEVENTMSG, p, 0, &former);
        if ((pid_t)former != p) {
            tracee *old = find((pid_t)former);
            if (old) {
                drop(old);                                    /* its tid became the leader's */
            }
        }
        t->tgid = p;
        ask(USH_HY_EV_EXEC, p, (int32_t)former, 0, 1);
        return;
    }
    case PTRACE_EVENT_STOP:
        if (!t->started) {
            t->started = 1;
            if (t->announced) {
                t->stop = RUNNING;
                ptrace(PTRACE_CONT, p, 0, 0);
            } else {
                t->start_pending = 1;
            }
            return;
        }
        if (sig == SIGTRAP && t->interrupt_req) {
            t->interrupt_req = 0;
            struct user_regs_struct r;
            int got = ptrace(PTRACE_GETREGS, p, 0, &r) == 0;
            if (got) {
                g_known_regs = r;                             /* the event sends these: no second GETREGS */
                g_known_tid = p;
            }
            /* Inside a sleep: Java says whether the user interrupt ends it (a WAITING cost) or
               waits for its return (CMD_RESUME_DEFER). */
            ask(USH_HY_EV_STOPPED, p, got && restarting(&r) ? 1 : 0, 0, 1);
            return;
        }
        if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU) {
            ptrace(PTRACE_LISTEN, p, 0, 0);                   /* a group stop stays a stop */
            return;
        }
        cont(t, 0);
        return;
    default:
        break;
    }
    if (sig == (SIGTRAP | 0x80)) {                            /* a PTRACE_SYSCALL stop */
        struct __ptrace_syscall_info info;
        memset(&info, 0, sizeof info);
        ptrace(PTRACE_GET_SYSCALL_INFO, p, sizeof info, &info);
        if (info.op == PTRACE_SYSCALL_INFO_ENTRY || info.op == PTRACE_SYSCALL_INFO_SECCOMP) {
            cont(t, 0);
            return;
        }
        if (t->want_sysexit) {
            t->want_sysexit = 0;
            ask(USH_HY_EV_SYSEXIT, p, 0, 0, 1);
        } else if (t->defer) {
            t->defer = 0;
            ask(USH_HY_EV_STOPPED, p, 0, 0, 1);
        } else {
            cont(t, 0);
        }
        return;
    }
    if (sig == SIGILL && ev == 0) {
        ask(USH_HY_EV_SIGILL, p, SIGILL, 0, 1);
        return;
    }
    cont(t, ev == 0 ? sig : 0);                               /* every other signal is the program's */
}

/* ---------------------------------------------------------------- waiting */

static void on_timer(int sig)
{
    (void)sig;
}

/* A POSIX timer aimed at the tracer thread alone: its signal ends a blocking waitpid with EINTR. */
static int arm(int64_t deadline_ns)
{
    static __thread pid_t self;
    if (!self) {
        self = (pid_t)syscall(SYS_gettid);                    /* once per thread: a syscall an event is dear */
    }
    if (!g_timer_ready || g_timer_tid != self) {
        if (g_timer_ready) {
            timer_delete(g_timer);
            g_timer_ready = 0;
        }
        int sig = SIGRTMIN + 6;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_timer;                             /* no SA_RESTART */
        sigaction(sig, &sa, NULL);
        struct sigevent sev;
        memset(&sev, 0, sizeof sev);
        sev.sigev_notify = SIGEV_THREAD_ID;
        sev.sigev_signo = sig;
        sev._sigev_un._tid = self;
        if (timer_create(CLOCK_MONOTONIC, &sev, &g_timer)) {
            return -errno;
        }
        g_timer_ready = 1;
        g_timer_tid = self;
        g_timer_at = 0;
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, sig);
        pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    }
    if (deadline_ns == g_timer_at) {
        return 0;                                             /* already set: no call */
    }
    g_timer_at = deadline_ns;
    struct itimerspec it;
    memset(&it, 0, sizeof it);
    if (deadline_ns > 0) {
        it.it_value.tv_sec = deadline_ns / 1000000000LL;
        it.it_value.tv_nsec = deadline_ns % 1000000000LL;
        it.it_interval.tv_nsec = 5000000;                     /* again every 5 ms: a tick that came just
                                                                 before waitpid blocked is not the last */
    }
    return timer_settime(g_timer, TIMER_ABSTIME, &it, NULL) ? -errno : 0;
}

int ush_hybrid_wait(void *ev, int evlen, int64_t deadline_ns)
{
    if (!ev || evlen < (int)sizeof(ush_hy_event)) {
        return -EINVAL;
    }
    g_ev = ev;
    g_have_event = 0;
    int armed = 0;
    while (!g_have_event) {
        if (g_ntr == 0 || g_ended) {
            g_ended = 1;
            send_event(USH_HY_EV_END, g_first, g_first_status, g_aborted, 0);
            break;
        }
        if (deadline_ns > 0 && now_ns() >= deadline_ns) {
            break;
        }
        if (!armed && deadline_ns > 0) {
            int r = arm(deadline_ns);
            if (r) {
                return r;
            }
            armed = 1;
        }
        int st = 0;
        pid_t p = waitpid(-1, &st, __WALL);
        if (p < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == ECHILD) {
                g_ntr = 0;                                    /* nothing is left to wait for */
                continue;
            }
            return -errno;
        }
        if (WIFEXITED(st) || WIFSIGNALED(st)) {
            on_exit_status(p, st);
        } else if (WIFSTOPPED(st)) {
            on_stop(p, st);
        }
    }
    if (g_ended) {
        arm(0);                                               /* the session is over: no stray tick later */
    }
    return g_have_event ? 1 : 0;
}

void ush_hybrid_kill_all(void)
{
    g_aborted = 1;
    kill_all();
}

/* ---------------------------------------------------------------- starting */

static int install_filter(const int32_t *traps, int n)
{
    struct sock_filter f[6 + 2 * USH_HY_MAX_TRAPS];
    int k = 0;
    f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
    for (int i = 0; i < n; i++) {
        f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)traps[i], 0, 1);
        f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
    }
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    struct sock_fprog prog = {(unsigned short)k, f};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) {
        return -errno;
    }
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog)) {
        return -errno;
    }
    return 0;
}

typedef struct {
    char **argv;
    const char *profile;
} exec_arg;

static void start_exec(void *p)
{
    const exec_arg *a = p;
    if (a->profile) {
        setenv("UINTR_HARNESS_PROFILE", a->profile, 1);
    } else {
        unsetenv("UINTR_HARNESS_PROFILE");
    }
    execvp(a->argv[0], a->argv);
    fprintf(stderr, "uintr-harness exec: cannot run %s: %s\n", a->argv[0], strerror(errno));
    _exit(127);
}

static void start_program(void *unused)
{
    (void)unused;
    ush_prog_child();
}

int ush_hy_begin(void (*start)(void *), void *arg, int close_fds, const int32_t *traps, int ntraps)
{
    if (ntraps < 0 || ntraps > USH_HY_MAX_TRAPS) {
        return -EINVAL;
    }
    if (g_ntr > 0 && !g_ended) {
        return -EBUSY;                                        /* one session at a time */
    }
    memset(g_tr, 0, sizeof g_tr);
    g_ntr = 0;
    g_hi = 0;
    g_aborted = 0;
    g_ended = 0;
    g_first_status = 0;
    g_resume_after = 0;
    int gate[2];
    if (pipe2(gate, O_CLOEXEC)) {
        return -errno;
    }
    pid_t child = fork();
    if (child < 0) {
        int e = errno;
        close(gate[0]);
        close(gate[1]);
        return -e;
    }
    if (child == 0) {
        char c;
        prctl(PR_SET_PDEATHSIG, SIGKILL);                     /* the tracer thread is gone: so are we */
        close(gate[1]);
        if (read(gate[0], &c, 1) != 1) {
            _exit(126);                                       /* the tracer gave up */
        }
        close(gate[0]);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);                /* the JVM thread's mask is not the program's */
        for (int s = 1; s < 65; s++) {
            if (s != SIGKILL && s != SIGSTOP) {
                signal(s, SIG_DFL);                           /* nor are the JVM's handlers */
            }
        }
        if (close_fds) {
            syscall(SYS_close_range, 3, ~0U, 0);              /* the JVM's descriptors stay with the JVM */
        }
        int bad = install_filter(traps, ntraps);
        if (bad) {
            fprintf(stderr, "uintr-harness hybrid: seccomp filter refused: %s\n", strerror(-bad));
            _exit(126);
        }
        start(arg);
        _exit(0);
    }
    close(gate[0]);
    long opts = PTRACE_O_EXITKILL | PTRACE_O_TRACESECCOMP | PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK
                | PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC | PTRACE_O_TRACESYSGOOD;
    if (ptrace(PTRACE_SEIZE, child, 0, (void *)opts)) {
        int e = errno;
        kill(child, SIGKILL);
        close(gate[1]);
        waitpid(child, NULL, __WALL);
        return -e;
    }
    g_first = child;
    tracee *t = add(child);
    t->started = 1;
    t->announced = 1;
    if (write(gate[1], "g", 1) != 1) {
        kill(child, SIGKILL);
    }
    close(gate[1]);
    return child;
}

int ush_hybrid_begin_exec(const char *argv_blob, int blob_len, int argc, const char *profile,
                          const int32_t *traps, int ntraps)
{
    if (!argv_blob || blob_len <= 0 || argc < 1 || argc > 4096) {
        return -EINVAL;
    }
    char **argv = calloc((size_t)argc + 1, sizeof(char *));
    if (!argv) {
        return -ENOMEM;
    }
    const char *p = argv_blob, *end = argv_blob + blob_len;
    for (int i = 0; i < argc; i++) {
        if (p >= end) {
            free(argv);
            return -EINVAL;
        }
        argv[i] = (char *)p;
        p += strnlen(p, (size_t)(end - p)) + 1;
    }
    exec_arg a = {argv, profile};
    int r = ush_hy_begin(start_exec, &a, 1, traps, ntraps);                         /* the child has its copy from fork */
    free(argv);
    return r;
}

int ush_hybrid_begin_program(const void *prog, int len, const int32_t *traps, int ntraps)
{
    int bad = ush_prog_setup(prog, len);
    if (bad) {
        return bad;
    }
    int r = ush_hy_begin(start_program, NULL, 0, traps, ntraps);
    if (r < 0) {
        ush_prog_discard();                                   /* no result will be asked for */
    }
    return r;
}

int ush_hybrid_program_result(void *out, int outlen, int32_t run_status, int32_t st)
{
    if (!out || outlen < ush_program_out_size()) {
        return -EINVAL;
    }
    ush_prog_finish(out, run_status, WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    return 0;
}

/* ---------------------------------------------------------------- identity */

int ush_hybrid_abi(void) { return USH_HY_ABI_VERSION; }

int ush_hybrid_event_size(void) { return (int)sizeof(ush_hy_event); }

/* ---------------------------------------------------------------- the tracer's priority */

#include <sched.h>

static int g_boost = -1;                                      /* USH_HY_BOOST_* in effect, -1 not raised */
static int g_boost_depth;                                     /* nested raises (a floor inside a session) */
static int g_saved_policy;
static struct sched_param g_saved_param;
static int g_saved_nice;

int ush_hy_boost(void)
{
    g_boost_depth++;
    if (g_boost >= 0) {
        return g_boost;
    }
    g_saved_policy = sched_getscheduler(0);
    sched_getparam(0, &g_saved_param);
    errno = 0;
    g_saved_nice = getpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid));
    /* Reset-on-fork first, so that the program forked from this thread starts at nice 0 again. */
    if (g_saved_nice > -10 && sched_setscheduler(0, g_saved_policy | SCHED_RESET_ON_FORK, &g_saved_param) == 0
            && setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), -10) == 0) {
        g_boost = USH_HY_BOOST_NICE;
    } else {
        sched_setscheduler(0, g_saved_policy, &g_saved_param);
        g_boost = USH_HY_BOOST_NONE;
    }
    return g_boost;
}

void ush_hy_unboost(void)
{
    if (g_boost_depth == 0 || --g_boost_depth > 0) {
        return;
    }
    if (g_boost == USH_HY_BOOST_NICE) {
        setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), g_saved_nice);
        sched_setscheduler(0, g_saved_policy, &g_saved_param);
    }
    g_boost = -1;
}

int ush_hybrid_priority(int on)
{
    if (on) {
        return ush_hy_boost();
    }
    ush_hy_unboost();
    return g_boost < 0 ? USH_HY_BOOST_NONE : g_boost;
}
