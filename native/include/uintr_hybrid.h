/*
 * uintr_hybrid.h — the hybrid supervisor (mirrored by dev.uintr.nat.UintrHybridLib and
 * dev.uintr.hybrid.StopEvent / Reply). Native code runs for real under ptrace; the five UINTR
 * instructions (#UD → SIGILL on a CPU without them) and the chosen syscall numbers (a seccomp
 * filter that returns SECCOMP_RET_TRACE for them only) stop the thread, and Java asks the models
 * what to do. The C side only moves bytes and registers: it holds no UINTR state.
 *
 * One JVM thread is the tracer (ptrace binds a tracee to the thread that seized it): it calls
 * ush_hybrid_begin_* (fork the first tracee, seize it with PTRACE_O_EXITKILL and clone, fork,
 * vfork and exec tracing, then let it install the filter and start), then alternately
 * ush_hybrid_wait (the next stop Java must answer, as an event) and ush_hybrid_apply (Java's
 * answer: commands closed by USH_HY_CMD_END). When that thread or the JVM dies, the kernel kills
 * every tracee. All integers little-endian. One session at a time per process.
 */
#ifndef UINTR_HYBRID_H
#define UINTR_HYBRID_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define USH_HY_ABI_VERSION 2
#define USH_HY_MAX_TRAPS   64
#define USH_HY_MAX_WRITE   4096

/* Events, C → Java. Each but END is answered by commands ending in CMD_END. */
#define USH_HY_EV_START   1   /* the first tracee, stopped before its program starts */
#define USH_HY_EV_CLONE   2   /* tid made arg (arg2: 1 thread, 2 process); the new one starts when tid resumes */
#define USH_HY_EV_EXEC    3   /* tid exec'd (arg: its tid before exec) */
#define USH_HY_EV_EXIT    4   /* tid is gone (arg: its wait status); no reply for a thread already gone */
#define USH_HY_EV_SYSCALL 5   /* seccomp stop: regs.orig_rax is the number, the syscall has not run */
#define USH_HY_EV_SYSEXIT 6   /* after CMD_RESUME_EXIT: the syscall ran, regs.rax is its result */
#define USH_HY_EV_SIGILL  7   /* SIGILL at regs.rip; insn holds the bytes there */
#define USH_HY_EV_STOPPED 8   /* after CMD_INTERRUPT: stopped at a user-mode boundary (arg 0), or inside an
                                     interruptible syscall it was sleeping in (arg 1: regs.rax is -ERESTART*;
                                     answer with CMD_RESUME_DEFER, or end the syscall by setting rax) */
#define USH_HY_EV_TICK    9   /* not sent: Java's name for "the deadline it gave ush_hybrid_wait came" */
#define USH_HY_EV_END     10  /* every tracee is gone; arg: the first tracee's wait status. No reply. */

/* Commands, Java → C. */
#define USH_HY_CMD_END        0
#define USH_HY_CMD_SETREGS    1   /* payload: 27 x u64, struct user_regs_struct */
#define USH_HY_CMD_WRITE      2   /* a = address, len bytes of payload (≤ USH_HY_MAX_WRITE) */
#define USH_HY_CMD_RESUME     3   /* continue tid; sig = signal to deliver (0 none); a = 1: sig is a
                                     kernel-made SIGSEGV (si_code SI_KERNEL, addr 0), as for a #GP */
#define USH_HY_CMD_RESUME_EXIT 4  /* continue tid through the syscall it stopped at; report EV_SYSEXIT */
#define USH_HY_CMD_INTERRUPT  5   /* stop tid at its next user-mode boundary; report EV_STOPPED */
#define USH_HY_CMD_RESUME_DEFER 6 /* after EV_STOPPED arg 1: let the syscall restart and report EV_STOPPED
                                     (arg 0) when it returns */
#define USH_HY_CMD_ABORT      7   /* kill every tracee (payload: a message for stderr) */

typedef struct {
    uint32_t kind;
    int32_t  tid;
    int32_t  tgid;
    int32_t  arg;
    int32_t  arg2;
    uint32_t insn_len;        /* bytes of insn read (0 when unreadable) */
    int64_t  now_ns;          /* CLOCK_MONOTONIC */
    uint64_t regs[27];        /* struct user_regs_struct: r15 r14 r13 r12 rbp rbx r11 r10 r9 r8 rax rcx
                                 rdx rsi rdi orig_rax rip cs eflags rsp ss fs_base gs_base ds es fs gs */
    uint8_t  insn[16];
    uint8_t  stack[64];       /* bytes at regs.rsp (zeros where unreadable) */
} ush_hy_event;               /* 328 bytes */

typedef struct {
    uint32_t op;
    int32_t  tid;
    uint32_t len;             /* payload bytes that follow */
    int32_t  sig;
    uint64_t a;
    uint64_t b;
} ush_hy_cmd;                 /* 32 bytes */

