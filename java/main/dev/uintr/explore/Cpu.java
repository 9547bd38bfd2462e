package dev.uintr.explore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The calling thread's CPU time, for states per CPU-second (wall time means little on a shared host). */
final class Cpu {
    private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
    private static final boolean ON = BEAN.isCurrentThreadCpuTimeSupported() && enable();

    private Cpu() {}

    private static boolean enable() {
        try {
            if (!BEAN.isThreadCpuTimeEnabled()) {
                BEAN.setThreadCpuTimeEnabled(true);
            }
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Nanoseconds of CPU this thread has used, or 0 where the JVM cannot say. */
    static long thread() {
        return ON ? BEAN.getCurrentThreadCpuTime() : 0;
    }
}
