/*
 * The conformance program runner (see include/uintr_program.h). ush_program_run forks a child
 * in its own process group; the child starts one pthread per program of the first process,
 * each executing its steps; fork steps fork the calling thread's process, whose child runs the
 * nested program. SIGILL/SIGSEGV raised by our SENDUIPI (always encoded as F3 0F C7 F0,
 * "senduipi %rax") are caught and the 4-byte instruction skipped, as the kernel selftests do;
 * any other fault kills the child, which the parent reports. The parent polls the child and
 * kills the whole group at the deadline, so a missed wakeup is a TIMEOUT, never a hang.
 */
#include "uintr_program.h"
#include "hybrid_internal.h"

#include "program_tls.h"
struct __uintr_frame;
void ush_program_handler(struct __uintr_frame *frame, unsigned long long vector);

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include <x86gprintrin.h>

/* What an exec step hands the new image of its process: where to go on, and the process's memory it needs. */
typedef struct {
    uint32_t pc;                              /* the exec step */
    int32_t mailbox[2];
    uint32_t barrier_passes[USH_PROG_MAX_BARRIERS];
    int64_t vars[USH_PROG_MAX_VARS];
    uint8_t bound[USH_PROG_MAX_VARS];
} exec_cont;

/*
 * The run's shared area: a memfd (close-on-exec; an exec step passes a duplicate), mapped shared
 * by the JVM's runner, every process of the run and the images exec steps start. The program
 * blob follows it (blob_len bytes), so an exec'd image reads the same program.
 */
typedef struct {
    ush_prog_out out;
    uint32_t barrier_arrived[USH_PROG_MAX_BARRIERS];
    int32_t pids[USH_PROG_MAX_THREADS];       /* the process a forked program runs in */
    int32_t tids[USH_PROG_MAX_THREADS];       /* each program's thread and process ids, once it runs (signal steps) */
    int32_t tgids[USH_PROG_MAX_THREADS];
    uint32_t blob_len;
    uint32_t pad;
    exec_cont cont[USH_PROG_MAX_THREADS];     /* written by a program's exec step just before execve */
} shared_area;

static const ush_prog_header *g_hdr;
static const ush_prog_thread *g_threads;
static const ush_prog_step *g_steps;
static shared_area *g_shared;
static size_t g_shared_size;                 /* the mapping: the area and the blob after it */
static int g_memfd = -1;                     /* the area's memfd in the runner (close-on-exec) */
static char g_exec_path[4096];               /* what an exec step runs (ush_program_set_exec) */
/* The named results; the handler reads them too (a SENDUIPI in its body). */
USH_HIDDEN int64_t ush_prog_vars[USH_PROG_MAX_VARS];
USH_HIDDEN uint8_t ush_prog_bound[USH_PROG_MAX_VARS];
#define g_vars ush_prog_vars
#define g_bound ush_prog_bound

static int g_mailbox[2] = {-1, -1};         /* AF_UNIX datagram socketpair: send on [0], receive on [1] */
#define tls_fault ush_prog_tls_fault
static __thread uint32_t tls_barrier_passes[USH_PROG_MAX_BARRIERS];

int ush_program_abi(void) { return USH_PROG_ABI_VERSION; }

/* The two resume points the frame step knows exactly (program_tls.h). */
__asm__(".text\n"
        ".p2align 4\n"
        ".globl ush_prog_stui\n.hidden ush_prog_stui\n.type ush_prog_stui, @function\n"
        "ush_prog_stui:\n"
        "    stui\n"
        ".globl ush_prog_after_stui\n.hidden ush_prog_after_stui\n"
        "ush_prog_after_stui:\n"
        "    ret\n"
        ".size ush_prog_stui, .-ush_prog_stui\n"
        ".p2align 4\n"
        ".globl ush_prog_raw_syscall\n.hidden ush_prog_raw_syscall\n.type ush_prog_raw_syscall, @function\n"
        "ush_prog_raw_syscall:\n"
        "    movq %rdi, %rax\n"
        "    movq %rsi, %rdi\n"
        "    movq %rdx, %rsi\n"
        "    movq %rcx, %rdx\n"
        "    syscall\n"
        ".globl ush_prog_after_syscall\n.hidden ush_prog_after_syscall\n"
        "ush_prog_after_syscall:\n"
        "    ret\n"
        ".size ush_prog_raw_syscall, .-ush_prog_raw_syscall\n");