int ush_hybrid_abi(void);
int ush_hybrid_event_size(void);

/*
 * Starts argv (argc strings, NUL-separated in argv_blob) traced, with this process's stdin,
 * stdout and stderr and UINTR_HARNESS_PROFILE=profile in its environment (NULL: unset); traps
 * are the syscall numbers to stop (≤ USH_HY_MAX_TRAPS). Returns the first tracee's pid or -errno.
 */
int ush_hybrid_begin_exec(const char *argv_blob, int blob_len, int argc, const char *profile,
                          const int32_t *traps, int ntraps);

/* Starts the conformance program runner (uintr_program.h) on prog, traced. The pid or -errno. */
int ush_hybrid_begin_program(const void *prog, int len, const int32_t *traps, int ntraps);

/*
 * Waits for the next stop Java must answer and writes it to ev (ush_hy_event). Returns 1 (an
 * event; answer every kind but USH_HY_EV_END with ush_hybrid_apply), 0 when deadline_ns
 * (CLOCK_MONOTONIC, 0 none) came first, or -errno.
 */
int ush_hybrid_wait(void *ev, int evlen, int64_t deadline_ns);

/* Carries out commands (ush_hy_cmd + payload each) up to USH_HY_CMD_END; 0 or -EINVAL. */
int ush_hybrid_apply(const void *cmds, int len);

/* Kills every tracee (deadline, abort); ush_hybrid_wait then reports their ends and EV_END. */
void ush_hybrid_kill_all(void);

/*
 * After EV_END of a program run: the runner's observations into out (ush_prog_out) with status
 * USH_RUN_* and the signal of the first tracee's wait status `st`; 0 or -EINVAL.
 */
int ush_hybrid_program_result(void *out, int outlen, int32_t run_status, int32_t st);

/*
 * Starts the bench's measurement child (uintr_bench.h: cfg is a ubench_config, validated as
 * ubench_run does; its sys_* numbers are the profile's, so traps should hold them) traced. The pid,
 * -EINVAL for a config ubench_run would reject, or -errno. End it with ush_hybrid_bench_result.
 */
int ush_hybrid_begin_bench(const void *cfg, const int32_t *traps, int ntraps);

/*
 * After EV_END of a bench run (or any end of a run that ush_hybrid_begin_bench started): the
 * samples (cap >= the config's iterations) and out (a ubench_result) as ubench_run gives them,
 * with timed_out = the run was killed at its deadline and st = the first tracee's wait status.
 * 0, -ENOENT when no bench run was started, or -EINVAL (nothing kept either way).
 */
int ush_hybrid_bench_result(uint64_t *samples, int32_t cap, void *out, int outlen, int32_t timed_out, int32_t st);

/*
 * The tracer thread's scheduling for a session (call on the tracer thread, before begin and
 * after EV_END): on = 1 raises it (nice -10 with reset-on-fork, so the program starts at nice 0,
 * where permitted, else unchanged), on = 0 restores what it had. Returns the USH_HY_BOOST_* in
 * effect (2, SCHED_FIFO, is no longer given: it measured slower).
 * ush_hybrid_floor raises its own tracer the same way, so the ratio compares like with like.
 */
#define USH_HY_BOOST_NONE 0
#define USH_HY_BOOST_NICE 1
#define USH_HY_BOOST_FIFO 2
int ush_hybrid_priority(int on);

/* sizeof(ubench_result), for the Java side's check. */
int ush_hybrid_bench_result_size(void);

/*
 * The bare ptrace floor on this host: a forked child spins; the parent, `rounds` times,
 * interrupts it (PTRACE_INTERRUPT), writes a frame below its RSP, points RIP at a stub whose
 * first instruction is UIRET (SIGILL here), continues it, takes the SIGILL stop, pops the frame
 * and continues: two stops a round, as a delivery and its return cost under hybrid.
 * Returns stops per second × 1000 (fixed point), or -errno (-EPROTO: UIRET did not trap). With
 * cpu_ns not NULL, a measurement also stores there the CPU time (ns, CLOCK_THREAD_CPUTIME_ID) the
 * tracer spent in the timed loop: the floor's cost per stop beside its wall rate, to compare with a
 * session's tracer CPU per stop whatever the host's wake-ups cost.
 * tracer_cpu / tracee_cpu pin the calling thread (for the loop; its own CPU mask is restored
 * before returning) and the child to one CPU each, -1 leaves it where the scheduler puts it:
 * -EINVAL for a CPU outside the calling thread's mask. On a 2-vCPU guest the loop runs about
 * four times faster with both on one CPU than apart, and unpinned it takes either placement
 * depending on the load on the other CPU, so a figure means little without its placement.
 */
int64_t ush_hybrid_floor(int rounds, int tracer_cpu, int tracee_cpu, int64_t *cpu_ns);

#ifdef __cplusplus
}
#endif

#endif /* UINTR_HYBRID_H */
