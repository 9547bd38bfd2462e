/* program_tls.h — the thread-local state the two halves of the runner share (program_runner.c,
 * program_handler.c); not part of the JNA ABI. */
#ifndef PROGRAM_TLS_H
#define PROGRAM_TLS_H

#include "uintr_program.h"

/* initial-exec TLS: a plain %fs-relative access. The default model of a shared library calls
 * __tls_get_addr, and GCC's interrupt functions do not save the registers that hidden call
 * clobbers (the handler destroyed the interrupted code's RDI and R8-R11; found by the hybrid
 * backend: a syscall interrupted at its boundary restarted with a pointer for its first argument). */
#define USH_TLS __thread __attribute__((tls_model("initial-exec")))
#define USH_HIDDEN __attribute__((visibility("hidden")))
extern USH_TLS ush_prog_log *ush_prog_tls_log;
extern USH_TLS volatile uint64_t ush_prog_tls_deliveries;
extern USH_TLS const ush_prog_step *ush_prog_tls_body;
extern USH_TLS uint32_t ush_prog_tls_body_n;
extern USH_TLS uint64_t ush_prog_tls_alt_base;
extern USH_TLS uint64_t ush_prog_tls_alt_size;
extern USH_TLS uint32_t ush_prog_tls_alt_step;
extern USH_TLS volatile int ush_prog_tls_fault;

/* main() of the exec runner (native/exec/program_exec.c); defined in program_runner.c. */
USH_HIDDEN int ush_prog_continue(int argc, char **argv);

#endif
