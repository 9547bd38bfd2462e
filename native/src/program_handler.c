/*
 * The user-interrupt handler of the conformance program runner. It records each delivery into
 * the log of the thread it interrupted, with the facts the frame shows (uintr-isa §9): UIF
 * inside the handler (delivery clears it), RSP at handler entry (16-byte aligned by delivery
 * before the four pushes), and whether the pushed RSP lies above the frame. Then it runs the
 * thread's handler body (TESTUI, MARK, DELIVERIES, FRAME, SENDUIPI), logging each step after
 * the delivery. It touches only general registers, the thread's own log (a slot is reserved
 * with an atomic add, so a delivery between a step's reserve and fill cannot overwrite it) and
 * the run's named results, and makes no call (GCC's interrupt functions do not save what a
 * call clobbers; HandlersMakeNoCallsTest checks the object code).
 */
#include "uintr_program.h"

#include "program_tls.h"
extern USH_HIDDEN int64_t ush_prog_vars[USH_PROG_MAX_VARS];
extern USH_HIDDEN uint8_t ush_prog_bound[USH_PROG_MAX_VARS];
struct __uintr_frame;
void ush_program_handler(struct __uintr_frame *frame, unsigned long long vector);

#include <x86gprintrin.h>

USH_TLS ush_prog_log *ush_prog_tls_log;
USH_TLS volatile uint64_t ush_prog_tls_deliveries;
USH_TLS const ush_prog_step *ush_prog_tls_body;
USH_TLS uint32_t ush_prog_tls_body_n;
USH_TLS uint64_t ush_prog_tls_alt_base;
USH_TLS uint64_t ush_prog_tls_alt_size;
USH_TLS uint32_t ush_prog_tls_alt_step;
USH_TLS volatile int ush_prog_tls_fault;

static inline __attribute__((always_inline)) void log_event(ush_prog_log *log, uint32_t kind, uint32_t step, int64_t v)
{
    uint32_t i = __atomic_fetch_add(&log->nevents, 1, __ATOMIC_SEQ_CST);
    if (i < USH_PROG_MAX_EVENTS) {
        log->ev[i].step = step;
        log->ev[i].value = v;
        __atomic_store_n(&log->ev[i].kind, kind, __ATOMIC_RELEASE);
    }
}

/* dev.uintr.program.FrameView.classify, bit for bit. */
static inline __attribute__((always_inline)) int64_t frame_class(uint64_t entry, uint64_t rip, uint64_t rflags, uint64_t rsp)
{
    uint64_t base = ush_prog_tls_alt_base, size = ush_prog_tls_alt_size;
    int64_t bits;
    if (size && entry >= base && entry - base < size) {
        bits = 2;                                            /* in(BUF) */
    } else if (size && entry < base && base - entry <= size) {
        bits = 3;                                            /* below(BUF) */
    } else if (entry == ((rsp - 128) & ~(uint64_t)0xf) - 32) {
        bits = 1;                                            /* stack-128 */
    } else {
        bits = 0;
    }
    if (rip != 0 && rip < (1ull << 47)) {
        bits |= 4;
    }
    if (rip == (uint64_t)(uintptr_t)ush_prog_after_stui) {
        bits |= 16;                                          /* right after the STUI step's STUI */
    } else if (rip == (uint64_t)(uintptr_t)ush_prog_after_syscall) {
        bits |= 32;                                          /* right after a syscall step's SYSCALL */
    }
    if (rflags & 0x200) {
        bits |= 8;
    }
    return bits | (int64_t)ush_prog_tls_alt_step << 8;
}

void __attribute__((interrupt)) ush_program_handler(struct __uintr_frame *frame, unsigned long long vector)
{
    uint64_t entry_rsp = (uint64_t)(uintptr_t)frame - 8;   /* the vector sits just below the frame */
    int64_t v = (int64_t)(vector & 0x3f);
    if (_testui()) {
        v |= 1 << 8;
    }
    if (frame->rsp <= entry_rsp && !ush_prog_tls_alt_size) {
        v |= 1 << 10;                                        /* subtract mode pushes below the interrupted RSP */
    }
    v |= (int64_t)(entry_rsp & 15) << 16;
    ush_prog_log *log = ush_prog_tls_log;
    if (log) {
        log_event(log, USH_EV_DELIVERY, 0, v);
        uint64_t count = ush_prog_tls_deliveries + 1;       /* this delivery included */
        const ush_prog_step *body = ush_prog_tls_body;
        uint32_t n = ush_prog_tls_body_n;
        for (uint32_t k = 0; body && k < n; k++) {
            const ush_prog_step *s = &body[k];
            int64_t r = 0;
            switch (s->op) {
            case USH_OP_TESTUI:
                r = _testui() ? 1 : 0;
                break;
            case USH_OP_DELIVERIES:
                r = (int64_t)count;
                break;
            case USH_OP_FRAME:
                r = frame_class(entry_rsp, frame->rip, frame->rflags, frame->rsp);
                break;
            case USH_OP_SENDUIPI: {
                if (s->nargs > 1 && count >= (uint64_t)s->args[1].value) {
                    continue;                                /* "if deliveries<N" not met: nothing sent, nothing logged */
                }
                const ush_prog_arg *a = &s->args[0];
                if (a->var >= 0 && !__atomic_load_n(&ush_prog_bound[a->var], __ATOMIC_ACQUIRE)) {
                    r = 3;
                    break;
                }
                int64_t idx = a->var < 0 ? a->value : __atomic_load_n(&ush_prog_vars[a->var], __ATOMIC_ACQUIRE) + a->value;
                ush_prog_tls_fault = 0;
                __asm__ volatile("senduipi %%rax" : : "a"(idx) : "memory");
                r = ush_prog_tls_fault == 4 ? 1 : ush_prog_tls_fault == 11 ? 2 : 0;   /* SIGILL, SIGSEGV */
                break;
            }
            default:                                         /* MARK */
                break;
            }
            log_event(log, USH_EV_HSTEP, k, r);
        }
    }
    ush_prog_tls_deliveries++;
}
