package dev.uintr.hybrid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Signals pending for a real thread that it would take, from /proc/TID/status: its own pending
 * set (SigPnd), and the process's (ShdPnd) when it is the only thread to take them, less what it
 * blocks (SigBlk) or ignores (SigIgn), less SIGSTOP and SIGCONT (job control, not a wake).
 */
final class PendingSignals {
    private static final long JOB_CONTROL = (1L << (19 - 1)) | (1L << (18 - 1));

    private PendingSignals() {}

    static boolean deliverable(int tid) {
        String status;
        try {
            status = Files.readString(Path.of("/proc", Integer.toString(tid), "status"));
        } catch (IOException | RuntimeException e) {
            return false;                                               // gone: its exit event follows
        }
        return deliverable(status);
    }

    /** The same decision on the text of a status file. */
    static boolean deliverable(String status) {
        long own = field(status, "SigPnd");
        long shared = field(status, "ShdPnd");
        long threads = field10(status, "Threads");
        long pending = own | (threads == 1 ? shared : 0);
        return (pending & ~field(status, "SigBlk") & ~field(status, "SigIgn") & ~JOB_CONTROL) != 0;
    }

    private static long field(String status, String name) {
        String v = value(status, name);
        return v == null ? 0 : Long.parseUnsignedLong(v, 16);
    }

    private static long field10(String status, String name) {
        String v = value(status, name);
        return v == null ? 0 : Long.parseLong(v);
    }

    private static String value(String status, String name) {
        int i = status.indexOf("\n" + name + ":");
        if (i < 0) {
            return null;
        }
        int from = i + name.length() + 2;
        int end = status.indexOf('\n', from);
        return status.substring(from, end < 0 ? status.length() : end).trim();
    }
}
