/*
 * uintr_program.h — the native program runner of the conformance suite (mirrored by
 * dev.uintr.nat.UintrProgramLib). Java (dev.uintr.backend.NativeBackendCodec) encodes a case's
 * programs into the byte form below; ush_program_run forks a child that runs them with real
 * threads, processes, instructions and syscalls, records what happened into shared memory, and
 * is killed (with its process group) on timeout. The JVM never executes a UINTR instruction.
 *
 * All integers little-endian (x86-64). Layout of the program blob:
 *   ush_prog_header, then nprogs x ush_prog_thread, then nsteps_total x ush_prog_step (each
 *   program's steps followed by its handler body's steps).
 */
#ifndef UINTR_PROGRAM_H
#define UINTR_PROGRAM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define USH_PROG_ABI_VERSION  4
#define USH_PROG_MAGIC        0x47525055u   /* "UPRG" */
#define USH_PROG_MAX_THREADS  16
#define USH_PROG_MAX_VARS     1024
#define USH_PROG_MAX_BARRIERS 16
#define USH_PROG_MAX_EVENTS   1024
#define USH_PROG_MAX_STEPS    8192

/* Step ops (dev.uintr.program.Op; the codec maps them by name). */
#define USH_OP_REGISTER_HANDLER   1
#define USH_OP_UNREGISTER_HANDLER 2
#define USH_OP_VECTOR_FD          3
#define USH_OP_REGISTER_SENDER    4
#define USH_OP_UNREGISTER_SENDER  5
#define USH_OP_REGISTER_SELF      6
#define USH_OP_EVENTFD            7
#define USH_OP_CLOSE              8
#define USH_OP_SENDUIPI           9
#define USH_OP_STUI               10
#define USH_OP_CLUI               11
#define USH_OP_TESTUI             12
#define USH_OP_UINTR_WAIT         13
#define USH_OP_SLEEP              14
#define USH_OP_SPIN_UNTIL         15
#define USH_OP_BARRIER            16
#define USH_OP_FORK               17
#define USH_OP_MARK               18
#define USH_OP_REGISTER_PLAIN_HANDLER 19  /* a regular function as handler: dies of SIGSEGV at its ret */
#define USH_OP_SEND_FD            20  /* SCM_RIGHTS over the run's one socketpair (every process inherits it) */
#define USH_OP_RECV_FD            21  /* the oldest descriptor sent, waiting for one */
#define USH_OP_SPIN               22  /* busy-waits usec in user mode (no syscall) */
#define USH_OP_NANOSLEEP          23  /* one nanosleep(usec): 0 or -errno (EINTR), not restarted */
#define USH_OP_DELIVERIES         24  /* handler body only: this thread's deliveries so far, this one included */
#define USH_OP_FRAME              25  /* handler body only: the frame's class bits (dev.uintr.program.FrameView) | alt step+1 << 8 */
#define USH_OP_ALT_STACK          26  /* uintr_alt_stack(sp, size, flags); child = 1: sp is an offset into a new buffer of size */
#define USH_OP_IPI_FD             27  /* uintr_ipi_fd(flags) */
#define USH_OP_IOCTL              28  /* ioctl(fd, cmd, 0) */
#define USH_OP_SIGNAL             29  /* tgkill(program args[0]'s thread, args[1]): waits for that program to start */
#define USH_OP_EXEC               30  /* a fork child's process execve()s the exec runner (ush_program_set_exec), which
                                         continues the program after this step; the step's result is logged by the
                                         new image (0), or -errno when execve failed and the old image goes on */
#define USH_OP_LAST               30

/* Indexes into ush_prog_header.nr: syscall numbers, -1 when the kernel was not confirmed to have it. */
#define USH_NR_REGISTER_HANDLER   0
#define USH_NR_UNREGISTER_HANDLER 1
#define USH_NR_VECTOR_FD          2   /* uintr_create_fd in rfc-v1 */
#define USH_NR_REGISTER_SENDER    3
#define USH_NR_UNREGISTER_SENDER  4
#define USH_NR_WAIT               5
#define USH_NR_REGISTER_SELF      6
#define USH_NR_ALT_STACK          7
#define USH_NR_IPI_FD             8
#define USH_NR_COUNT              10

#define USH_PROFILE_RFC_V1 0
#define USH_PROFILE_LATER  1

