package dev.uintr.hybrid;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Java's answer to one event: supervisor commands (ush_hy_cmd), closed by END when sent. */
final class Reply {
    static final int END = 0, SETREGS = 1, WRITE = 2, RESUME = 3, RESUME_EXIT = 4, INTERRUPT = 5, RESUME_DEFER = 6, ABORT = 7;
    static final int SIGILL = 4, SIGSEGV = 11;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    private void cmd(int op, int tid, int sig, long a, long b, byte[] payload) {
        ByteBuffer h = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(op).putInt(tid).putInt(payload.length).putInt(sig).putLong(a).putLong(b);
        out.writeBytes(h.array());
        out.writeBytes(payload);
    }

    Reply setRegs(int tid, long[] regs) {
        ByteBuffer p = ByteBuffer.allocate(Regs.COUNT * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long r : regs) {
            p.putLong(r);
        }
        cmd(SETREGS, tid, 0, 0, 0, p.array());
        return this;
    }

    Reply write(int tid, long address, byte[] bytes) {
        cmd(WRITE, tid, 0, address, 0, bytes);
        return this;
    }

    /** Continues tid, delivering {@code sig} (0 none); {@code kernelSegv}: a SIGSEGV as a #GP gives. */
    Reply resume(int tid, int sig, boolean kernelSegv) {
        cmd(RESUME, tid, sig, kernelSegv ? 1 : 0, 0, new byte[0]);
        return this;
    }

    Reply resume(int tid) {
        return resume(tid, 0, false);
    }

    Reply resumeToExit(int tid) {
        cmd(RESUME_EXIT, tid, 0, 0, 0, new byte[0]);
        return this;
    }

    /** After a STOPPED inside a sleep: the syscall restarts; STOPPED again when it returns. */
    Reply resumeDeferred(int tid) {
        cmd(RESUME_DEFER, tid, 0, 0, 0, new byte[0]);
        return this;
    }

    Reply interrupt(int tid) {
        cmd(INTERRUPT, tid, 0, 0, 0, new byte[0]);
        return this;
    }

    Reply abort(String why) {
        cmd(ABORT, 0, 0, 0, 0, why.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The commands, END appended. */
    byte[] finish() {
        cmd(END, 0, 0, 0, 0, new byte[0]);
        return out.toByteArray();
    }
}