int ush_program_out_size(void) { return (int)sizeof(ush_prog_out); }

/* ---------------------------------------------------------------- faults */

static void on_fault(int sig, siginfo_t *si, void *ctx)
{
    (void)si;
    ucontext_t *uc = ctx;
    const uint8_t *rip = (const uint8_t *)uc->uc_mcontext.gregs[REG_RIP];
    if (rip[0] == 0xf3 && rip[1] == 0x0f && rip[2] == 0xc7 && rip[3] == 0xf0) {
        uc->uc_mcontext.gregs[REG_RIP] += 4;                  /* skip our senduipi %rax */
        tls_fault = sig;
        return;
    }
    signal(sig, SIG_DFL);                                     /* not ours: die of it on return */
}

/* SIGUSR1 / SIGUSR2 from a signal step: logged where the handler ran (no SA_RESTART: a sleep returns EINTR). */
static void on_user_signal(int sig)
{
    if (ush_prog_tls_log) {
        uint32_t i = __atomic_fetch_add(&ush_prog_tls_log->nevents, 1, __ATOMIC_SEQ_CST);
        if (i < USH_PROG_MAX_EVENTS) {
            ush_prog_tls_log->ev[i].step = 0;
            ush_prog_tls_log->ev[i].value = sig;
            __atomic_store_n(&ush_prog_tls_log->ev[i].kind, USH_EV_SIGNAL, __ATOMIC_RELEASE);
        }
    }
}

static int install_fault_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGILL, &sa, NULL) || sigaction(SIGSEGV, &sa, NULL)) {
        return -errno;
    }
    struct sigaction su;
    memset(&su, 0, sizeof su);
    su.sa_handler = on_user_signal;
    sigemptyset(&su.sa_mask);
    if (sigaction(SIGUSR1, &su, NULL) || sigaction(SIGUSR2, &su, NULL)) {
        return -errno;
    }
    return 0;
}

/* ---------------------------------------------------------------- recording */

/* Takes the next slot of this thread's log; it reads as nothing (kind 0) until filled. */
static uint32_t reserve(void)
{
    return __atomic_fetch_add(&ush_prog_tls_log->nevents, 1, __ATOMIC_SEQ_CST);
}

static void fill(uint32_t i, uint32_t kind, uint32_t step, int64_t value)
{
    ush_prog_log *log = ush_prog_tls_log;
    if (i >= USH_PROG_MAX_EVENTS) {
        return;
    }
    log->ev[i].step = step;
    log->ev[i].value = value;
    __atomic_store_n(&log->ev[i].kind, kind, __ATOMIC_RELEASE);
}

static void record(uint32_t kind, uint32_t step, int64_t value)
{
    fill(reserve(), kind, step, value);
}

/* ---------------------------------------------------------------- steps */

/* Argument i (dflt past nargs); -1 when the slot names a result never bound, even past nargs. */
static int arg_value(const ush_prog_step *s, int i, int64_t dflt, int64_t *v)
{
    const ush_prog_arg *a = &s->args[i];
    if (a->var >= 0 && !__atomic_load_n(&g_bound[a->var], __ATOMIC_ACQUIRE)) {
        return -1;
    }
    if (i >= s->nargs) {
        *v = dflt;
        return 0;
    }
    *v = a->var < 0 ? a->value : __atomic_load_n(&g_vars[a->var], __ATOMIC_ACQUIRE) + a->value;
    return 0;
}

static int64_t sys3(int which, int64_t a0, int64_t a1, int64_t a2)
{
    int nr = g_hdr->nr[which];
    if (nr < 0) {
        return -ENOSYS;                                      /* never call a number the probe did not confirm */
    }
    return ush_prog_raw_syscall(nr, a0, a1, a2);
}

static int64_t ok_or_errno(long r)
{
    return r < 0 ? -(int64_t)errno : (int64_t)r;
}

static int64_t send_fd(int fd)
{
    char byte = 0;
    struct iovec iov = {&byte, 1};
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } u;
    memset(&u, 0, sizeof u);
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf};
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof(int));
    return sendmsg(g_mailbox[0], &msg, 0) < 0 ? -(int64_t)errno : 0;
}

