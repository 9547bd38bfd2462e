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

/*
 * The runner's two instructions with a known resume point (program_runner.c, top-level asm):
 * ush_prog_stui is STUI then RET, so an interrupt pending at STUI is delivered with the pushed RIP
 * = ush_prog_after_stui (uintr-isa §7.2, §9 "address of the next instruction"); every syscall
 * step goes through ush_prog_raw_syscall (nr, three arguments; the raw result, -errno on error),
 * so one delivered on the return to user mode (uintr-kernel §4.3) pushes ush_prog_after_syscall.
 * The handler's frame step compares the pushed RIP with both.
 */
USH_HIDDEN void ush_prog_stui(void);
USH_HIDDEN int64_t ush_prog_raw_syscall(int64_t nr, int64_t a0, int64_t a1, int64_t a2);
USH_HIDDEN extern const char ush_prog_after_stui[];
USH_HIDDEN extern const char ush_prog_after_syscall[];

/* main() of the exec runner (native/exec/program_exec.c); defined in program_runner.c. */
USH_HIDDEN int ush_prog_continue(int argc, char **argv);

#endif
