package dev.uintr.hybrid;

/**
 * Slots of x86-64 {@code struct user_regs_struct} as PTRACE_GETREGS fills it (27 u64), and the
 * map from an instruction's register number (ModRM.rm + 8·REX.B) to its slot.
 */
final class Regs {
    static final int COUNT = 27;
    static final int R15 = 0, R14 = 1, R13 = 2, R12 = 3, RBP = 4, RBX = 5, R11 = 6, R10 = 7, R9 = 8, R8 = 9;
    static final int RAX = 10, RCX = 11, RDX = 12, RSI = 13, RDI = 14, ORIG_RAX = 15, RIP = 16, CS = 17;
    static final int EFLAGS = 18, RSP = 19, SS = 20;

    /** Slot of general register n: 0 RAX, 1 RCX, 2 RDX, 3 RBX, 4 RSP, 5 RBP, 6 RSI, 7 RDI, 8..15 R8..R15. */
    private static final int[] GPR = {RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15};

    /** The syscall argument registers in order (rdi, rsi, rdx, r10, r8, r9). */
    static final int[] ARGS = {RDI, RSI, RDX, R10, R8, R9};

    private Regs() {}

    static int gpr(int n) {
        return GPR[n];
    }

    static long[] args(long[] regs) {
        long[] a = new long[ARGS.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = regs[ARGS[i]];
        }
        return a;
    }
}