static int64_t recv_fd(void)
{
    char byte;
    struct iovec iov = {&byte, 1};
    union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } u;
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf};
    ssize_t n;
    do {
        n = recvmsg(g_mailbox[1], &msg, 0);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        return -(int64_t)errno;
    }
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    if (!c || c->cmsg_type != SCM_RIGHTS) {
        return -EBADMSG;
    }
    int fd;
    memcpy(&fd, CMSG_DATA(c), sizeof(int));
    return fd;
}

static void sleep_usec(int64_t usec)
{
    struct timespec ts = {usec / 1000000, (usec % 1000000) * 1000};
    while (ush_prog_raw_syscall(SYS_nanosleep, (int64_t)(uintptr_t)&ts, (int64_t)(uintptr_t)&ts, 0) == -EINTR) {
    }
}

/* A user-mode busy wait: clock_gettime is the vDSO, so no syscall (the thread is never switched out by it). */
static void spin_usec(int64_t usec)
{
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    do {
        __builtin_ia32_pause();
        clock_gettime(CLOCK_MONOTONIC, &t);
    } while ((t.tv_sec - t0.tv_sec) * 1000000 + (t.tv_nsec - t0.tv_nsec) / 1000 < usec);
}

static void run_program(int prog);
static void run_program_from(int prog, uint32_t first, int resumed);

int ush_program_set_exec(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    if (n >= sizeof g_exec_path) {
        return -EINVAL;
    }
    memcpy(g_exec_path, path ? path : "", n + 1);
    return 0;
}

/*
 * exec: this process (a fork child, one thread) execve()s the exec runner, which continues the
 * program after step pc in the new image (ush_prog_continue). Kept across the exec as the kernel
 * keeps them: descriptors without close-on-exec (the mailbox, a received fd), the pid. Passed in
 * the shared area: the named results and barrier passes (memory the new image does not have).
 * Returns only when execve failed: -errno.
 */
static int64_t exec_step(int prog, uint32_t pc)
{
    if (!g_exec_path[0]) {
        return -ENOENT;
    }
    exec_cont *c = &g_shared->cont[prog];
    c->pc = pc;
    c->mailbox[0] = g_mailbox[0];
    c->mailbox[1] = g_mailbox[1];
    memcpy(c->barrier_passes, tls_barrier_passes, sizeof c->barrier_passes);
    memcpy(c->vars, g_vars, sizeof c->vars);
    memcpy(c->bound, g_bound, sizeof c->bound);
    int fd = fcntl(g_memfd, F_DUPFD, 3);                      /* a duplicate does not carry close-on-exec */
    if (fd < 0) {
        return -(int64_t)errno;
    }
    char fd_text[16], prog_text[16];
    snprintf(fd_text, sizeof fd_text, "%d", fd);
    snprintf(prog_text, sizeof prog_text, "%d", prog);
    char *argv[] = {g_exec_path, "--continue", fd_text, prog_text, NULL};
    execve(g_exec_path, argv, environ);
    int e = errno;
    close(fd);
    return -(int64_t)e;
}

