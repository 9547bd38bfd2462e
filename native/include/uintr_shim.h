/*
 * uintr_shim.h — the only ABI the Java side (package dev.uintr.nat, via JNA) sees.
 * Every function here is mirrored name for name by dev.uintr.nat.UintrShim; a test checks
 * that each method of that interface is an exported symbol of libuintrshim.so.
 *
 * Rules: no function may crash or hang the calling process (the JVM). Anything that can
 * fault (the UINTR instructions on a host without them, syscalls of unknown kernels) runs
 * in a forked child that is killed on timeout; results come back through shared memory or
 * the wait status. Return values are 0 / a count on success, -errno on failure.
 */
#ifndef UINTR_SHIM_H
#define UINTR_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever a signature or struct below changes. */
#define USH_ABI_VERSION 1

/* ---- identity ------------------------------------------------------------------- */

/* USH_ABI_VERSION as compiled into the library. */
int ush_abi_version(void);

/* Copies "gcc <version> <flags>" (NUL-terminated, truncated to cap) into buf; returns its length. */
int ush_build_info(char *buf, int cap);

/* ---- CPU facts ---------------------------------------------------------------------- */

/* Executes CPUID with EAX=leaf, ECX=subleaf; out[0..3] = EAX, EBX, ECX, EDX. */
void ush_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t out[4]);

/* RDTSCP: returns the TSC; *aux receives IA32_TSC_AUX (the kernel stores the CPU number). */
uint64_t ush_rdtscp(uint32_t *aux);

/* Measures TSC ticks per second against CLOCK_MONOTONIC_RAW over about ms milliseconds.
 * Returns Hz, or 0 when the clock could not be read. */
uint64_t ush_tsc_hz(int ms);

/* ---- the five instructions, as compiled into this library ------------------------- */

/* Instruction ids, shared with dev.uintr.nat.ShimInsn. */
#define USH_INSN_SENDUIPI_RAX 0   /* senduipi %rax : F3 0F C7 F0      */
#define USH_INSN_SENDUIPI_R10 1   /* senduipi %r10 : F3 41 0F C7 F2   */
#define USH_INSN_UIRET        2   /* uiret         : F3 0F 01 EC      */
#define USH_INSN_TESTUI       3   /* testui        : F3 0F 01 ED      */
#define USH_INSN_CLUI         4   /* clui          : F3 0F 01 EE      */
#define USH_INSN_STUI         5   /* stui          : F3 0F 01 EF      */
#define USH_INSN_COUNT        6

/* Copies the machine-code bytes of instruction `insn` exactly as assembled into this
 * library (read back from its own text) into out; returns the length, or -EINVAL. */
int ush_insn_bytes(int insn, uint8_t *out, int cap);

/* How a forked child that executed one instruction ended. */
typedef struct ush_child_result {
    int32_t outcome;      /* USH_OUTCOME_* */
    int32_t signo;        /* signal caught in the child (SIGILL, SIGSEGV, ...) or 0 */
    int32_t si_code;      /* its si_code (ILL_ILLOPN, SEGV_MAPERR, ...) or 0 */
    int32_t exit_status;  /* the child's exit status when it exited, else -1 */
    uint64_t fault_offset;/* si_addr minus the instruction's address (0: faulted on it) */
    uint64_t value;       /* TESTUI: the CF it returned (0/1); otherwise 0 */
} ush_child_result;

#define USH_OUTCOME_COMPLETED 0   /* the instruction retired and the child exited normally */
#define USH_OUTCOME_SIGNAL    1   /* a signal was caught at the instruction (see signo) */
#define USH_OUTCOME_KILLED    2   /* the child died of an uncaught signal */
#define USH_OUTCOME_TIMEOUT   3   /* the child did not finish within timeout_ms and was killed */

/* Forks a child that executes instruction `insn` once (SENDUIPI with `arg` as the index),
 * catching SIGILL/SIGSEGV/SIGBUS/SIGTRAP. The JVM is never exposed to the instruction.
 * Returns 0 and fills *out, or -errno if the child could not be created. */
int ush_try_insn(int insn, uint64_t arg, int timeout_ms, ush_child_result *out);

/* Self-test of the isolation machinery: a child that hangs (USH_SELFTEST_HANG, must come
 * back as USH_OUTCOME_TIMEOUT), faults (SEGV: USH_OUTCOME_SIGNAL with SIGSEGV), is killed
 * (KILLED: USH_OUTCOME_KILLED with SIGKILL) or returns its mode (RETURN: COMPLETED, value 3). */
#define USH_SELFTEST_HANG   0
#define USH_SELFTEST_SEGV   1
#define USH_SELFTEST_KILLED 2
#define USH_SELFTEST_RETURN 3
int ush_selftest_child(int mode, int timeout_ms, ush_child_result *out);

#ifdef __cplusplus
}
#endif

/* The latency benchmarks (mirrored by dev.uintr.nat.UintrBenchLib). */
#include "uintr_bench.h"

/* The conformance program runner (mirrored by dev.uintr.nat.UintrProgramLib). */
#include "uintr_program.h"

#endif /* UINTR_SHIM_H */
