package dev.uintr.program;

/**
 * What a handler's {@code frame} step shows, computed the same way by the emulated backend (from
 * the model's frame) and the native handler (native/src/program_handler.c, which sends the class
 * bits): where the handler's entry RSP lies, where the pushed RIP points and the pushed RFLAGS.IF
 * (uintr-isa §9). Rendered {@code frame(rsp=stack-128, rip=after-stui, if=1)}.
 *
 * <p>{@code rsp}: {@code in(BUF)} when the entry RSP lies in [base, base+size) of the thread's
 * alt_stack buffer BUF, {@code below(BUF)} in [base-size, base) (load mode pushes below the
 * address given, §9: RSP := UISTACKADJUST & ~0xF, then four pushes), {@code stack-128} when it is
 * exactly the Linux stack adjust below the pushed RSP (((RSP - 128) & ~0xF) - 32), else
 * {@code other}.
 *
 * <p>{@code rip}: the pushed RIP against the interrupted point (§9: "address of the next
 * instruction to execute"), exact where the point is known: {@code after-stui} when it is the
 * instruction right after the STUI of a {@code stui} step (a pending interrupt is delivered at
 * that boundary, §7.2), {@code after-syscall} the instruction right after the SYSCALL of a syscall
 * step (delivered on the return to user mode, uintr-kernel §4.3); else {@code user} for another
 * user address (non-zero, below 2^47: a spin, SENDUIPI's self-IPI, wherever the thread was), and
 * {@code bad}. Natively the two points are the runner's labels (program_runner.c); emulated, the
 * backend knows which step the thread was in and checks that the model pushed exactly the RIP it
 * interrupted.
 */
public final class FrameView {
    public static final int RSP_OTHER = 0;
    public static final int RSP_STACK_128 = 1;
    public static final int RSP_IN_BUF = 2;
    public static final int RSP_BELOW_BUF = 3;
    /** Bit of the pushed RIP being a user address (non-zero, below 2^47). */
    public static final int RIP_USER = 1 << 2;
    /** Bit of the pushed RFLAGS.IF. */
    public static final int IF_SET = 1 << 3;
    /** Bit of the pushed RIP being exactly the point right after a stui step's STUI. */
    public static final int RIP_AFTER_STUI = 1 << 4;
    /** Bit of the pushed RIP being exactly the point right after a syscall step's SYSCALL. */
    public static final int RIP_AFTER_SYSCALL = 1 << 5;

    private FrameView() {}

    /** The class bits of a frame whose interrupted point is known to be neither right after STUI nor after SYSCALL. */
    public static int classify(long entryRsp, long savedRip, long savedRflags, long savedRsp, long altBase, long altSize) {
        return classify(entryRsp, savedRip, savedRflags, savedRsp, altBase, altSize, 0, 0);
    }

    /**
     * The class bits of a frame; {@code altSize} 0 when the thread has no alt_stack buffer;
     * {@code afterStui} / {@code afterSyscall}: the address right after the STUI / SYSCALL the thread
     * was at when interrupted, 0 when it was at neither.
     */
    public static int classify(long entryRsp, long savedRip, long savedRflags, long savedRsp, long altBase, long altSize,
                               long afterStui, long afterSyscall) {
        int rsp;
        if (altSize > 0 && entryRsp >= altBase && entryRsp - altBase < altSize) {
            rsp = RSP_IN_BUF;
        } else if (altSize > 0 && entryRsp < altBase && altBase - entryRsp <= altSize) {
            rsp = RSP_BELOW_BUF;
        } else if (entryRsp == ((savedRsp - 128) & ~0xFL) - 32) {
            rsp = RSP_STACK_128;
        } else {
            rsp = RSP_OTHER;
        }
        int bits = rsp;
        if (savedRip != 0 && Long.compareUnsigned(savedRip, 1L << 47) < 0) {
            bits |= RIP_USER;
        }
        if ((savedRflags & 0x200) != 0) {
            bits |= IF_SET;
        }
        if (afterStui != 0 && savedRip == afterStui) {
            bits |= RIP_AFTER_STUI;
        } else if (afterSyscall != 0 && savedRip == afterSyscall) {
            bits |= RIP_AFTER_SYSCALL;
        }
        return bits;
    }

    /** {@code frame(rsp=..., rip=after-stui|after-syscall|user|bad, if=0|1)}; {@code buffer} names the alt_stack buffer. */
    public static String render(int bits, String buffer) {
        String rsp;
        switch (bits & 3) {
            case RSP_STACK_128: rsp = "stack-128"; break;
            case RSP_IN_BUF: rsp = "in(" + buffer + ")"; break;
            case RSP_BELOW_BUF: rsp = "below(" + buffer + ")"; break;
            default: rsp = "other"; break;
        }
        String rip = (bits & RIP_AFTER_STUI) != 0 ? "after-stui" : (bits & RIP_AFTER_SYSCALL) != 0 ? "after-syscall"
                : (bits & RIP_USER) != 0 ? "user" : "bad";
        return "frame(rsp=" + rsp + ", rip=" + rip + ", if="
                + ((bits & IF_SET) != 0 ? 1 : 0) + ")";
    }
}
