package dev.uintr.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uintr.nat.UintrHybridLib;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** StopEvent and Reply mirror native/include/uintr_hybrid.h number for number (the shim is C, the models Java). */
class WireMirrorsHeaderTest {
    static Map<String, Integer> defines() throws IOException {
        return dev.uintr.testing.HeaderDefines.ints(Path.of("native", "include", "uintr_hybrid.h"), "USH_HY_");
    }

    @Test
    void eventKindsCommandsAndVersionAgree() throws IOException {
        Map<String, Integer> h = defines();
        assertEquals(UintrHybridLib.ABI_VERSION, h.get("USH_HY_ABI_VERSION"));
        assertEquals(StopEvent.START, h.get("USH_HY_EV_START"));
        assertEquals(StopEvent.CLONE, h.get("USH_HY_EV_CLONE"));
        assertEquals(StopEvent.EXEC, h.get("USH_HY_EV_EXEC"));
        assertEquals(StopEvent.EXIT, h.get("USH_HY_EV_EXIT"));
        assertEquals(StopEvent.SYSCALL, h.get("USH_HY_EV_SYSCALL"));
        assertEquals(StopEvent.SYSEXIT, h.get("USH_HY_EV_SYSEXIT"));
        assertEquals(StopEvent.SIGILL, h.get("USH_HY_EV_SIGILL"));
        assertEquals(StopEvent.STOPPED, h.get("USH_HY_EV_STOPPED"));
        assertEquals(StopEvent.TICK, h.get("USH_HY_EV_TICK"));
        assertEquals(StopEvent.END, h.get("USH_HY_EV_END"));
        assertEquals(Reply.END, h.get("USH_HY_CMD_END"));
        assertEquals(Reply.SETREGS, h.get("USH_HY_CMD_SETREGS"));
        assertEquals(Reply.WRITE, h.get("USH_HY_CMD_WRITE"));
        assertEquals(Reply.RESUME, h.get("USH_HY_CMD_RESUME"));
        assertEquals(Reply.RESUME_EXIT, h.get("USH_HY_CMD_RESUME_EXIT"));
        assertEquals(Reply.INTERRUPT, h.get("USH_HY_CMD_INTERRUPT"));
        assertEquals(Reply.RESUME_DEFER, h.get("USH_HY_CMD_RESUME_DEFER"));
        assertEquals(Reply.ABORT, h.get("USH_HY_CMD_ABORT"));
        assertEquals(UintrHybridLib.Calls.BOOST_NONE, h.get("USH_HY_BOOST_NONE"));
        assertEquals(UintrHybridLib.Calls.BOOST_NICE, h.get("USH_HY_BOOST_NICE"));
        assertEquals(UintrHybridLib.Calls.BOOST_FIFO, h.get("USH_HY_BOOST_FIFO"));
    }

    /**
     * The tracer is raised for a session and put back after it (a JVM thread must not stay raised),
     * and raised by nice alone: the program it forks must not inherit the raise.
     */
    @Test
    void theTracersPriorityIsRestoredAfterASession() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(UintrHybridLib.Calls.unavailableReason() == null,
                () -> String.valueOf(UintrHybridLib.Calls.unavailableReason()));
        String before = schedOf("self");
        int kind = UintrHybridLib.Calls.priority(true);
        try {
            String during = schedOf("self");
            org.junit.jupiter.api.Assertions.assertNotEquals(UintrHybridLib.Calls.BOOST_FIFO, kind);
            if (kind == UintrHybridLib.Calls.BOOST_NICE) {
                org.junit.jupiter.api.Assertions.assertTrue(during.contains("policy 0") && during.contains("nice -10"), during);
            }
        } finally {
            UintrHybridLib.Calls.priority(false);
        }
        assertEquals(before, schedOf("self"));
    }

    /** "policy P nice N" of the calling thread, from /proc/thread-self/stat (fields 19 and 41). */
    private static String schedOf(String unused) throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return "policy " + f[41 - 3] + " nice " + f[19 - 3];
    }

    @Test
    void theCompiledEventHasTheSizeJavaDecodes() {
        org.junit.jupiter.api.Assumptions.assumeTrue(UintrHybridLib.Calls.unavailableReason() == null,
                () -> String.valueOf(UintrHybridLib.Calls.unavailableReason()));
        assertEquals(StopEvent.SIZE, UintrHybridLib.Calls.eventSize());
    }
}
