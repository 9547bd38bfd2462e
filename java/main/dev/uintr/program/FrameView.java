package dev.uintr.program;

/**
 * What a handler's {@code frame} step shows, computed the same way by the emulated backend (from
 * the model's frame) and the native handler (native/src/program_handler.c, which sends the class
 * bits): where the handler's entry RSP lies, whether the pushed RIP is a user address and the
 * pushed RFLAGS.IF (uintr-isa §9). Rendered {@code frame(rsp=stack-128, rip=user, if=1)}.
 *
 * <p>{@code rsp}: {@code in(BUF)} when the entry RSP lies in [base, base+size) of the thread's
 * alt_stack buffer BUF, {@code below(BUF)} in [base-size, base) (load mode pushes below the
 * address given, §9: RSP := UISTACKADJUST & ~0xF, then four pushes), {@code stack-128} when it is
 * exactly the Linux stack adjust below the pushed RSP (((RSP - 128) & ~0xF) - 32), else
 * {@code other}.
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

    private FrameView() {}

    /** The class bits of a frame; {@code altSize} 0 when the thread has no alt_stack buffer. */
    public static int classify(long entryRsp, long savedRip, long savedRflags, long savedRsp, long altBase, long altSize) {
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
        return bits;
    }

    /** {@code frame(rsp=..., rip=user|bad, if=0|1)}; {@code buffer} names the alt_stack buffer. */
    public static String render(int bits, String buffer) {
        String rsp;
        switch (bits & 3) {
            case RSP_STACK_128: rsp = "stack-128"; break;
            case RSP_IN_BUF: rsp = "in(" + buffer + ")"; break;
            case RSP_BELOW_BUF: rsp = "below(" + buffer + ")"; break;
            default: rsp = "other"; break;
        }
        return "frame(rsp=" + rsp + ", rip=" + ((bits & RIP_USER) != 0 ? "user" : "bad") + ", if="
                + ((bits & IF_SET) != 0 ? 1 : 0) + ")";
    }
}
