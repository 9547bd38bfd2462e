package dev.uintr.kernel;

/**
 * What kind of code sits at the address a thread registered as its user-interrupt handler
 * (uintr-kernel §1.9, §7.2 syscall_handler). The kernel never checks it; the difference shows
 * only at delivery, when the handler returns.
 */
public enum HandlerAbi {
    /**
     * {@code __attribute__((interrupt))}: the compiler pops the pushed vector and returns with
     * UIRET, which restores RIP, RFLAGS and RSP from the frame and sets UIF. The default.
     */
    INTERRUPT,
    /**
     * A regular C function: its plain {@code ret} pops the top of the delivery frame, which is the
     * zero-extended vector (uintr-isa §9 pushes it last), as a return address; the fetch at that
     * low address faults and the thread's process dies of SIGSEGV.
     */
    PLAIN_FUNCTION
}