typedef struct {
    uint32_t magic;
    uint32_t version;
    uint32_t nprogs;          /* 1..USH_PROG_MAX_THREADS */
    uint32_t nsteps;          /* total steps of all programs */
    int32_t  nr[USH_NR_COUNT];
    uint32_t profile;
    uint32_t pad;
    uint32_t barrier_parties[USH_PROG_MAX_BARRIERS];  /* programs that hold barrier slot k */
} ush_prog_header;            /* 128 bytes */

typedef struct {
    int32_t  forked_by;       /* -1: a thread of the first process; else the program whose fork step starts it */
    uint32_t first_step;      /* index into the step array */
    uint32_t nsteps;
    uint32_t nhandler;        /* the handler body's steps, right after the program's (TESTUI, MARK, SENDUIPI,
                                 DELIVERIES, FRAME); a SENDUIPI with nargs 2 sends only while deliveries < args[1] */
} ush_prog_thread;            /* 16 bytes */

typedef struct {
    int32_t  var;             /* -1: a literal; else the named result (value is then an offset) */
    int32_t  pad;
    int64_t  value;
} ush_prog_arg;               /* 16 bytes */

typedef struct {
    uint16_t op;              /* USH_OP_* */
    int16_t  bind;            /* var the result is bound to (when >= 0), -1 none */
    int16_t  child;           /* fork: the child's program index; barrier: the barrier slot */
    uint16_t nargs;           /* a syscall step: its syscall's arguments (after the handler), in that
                                 syscall's order for the profile (dev.uintr.program.StepSyscall) */
    ush_prog_arg args[3];     /* [nargs..3): the step's other arguments, only checked for being bound */
} ush_prog_step;              /* 56 bytes */

/* Event kinds recorded per program, in the order they happened in that thread. */
#define USH_EV_STEP     1     /* step done; value = result (-errno, fd, 0/1/2 = senduipi ok/SIGILL/SIGSEGV, UIF) */
#define USH_EV_DELIVERY 2     /* handler ran; value = vector | UIF-in-handler << 8 | frame-bad << 10 | (entry RSP & 15) << 16 */
#define USH_EV_UNBOUND  3     /* step used a named result that was never bound */
#define USH_EV_HSTEP    4     /* a handler body step of the delivery logged before it; step = body index; value =
                                 result (TESTUI 0/1, DELIVERIES count, FRAME bits, SENDUIPI 0/1/2, 3 unbound) */
#define USH_EV_SIGNAL   5     /* the thread's SIGUSR1/SIGUSR2 handler ran; value = the signal */

typedef struct {
    uint32_t kind;            /* 0 while being written */
    uint32_t step;            /* index within the program */
    int64_t  value;
} ush_prog_event;             /* 16 bytes */

typedef struct {
    uint32_t nevents;
    uint32_t finished;        /* 1 when the program ran to its end; 0x100 | signal when its forked process died of one */
    ush_prog_event ev[USH_PROG_MAX_EVENTS];
} ush_prog_log;

#define USH_RUN_FINISHED 0    /* the child exited normally */
#define USH_RUN_TIMEOUT  1    /* killed at the deadline */
#define USH_RUN_SIGNALED 2    /* the child died of a signal (signal says which) */

typedef struct {
    int32_t  status;          /* USH_RUN_* */
    int32_t  signal;
    uint32_t nprogs;
    uint32_t pad;
    ush_prog_log log[USH_PROG_MAX_THREADS];
} ush_prog_out;

/* USH_PROG_ABI_VERSION as compiled. */
int ush_program_abi(void);

/* sizeof(ush_prog_out): the size of the out buffer ush_program_run wants. */
int ush_program_out_size(void);

/*
 * The executable an exec step runs (native/exec/program_exec.c, built as uintr-program-exec):
 * the runner passes it "--continue FD PROG", FD a descriptor of the run's shared area (a memfd
 * holding the observations, the program blob and each program's named results), and the new
 * image goes on with that program after its exec step. path is copied; NULL or "" forgets it (an
 * exec step then fails with ENOENT). 0, or -EINVAL for a path longer than 4095 bytes.
 */
int ush_program_set_exec(const char *path);

/*
 * Runs the program blob (len bytes) in a forked child, at most timeout_ms; fills out
 * (outlen >= ush_program_out_size()). Returns 0, or -EINVAL for a malformed blob / small
 * buffer, or -errno when the child could not be started.
 */
int ush_program_run(const void *prog, int len, void *out, int outlen, int timeout_ms);

#ifdef __cplusplus
}
#endif

#endif /* UINTR_PROGRAM_H */
