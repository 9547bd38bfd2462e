/*
 * The five UINTR instructions, assembled by binutils from their mnemonics (so the bytes
 * are the toolchain's encoding, checked by the Java tests against uintr-isa §6), and a
 * fork-isolated way to execute each one.
 *
 * On a CPU without UINTR, or with CR4.UINTR clear, every one of them raises #UD, which
 * Linux delivers as SIGILL (ILL_ILLOPN) at the instruction. On uintr hardware SENDUIPI
 * still raises #UD until the thread registered as a sender (IA32_UINTR_TT[0] = 0). The
 * child catches the signal, records it in shared memory and exits: the JVM never sees it.
 */
#include "uintr_shim.h"
#include "child_wait.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* One stub per instruction. Each is a leaf function: ush_insn_<name>_at marks the
 * instruction, ush_insn_<name>_end the byte after it. */
__asm__(
    ".text\n"
    ".p2align 4\n"
    "ush_stub_senduipi_rax:\n"
    "    movq %rdi, %rax\n"
    "ush_insn_senduipi_rax_at:\n"
    "    senduipi %rax\n"
    "ush_insn_senduipi_rax_end:\n"
    "    ret\n"
    ".p2align 4\n"
    "ush_stub_senduipi_r10:\n"
    "    movq %rdi, %r10\n"
    "ush_insn_senduipi_r10_at:\n"
    "    senduipi %r10\n"
    "ush_insn_senduipi_r10_end:\n"
    "    ret\n"
    /* UIRET pops RIP, RFLAGS, RSP (uintr-isa §7.4): build that frame so that on uintr
     * hardware it returns to 1: with the stack as it was. */
    ".p2align 4\n"
    "ush_stub_uiret:\n"
    "    movq %rsp, %rax\n"
    "    pushq %rax\n"
    "    pushfq\n"
    "    leaq 1f(%rip), %rax\n"
    "    pushq %rax\n"
    "ush_insn_uiret_at:\n"
    "    uiret\n"
    "ush_insn_uiret_end:\n"
    "1:  ret\n"
    /* TESTUI sets CF := UIF; return it in EAX. */
    ".p2align 4\n"
    "ush_stub_testui:\n"
    "    xorl %eax, %eax\n"
    "ush_insn_testui_at:\n"
    "    testui\n"
    "ush_insn_testui_end:\n"
    "    setc %al\n"
    "    ret\n"
    ".p2align 4\n"
    "ush_stub_clui:\n"
    "ush_insn_clui_at:\n"
    "    clui\n"
    "ush_insn_clui_end:\n"
    "    ret\n"
    ".p2align 4\n"
    "ush_stub_stui:\n"
    "ush_insn_stui_at:\n"
    "    stui\n"
    "ush_insn_stui_end:\n"
    "    ret\n");

#define DECLARE_STUB(name)                                  \
    extern uint64_t ush_stub_##name(uint64_t arg);          \
    extern const unsigned char ush_insn_##name##_at[];      \
    extern const unsigned char ush_insn_##name##_end[];
DECLARE_STUB(senduipi_rax)
DECLARE_STUB(senduipi_r10)
DECLARE_STUB(uiret)
DECLARE_STUB(testui)
DECLARE_STUB(clui)
DECLARE_STUB(stui)

struct insn_stub {
    uint64_t (*run)(uint64_t);
    const unsigned char *at, *end;
};

static const struct insn_stub STUBS[USH_INSN_COUNT] = {
    [USH_INSN_SENDUIPI_RAX] = { ush_stub_senduipi_rax, ush_insn_senduipi_rax_at, ush_insn_senduipi_rax_end },
    [USH_INSN_SENDUIPI_R10] = { ush_stub_senduipi_r10, ush_insn_senduipi_r10_at, ush_insn_senduipi_r10_end },
    [USH_INSN_UIRET]        = { ush_stub_uiret,        ush_insn_uiret_at,        ush_insn_uiret_end },
    [USH_INSN_TESTUI]       = { ush_stub_testui,       ush_insn_testui_at,       ush_insn_testui_end },
    [USH_INSN_CLUI]         = { ush_stub_clui,         ush_insn_clui_at,         ush_insn_clui_end },
    [USH_INSN_STUI]         = { ush_stub_stui,         ush_insn_stui_at,         ush_insn_stui_end },
};

