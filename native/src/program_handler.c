/*
 * The user-interrupt handler of the conformance program runner. It records each delivery into
 * the log of the thread it interrupted, with the facts the frame shows (uintr-isa §9): UIF
 * inside the handler (delivery clears it), RSP at handler entry (16-byte aligned by delivery
 * before the four pushes), and whether the pushed RSP lies above the frame. It touches only
 * general registers and the thread's own log (a slot is reserved with an atomic add, so a
 * delivery between a step's reserve and fill cannot overwrite it).
 */
#include "uintr_program.h"

/* Shared with the other half of the runner (program_runner.c / program_handler.c). */
/* initial-exec TLS: a plain %fs-relative access. The default model of a shared library calls
 * __tls_get_addr, and GCC's interrupt functions do not save the registers that hidden call
 * clobbers (the handler destroyed the interrupted code's RDI and R8-R11; found by the hybrid
 * backend: a syscall interrupted at its boundary restarted with a pointer for its first argument). */
#define USH_TLS __thread __attribute__((tls_model("initial-exec")))
extern USH_TLS ush_prog_log *ush_prog_tls_log;
extern USH_TLS volatile uint64_t ush_prog_tls_deliveries;
struct __uintr_frame;
void ush_program_handler(struct __uintr_frame *frame, unsigned long long vector);

#include <x86gprintrin.h>

USH_TLS ush_prog_log *ush_prog_tls_log;
USH_TLS volatile uint64_t ush_prog_tls_deliveries;

void __attribute__((interrupt)) ush_program_handler(struct __uintr_frame *frame, unsigned long long vector)
{
    uint64_t entry_rsp = (uint64_t)(uintptr_t)frame - 8;   /* the vector sits just below the frame */
    int64_t v = (int64_t)(vector & 0x3f);
    if (_testui()) {
        v |= 1 << 8;
    }
    if (frame->rsp <= entry_rsp) {
        v |= 1 << 10;
    }
    v |= (int64_t)(entry_rsp & 15) << 16;
    ush_prog_log *log = ush_prog_tls_log;
    if (log) {
        uint32_t i = __atomic_fetch_add(&log->nevents, 1, __ATOMIC_SEQ_CST);
        if (i < USH_PROG_MAX_EVENTS) {
            log->ev[i].step = 0;
            log->ev[i].value = v;
            __atomic_store_n(&log->ev[i].kind, USH_EV_DELIVERY, __ATOMIC_RELEASE);
        }
    }
    ush_prog_tls_deliveries++;
}
