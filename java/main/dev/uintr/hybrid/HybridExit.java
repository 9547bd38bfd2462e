package dev.uintr.hybrid;

import dev.uintr.kernel.Signals;

/** Wait statuses as shells report them: the exit code, or 128 + N for a death by signal N. */
public final class HybridExit {
    private HybridExit() {}

    /** The shell-style exit code of wait status {@code st}. */
    public static int code(int st) {
        int sig = st & 0x7F;
        if (sig == 0) {
            return (st >> 8) & 0xFF;
        }
        return 128 + sig;
    }

    /** "exit 0", "killed by SIGSEGV". */
    public static String describe(int st) {
        int sig = st & 0x7F;
        return sig == 0 ? "exit " + ((st >> 8) & 0xFF) : "killed by " + Signals.name(sig);
    }
}
