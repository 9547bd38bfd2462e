/* hybrid_internal.h — what the hybrid supervisor uses of the program runner (not part of the JNA ABI). */
#ifndef HYBRID_INTERNAL_H
#define HYBRID_INTERNAL_H

#include <stdint.h>

/* Validates the program blob and prepares the runner's shared area; 0 or -errno. */
__attribute__((visibility("hidden"))) int ush_prog_setup(const void *prog, int len);
/* In the forked child: runs the programs and exits. */
__attribute__((visibility("hidden"))) void ush_prog_child(void);
/* In the parent after the child tree is gone: copies the observations to out and frees the area. */
__attribute__((visibility("hidden"))) void ush_prog_finish(void *out, int32_t status, int32_t signal);
/* Frees the area of a run that never started (its memfd and mapping). */
__attribute__((visibility("hidden"))) void ush_prog_discard(void);

/*
 * The tracer's start of a session (hybrid_supervisor.c): forks the first tracee, which waits until
 * it is seized, resets the JVM's signal mask and handlers, closes fds >= 3 when close_fds, installs
 * the seccomp filter for traps and calls start(arg) (which must not return). The pid or -errno.
 */
__attribute__((visibility("hidden")))
int ush_hy_begin(void (*start)(void *), void *arg, int close_fds, const int32_t *traps, int ntraps);

/*
 * The calling thread (the tracer) runs at nice -10 with SCHED_RESET_ON_FORK (the program it
 * forks starts at nice 0) where allowed, else as it was: every tracee stop waits for the tracer,
 * and a woken tracer of ordinary weight can wait behind a spinning tracee. SCHED_FIFO 1, used
 * before, measured slower for an unpinned ping-pong (native/README.md). Returns the kind given
 * (USH_HY_BOOST_*). ush_hy_unboost puts the thread back as it was.
 */
__attribute__((visibility("hidden"))) int ush_hy_boost(void);
__attribute__((visibility("hidden"))) void ush_hy_unboost(void);

#endif