/* Reaps this process's children; a forked program whose process died of a signal gets 0x100 | signal. */
static void wait_children(void)
{
    for (;;) {
        int st = 0;
        pid_t p = wait(&st);
        if (p < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (WIFSIGNALED(st)) {
            for (uint32_t i = 0; i < g_hdr->nprogs; i++) {
                if (__atomic_load_n(&g_shared->pids[i], __ATOMIC_ACQUIRE) == p) {
                    __atomic_store_n(&g_shared->out.log[i].finished, 0x100u | (uint32_t)WTERMSIG(st), __ATOMIC_RELEASE);
                }
            }
        }
    }
}

/*
 * The handler register_plain_handler registers: a regular function. Entered by a delivery, its
 * return address is the pushed vector (uintr-isa §9); it records the delivery like the real
 * handler, then its ret jumps to that low address and the process dies of SIGSEGV.
 */
__attribute__((noinline)) static void plain_handler(void)
{
    uint64_t vector = (uint64_t)(uintptr_t)__builtin_return_address(0);
    ush_prog_log *log = ush_prog_tls_log;
    if (log) {
        uint32_t i = __atomic_fetch_add(&log->nevents, 1, __ATOMIC_SEQ_CST);
        if (i < USH_PROG_MAX_EVENTS) {
            log->ev[i].step = 0;
            log->ev[i].value = (int64_t)(vector & 0x3f);
            __atomic_store_n(&log->ev[i].kind, USH_EV_DELIVERY, __ATOMIC_RELEASE);
        }
    }
}

/* Executes one step; returns 0, or -1 when an argument was unbound. */
static int step(int prog, uint32_t pc, const ush_prog_step *s)
{
    int64_t a0 = 0, a1 = 0, a2 = 0, r = 0;
    if (arg_value(s, 0, 0, &a0) || arg_value(s, 1, 0, &a1) || arg_value(s, 2, 0, &a2)) {
        return -1;
    }
    /* A syscall step's arguments arrive in its syscall's order for the profile (the codec's work). */
    switch (s->op) {
    case USH_OP_REGISTER_HANDLER:
        r = sys3(USH_NR_REGISTER_HANDLER, (int64_t)(uintptr_t)ush_program_handler, a0, a1);
        break;
    case USH_OP_REGISTER_PLAIN_HANDLER:
        r = sys3(USH_NR_REGISTER_HANDLER, (int64_t)(uintptr_t)plain_handler, a0, a1);
        break;
    case USH_OP_UNREGISTER_HANDLER:
        r = sys3(USH_NR_UNREGISTER_HANDLER, a0, a1, a2);
        break;
    case USH_OP_VECTOR_FD:
        r = sys3(USH_NR_VECTOR_FD, a0, a1, a2);
        break;
    case USH_OP_REGISTER_SENDER:
        r = sys3(USH_NR_REGISTER_SENDER, a0, a1, a2);
        break;
    case USH_OP_UNREGISTER_SENDER:
        r = sys3(USH_NR_UNREGISTER_SENDER, a0, a1, a2);
        break;
    case USH_OP_REGISTER_SELF:
        r = sys3(USH_NR_REGISTER_SELF, a0, a1, a2);
        break;
    case USH_OP_SEND_FD:
        r = send_fd((int)a0);
        break;
    case USH_OP_RECV_FD:
        r = recv_fd();
        break;
    case USH_OP_EVENTFD:
        r = ok_or_errno(eventfd(0, 0));
        break;
    case USH_OP_CLOSE:
        r = ok_or_errno(close((int)a0));
        break;
    case USH_OP_UINTR_WAIT:
        r = sys3(USH_NR_WAIT, a0, a1, a2);
        break;
    case USH_OP_SENDUIPI:
        tls_fault = 0;
        __asm__ volatile("senduipi %%rax" : : "a"(a0) : "memory");
        r = tls_fault == SIGILL ? 1 : tls_fault == SIGSEGV ? 2 : 0;
        break;
    case USH_OP_STUI: {
        /* A pending user interrupt is delivered at the boundary right after STUI (uintr-isa §7.2,
         * §9), before any code of ours could log the step. The step's slot is taken first and
         * filled once STUI has retired, so the log reads "stui; deliver", the order in which they
         * happened, and a STUI that faults leaves its slot empty. Found by the hybrid backend. */
        uint32_t slot = reserve();
        ush_prog_stui();
        fill(slot, USH_EV_STEP, pc, 0);
        return 0;
    }
    case USH_OP_CLUI:
        _clui();
        break;
    case USH_OP_TESTUI:
        r = _testui() ? 1 : 0;
        break;
    case USH_OP_SLEEP:
        sleep_usec(a0);
        break;
    case USH_OP_SPIN:
        spin_usec(a0);
        break;
    case USH_OP_ALT_STACK: {
        uint64_t base = 0;
        if (s->child > 0) {                                  /* a new buffer, with as much mapped below it */
            size_t sz = ((size_t)a1 + 4095) & ~(size_t)4095;
            void *m = mmap(NULL, 2 * sz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (m == MAP_FAILED) {
                r = -(int64_t)errno;
                break;
            }
            base = (uint64_t)(uintptr_t)m + sz;
        }
        r = sys3(USH_NR_ALT_STACK, base ? (int64_t)(base + (uint64_t)a0) : 0, a1, a2);
        if (r == 0) {
            ush_prog_tls_alt_base = base;
            ush_prog_tls_alt_size = base ? (uint64_t)a1 : 0;
            ush_prog_tls_alt_step = base ? pc + 1 : 0;
        }
        break;
    }
    case USH_OP_IPI_FD:
        r = sys3(USH_NR_IPI_FD, a0, a1, a2);
        break;
    case USH_OP_IOCTL:
        r = ok_or_errno(ioctl((int)a0, (unsigned long)a1, 0));
        break;
    case USH_OP_SIGNAL: {
        int target = (int)a0;
        if (target < 0 || target >= (int)g_hdr->nprogs) {
            r = -EINVAL;
            break;
        }
        while (!__atomic_load_n(&g_shared->tids[target], __ATOMIC_ACQUIRE)) {
            sched_yield();                                   /* not started yet (the run's deadline bounds this) */
        }
        r = ok_or_errno(syscall(SYS_tgkill, __atomic_load_n(&g_shared->tgids[target], __ATOMIC_ACQUIRE),
                                __atomic_load_n(&g_shared->tids[target], __ATOMIC_ACQUIRE), (int)a1));
        break;
    }
    case USH_OP_EXEC:
        r = exec_step(prog, pc);
        break;
    case USH_OP_NANOSLEEP: {
        struct timespec ts = {a0 / 1000000, (a0 % 1000000) * 1000};
        r = ush_prog_raw_syscall(SYS_nanosleep, (int64_t)(uintptr_t)&ts, 0, 0);
        break;
    }
    case USH_OP_SPIN_UNTIL:
        while (ush_prog_tls_deliveries < (uint64_t)a0) {
            __builtin_ia32_pause();
        }
        break;
    case USH_OP_BARRIER: {
        int k = s->child;
        uint32_t gen = ++tls_barrier_passes[k];
        __atomic_add_fetch(&g_shared->barrier_arrived[k], 1, __ATOMIC_SEQ_CST);
        while (__atomic_load_n(&g_shared->barrier_arrived[k], __ATOMIC_SEQ_CST) < gen * g_hdr->barrier_parties[k]) {
            sched_yield();
        }
        break;
    }
    case USH_OP_FORK: {
        pid_t pid = fork();
        if (pid > 0) {
            __atomic_store_n(&g_shared->pids[s->child], pid, __ATOMIC_RELEASE);
        }
        if (pid == 0) {
            ush_prog_tls_deliveries = 0;
            run_program(s->child);
            wait_children();
            _exit(0);
        }
        r = pid < 0 ? -(int64_t)errno : 0;
        break;
    }
    case USH_OP_MARK:
    default:
        break;
    }
    if (s->bind >= 0 && r >= 0 && s->op != USH_OP_SENDUIPI) {
        __atomic_store_n(&g_vars[s->bind], r, __ATOMIC_RELEASE);
        __atomic_store_n(&g_bound[s->bind], 1, __ATOMIC_RELEASE);
    }
    record(USH_EV_STEP, pc, r);
    (void)prog;
    return 0;
}

static void run_program(int prog)
{
    run_program_from(prog, 0, 0);
}

/* Runs prog's steps from first; resumed: first is an exec step that succeeded (the new image logs it). */
static void run_program_from(int prog, uint32_t first, int resumed)
{
    const ush_prog_thread *t = &g_threads[prog];
    ush_prog_tls_alt_base = 0;
    ush_prog_tls_alt_size = 0;
    ush_prog_tls_alt_step = 0;
    ush_prog_tls_body_n = t->nhandler;
    ush_prog_tls_body = t->nhandler ? &g_steps[t->first_step + t->nsteps] : 0;
    ush_prog_tls_log = &g_shared->out.log[prog];
    __atomic_store_n(&g_shared->tgids[prog], (int32_t)getpid(), __ATOMIC_RELEASE);
    __atomic_store_n(&g_shared->tids[prog], (int32_t)syscall(SYS_gettid), __ATOMIC_RELEASE);
    if (resumed) {
        record(USH_EV_STEP, first++, 0);
    }
    for (uint32_t pc = first; pc < t->nsteps; pc++) {
        const ush_prog_step *s = &g_steps[t->first_step + pc];
        if (step(prog, pc, s)) {
            record(USH_EV_UNBOUND, pc, 0);
        }
    }
    __atomic_store_n(&ush_prog_tls_log->finished, 1, __ATOMIC_RELEASE);
}

static void *thread_main(void *arg)
{
    run_program((int)(intptr_t)arg);
    return NULL;
}

static void child_main(void)
{
    pthread_t th[USH_PROG_MAX_THREADS];
    int n = 0;
    if (install_fault_handlers()) {
        _exit(3);
    }
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, g_mailbox)) {
        _exit(5);
    }
    for (uint32_t i = 0; i < g_hdr->nprogs; i++) {
        if (g_threads[i].forked_by < 0) {
            if (pthread_create(&th[n], NULL, thread_main, (void *)(intptr_t)i)) {
                _exit(4);
            }
            n++;
        }
    }
    for (int i = 0; i < n; i++) {
        pthread_join(th[i], NULL);
    }
    wait_children();
    _exit(0);
}

