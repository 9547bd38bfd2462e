package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Issue 12: a step that runs long (a mechanism hanging until its timeout) keeps printing, the last line is never a stale ETA. */
class BenchProgressHeartbeatTest {

    @Test
    void aLongStep_printsStillRunning_andStopsWhenItEnds() throws Exception {
        StringWriter sink = new StringWriter();
        BenchProgress p = new BenchProgress(new PrintWriter(sink, true), 2, 20);
        p.start("pipe round-trip");
        for (int i = 0; i < 500 && !sink.toString().contains("still running"); i++) {
            Thread.sleep(20);                                     // waits for an event; asserts no duration
        }
        assertTrue(sink.toString().contains("pipe round-trip") && sink.toString().contains("still running"), sink.toString());
        p.finish("pipe round-trip", RowStatus.FAILED, "timed out");
        String atEnd = sink.toString();
        Thread.sleep(200);
        String later = sink.toString().substring(atEnd.length());
        assertFalse(later.contains("still running"), "heartbeat went on after the step ended: " + later);
    }
}
