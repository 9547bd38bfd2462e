package dev.uintr.hybrid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * strace for user interrupts: one line per UINTR event (syscall with arguments and result,
 * SENDUIPI index → target, delivery with vector and frame, UIRET, block and wake), each with the
 * microseconds since the program started and the real thread id. A null writer traces nothing.
 */
public final class HybridTrace {
    private final Writer out;
    private long lastUs;

    public HybridTrace(Writer out) {
        this.out = out;
    }

    public static HybridTrace none() {
        return new HybridTrace(null);
    }

    /** Whether lines are written (callers skip building a line's text when not). */
    boolean on() {
        return out != null;
    }

    /** {@code us} < 0: the time of the previous line (a consequence of the same event). */
    void line(long us, int tid, String text) {
        if (out == null) {
            return;
        }
        if (us >= 0) {
            lastUs = us;
        }
        try {
            out.write(String.format("%10d us  tid %-7d %s%n", lastUs, tid, text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void flush() {
        if (out == null) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