/* ---------------------------------------------------------------- validation and the parent */

static int validate(const void *prog, int len)
{
    if (len < (int)sizeof(ush_prog_header)) {
        return -EINVAL;
    }
    const ush_prog_header *h = prog;
    if (h->magic != USH_PROG_MAGIC || h->version != USH_PROG_ABI_VERSION || h->nprogs < 1
        || h->nprogs > USH_PROG_MAX_THREADS || h->nsteps > USH_PROG_MAX_STEPS) {
        return -EINVAL;
    }
    size_t need = sizeof(ush_prog_header) + h->nprogs * sizeof(ush_prog_thread) + h->nsteps * sizeof(ush_prog_step);
    if ((size_t)len != need) {
        return -EINVAL;
    }
    const ush_prog_thread *t = (const void *)(h + 1);
    const ush_prog_step *s = (const void *)(t + h->nprogs);
    for (uint32_t i = 0; i < h->nprogs; i++) {
        if ((uint64_t)t[i].first_step + t[i].nsteps + t[i].nhandler > h->nsteps || t[i].forked_by >= (int32_t)h->nprogs) {
            return -EINVAL;
        }
        for (uint32_t k = 0; k < t[i].nhandler; k++) {
            uint16_t op = s[t[i].first_step + t[i].nsteps + k].op;
            if (op != USH_OP_TESTUI && op != USH_OP_MARK && op != USH_OP_SENDUIPI && op != USH_OP_DELIVERIES
                && op != USH_OP_FRAME) {
                return -EINVAL;                              /* a handler body runs only what the handler can */
            }
        }
    }
    for (uint32_t i = 0; i < h->nsteps; i++) {
        if (s[i].op < USH_OP_REGISTER_HANDLER || s[i].op > USH_OP_LAST || s[i].nargs > 3
            || s[i].bind >= USH_PROG_MAX_VARS) {
            return -EINVAL;
        }
        if (s[i].op == USH_OP_FORK && (s[i].child < 0 || s[i].child >= (int)h->nprogs)) {
            return -EINVAL;
        }
        if (s[i].op == USH_OP_BARRIER && (s[i].child < 0 || s[i].child >= USH_PROG_MAX_BARRIERS)) {
            return -EINVAL;
        }
        for (int a = 0; a < s[i].nargs; a++) {
            if (s[i].args[a].var >= USH_PROG_MAX_VARS) {
                return -EINVAL;
            }
        }
    }
    return 0;
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int ush_prog_setup(const void *prog, int len)
{
    int bad = validate(prog, len);
    if (bad) {
        return bad;
    }
    size_t size = sizeof(shared_area) + (size_t)len;
    int fd = (int)syscall(SYS_memfd_create, "uintr-program", 1u /* MFD_CLOEXEC */);
    if (fd < 0) {
        return -errno;
    }
    if (ftruncate(fd, (off_t)size)) {
        int e = errno;
        close(fd);
        return -e;
    }
    shared_area *sh = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (sh == MAP_FAILED) {
        int e = errno;
        close(fd);
        return -e;
    }
    memset(sh, 0, sizeof *sh);
    sh->blob_len = (uint32_t)len;
    memcpy(sh + 1, prog, (size_t)len);                       /* the caller's buffer may go before the run ends */
    g_memfd = fd;
    g_shared_size = size;
    g_hdr = (const void *)(sh + 1);
    g_threads = (const void *)(g_hdr + 1);
    g_steps = (const void *)(g_threads + g_hdr->nprogs);
    g_shared = sh;
    memset(g_vars, 0, sizeof g_vars);
    memset(g_bound, 0, sizeof g_bound);
    return 0;
}

void ush_prog_child(void)
{
    setpgid(0, 0);
    child_main();
}

void ush_prog_finish(void *out, int32_t status, int32_t signal)
{
    shared_area *sh = g_shared;
    sh->out.status = status;
    sh->out.signal = signal;
    sh->out.nprogs = g_hdr->nprogs;
    memcpy(out, &sh->out, sizeof(ush_prog_out));
    munmap(sh, g_shared_size);
    close(g_memfd);
    g_memfd = -1;
    g_shared = NULL;
}

void ush_prog_discard(void)
{
    if (g_shared) {
        munmap(g_shared, g_shared_size);
        g_shared = NULL;
    }
    if (g_memfd >= 0) {
        close(g_memfd);
        g_memfd = -1;
    }
}

/*
 * main() of the exec runner (native/exec/program_exec.c). "--continue FD PROG": the image an exec
 * step started; maps the shared area, takes back what exec_step left there and runs PROG on from
 * the step after its exec. "--probe": prints "uintr-program-exec ABI" (the harness checks the
 * file it would run can run here). Anything else: exit 2.
 */
int ush_prog_continue(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--probe") == 0) {
        printf("uintr-program-exec %d\n", USH_PROG_ABI_VERSION);
        return 0;
    }
    if (argc != 4 || strcmp(argv[1], "--continue") != 0) {
        fprintf(stderr, "usage: uintr-program-exec --continue FD PROG (started by the program runner's exec step)\n");
        return 2;
    }
    int fd = atoi(argv[2]);
    int prog = atoi(argv[3]);
    struct stat st;
    if (fstat(fd, &st) || (size_t)st.st_size < sizeof(shared_area) + sizeof(ush_prog_header)) {
        return 3;
    }
    shared_area *sh = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (sh == MAP_FAILED || (size_t)st.st_size != sizeof(shared_area) + sh->blob_len
        || validate(sh + 1, (int)sh->blob_len)) {
        return 3;
    }
    g_shared = sh;
    g_shared_size = (size_t)st.st_size;
    g_hdr = (const void *)(sh + 1);
    g_threads = (const void *)(g_hdr + 1);
    g_steps = (const void *)(g_threads + g_hdr->nprogs);
    if (prog < 0 || prog >= (int)g_hdr->nprogs || sh->cont[prog].pc >= g_threads[prog].nsteps) {
        return 3;
    }
    const exec_cont *c = &sh->cont[prog];
    memcpy(g_vars, c->vars, sizeof g_vars);
    memcpy(g_bound, c->bound, sizeof g_bound);
    memcpy(tls_barrier_passes, c->barrier_passes, sizeof tls_barrier_passes);
    g_mailbox[0] = c->mailbox[0];
    g_mailbox[1] = c->mailbox[1];
    if (install_fault_handlers()) {
        return 3;
    }
    run_program_from(prog, c->pc, 1);
    wait_children();
    return 0;
}

int ush_program_run(const void *prog, int len, void *out, int outlen, int timeout_ms)
{
    if (!out || outlen < (int)sizeof(ush_prog_out) || timeout_ms < 1) {
        return -EINVAL;
    }
    int bad = ush_prog_setup(prog, len);
    if (bad) {
        return bad;
    }
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        ush_prog_discard();
        return -e;
    }
    if (pid == 0) {
        ush_prog_child();
    }
    setpgid(pid, pid);
    int64_t deadline = now_ms() + timeout_ms;
    int st = 0;
    int32_t status = USH_RUN_TIMEOUT;
    for (;;) {
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid) {
            status = WIFSIGNALED(st) ? USH_RUN_SIGNALED : USH_RUN_FINISHED;
            break;
        }
        if (w < 0 && errno != EINTR) {
            status = USH_RUN_SIGNALED;
            break;
        }
        if (now_ms() >= deadline) {
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            status = USH_RUN_TIMEOUT;
            break;
        }
        struct timespec ts = {0, 500000};
        nanosleep(&ts, NULL);
    }
    kill(-pid, SIGKILL);                                      /* leftovers of the group (forked children) */
    ush_prog_finish(out, status, status == USH_RUN_SIGNALED && WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    return 0;
}
