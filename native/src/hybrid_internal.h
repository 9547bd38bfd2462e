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

#endif