int ush_insn_bytes(int insn, uint8_t *out, int cap)
{
    if (insn < 0 || insn >= USH_INSN_COUNT || !out)
        return -EINVAL;
    const struct insn_stub *s = &STUBS[insn];
    int len = (int)(s->end - s->at);
    if (len > cap)
        return -EINVAL;
    memcpy(out, s->at, (size_t)len);
    return len;
}

/* ---- fork-isolated execution -------------------------------------------------------- */

struct child_page {             /* shared between parent and child */
    volatile int32_t signo;
    volatile int32_t si_code;
    volatile uint64_t fault_addr;
    volatile uint64_t value;
    volatile int32_t done;
};

static struct child_page *g_page;   /* only ever set in the child */

static void child_on_fault(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    g_page->signo = sig;
    g_page->si_code = si->si_code;
    g_page->fault_addr = (uint64_t)(uintptr_t)si->si_addr;
    _exit(111);
}

/* Runs fn(arg) in a forked child with the fault handlers installed; `at` is the address
 * fault offsets are measured from. Fills *out as ush_try_insn documents. */
static int run_in_child(uint64_t (*fn)(uint64_t), uint64_t arg, const unsigned char *at,
                        int timeout_ms, ush_child_result *out)
{
    if (timeout_ms <= 0)
        timeout_ms = 5000;
    memset(out, 0, sizeof *out);
    out->exit_status = -1;

    struct child_page *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                                   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED)
        return -errno;
    memset((void *)page, 0, sizeof *page);

    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        munmap(page, 4096);
        return -e;
    }
    if (pid == 0) {
        /* Child: only async-signal-safe work from here on (the JVM is multithreaded). */
        g_page = page;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = child_on_fault;
        sa.sa_flags = SA_SIGINFO;
        sigemptyset(&sa.sa_mask);
        int sigs[] = { SIGILL, SIGSEGV, SIGBUS, SIGTRAP, SIGFPE };
        sigset_t caught;
        sigemptyset(&caught);
        for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
            sigaction(sigs[i], &sa, NULL);
            sigaddset(&caught, sigs[i]);
        }
        sigprocmask(SIG_UNBLOCK, &caught, NULL);
        page->value = fn(arg);
        page->done = 1;
        _exit(0);
    }

    int status = 0;
    int reaped = child_wait(pid, timeout_ms, CLOCK_MONOTONIC, 1000000, &status);
    if (!reaped) {
        out->outcome = USH_OUTCOME_TIMEOUT;
    } else if (WIFEXITED(status)) {
        out->exit_status = WEXITSTATUS(status);
        if (page->signo != 0) {
            out->outcome = USH_OUTCOME_SIGNAL;
            out->signo = page->signo;
            out->si_code = page->si_code;
            out->fault_offset = page->fault_addr - (uint64_t)(uintptr_t)at;
        } else {
            out->outcome = page->done ? USH_OUTCOME_COMPLETED : USH_OUTCOME_KILLED;
            out->value = page->value;
        }
    } else if (WIFSIGNALED(status)) {
        out->outcome = USH_OUTCOME_KILLED;
        out->signo = WTERMSIG(status);
    }
    munmap(page, 4096);
    return 0;
}

int ush_try_insn(int insn, uint64_t arg, int timeout_ms, ush_child_result *out)
{
    if (insn < 0 || insn >= USH_INSN_COUNT || !out)
        return -EINVAL;
    return run_in_child(STUBS[insn].run, arg, STUBS[insn].at, timeout_ms, out);
}

/* ---- self-test of the isolation itself ------------------------------------------------ */

static uint64_t selftest_body(uint64_t mode)
{
    switch (mode) {
    case USH_SELFTEST_HANG:
        for (;;)
            pause();
    case USH_SELFTEST_SEGV:
    {
        /* A real page fault at a low address (the pointer is volatile so the compiler
         * neither warns about nor removes the store). */
        volatile int *volatile bad = (volatile int *)(uintptr_t)8;
        *bad = 1;
        return 0;
    }
    case USH_SELFTEST_KILLED:
        raise(SIGKILL);
        return 0;
    default:
        return mode;
    }
}

int ush_selftest_child(int mode, int timeout_ms, ush_child_result *out)
{
    if (!out || mode < 0 || mode > USH_SELFTEST_RETURN)
        return -EINVAL;
    return run_in_child(selftest_body, (uint64_t)mode, (const unsigned char *)0, timeout_ms, out);
}
