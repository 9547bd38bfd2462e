package dev.uintr.hybrid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One event from the supervisor (ush_hy_event of native/include/uintr_hybrid.h, 328 bytes):
 * which thread stopped and why, its registers, and the bytes at its RIP and RSP.
 */
record StopEvent(int kind, int tid, int tgid, int arg, int arg2, long nowNs, long[] regs, byte[] insn, byte[] stack) {
    static final int SIZE = 328;

    static final int START = 1, CLONE = 2, EXEC = 3, EXIT = 4, SYSCALL = 5, SYSEXIT = 6, SIGILL = 7;
    static final int STOPPED = 8, TICK = 9, END = 10;

    static StopEvent decode(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int kind = in.getInt();
        int tid = in.getInt();
        int tgid = in.getInt();
        int arg = in.getInt();
        int arg2 = in.getInt();
        int insnLen = in.getInt();
        long now = in.getLong();
        long[] regs = new long[Regs.COUNT];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = in.getLong();
        }
        byte[] insn = new byte[16];
        in.get(insn);
        byte[] stack = new byte[64];
        in.get(stack);
        return new StopEvent(kind, tid, tgid, arg, arg2, now, regs, Arrays.copyOf(insn, Math.max(0, Math.min(16, insnLen))), stack);
    }
}
