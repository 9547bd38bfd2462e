package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {

    private static Path run(Path root, String name, long pipeScale, boolean withFutex) {
        Path dir = root.resolve(name);
        long[] t = Canned.ramp(1000);
        for (int i = 0; i < t.length; i++) {
            t[i] *= pipeScale;
        }
        LatencyRow pipe = new LatencyRow("pipe", "round-trip", "native", RowStatus.OK, "", 10, "0,1",
                LatencyStats.of(t, t.length, Canned.TSC_HZ, 0), Canned.host("yes"));
        LatencyRow futex = new LatencyRow("futex", "round-trip", "native", RowStatus.SKIPPED, "x", 10, "unknown", null,
                Canned.host("yes"));
        LatencyCsv.write(dir.resolve(LatencyCsv.FILE), withFutex ? List.of(pipe, futex) : List.of(pipe), 0);
        return dir;
    }

    @Test
    void sideBySide_withTheMedianChange(@TempDir Path root) {
        RunComparison c = RunComparison.load(List.of(run(root, "r1", 10, true), run(root, "r2", 11, false)));
        assertEquals(10.0, c.p50ChangePct("pipe/round-trip", 1), 0.1);   // 3-digit histogram buckets
        assertTrue(Double.isNaN(c.p50ChangePct("futex/round-trip", 1)));
        String table = c.render();
        assertTrue(table.contains("run1 = r1"), table);
        assertTrue(table.contains("run2 Δp50 %"), table);
        assertTrue(table.contains("+10.0"), table);
        assertTrue(table.contains("skipped"), table);
    }

    @Test
    void csvOutput(@TempDir Path root) throws Exception {
        RunComparison c = RunComparison.load(List.of(run(root, "r1", 10, false), run(root, "r2", 10, false)));
        Path out = root.resolve("cmp.csv");
        c.writeCsv(out);
        List<String> lines = Files.readAllLines(out);
        assertEquals("mechanism/mode,run1 p50 µs,run1 p99 µs,run2 p50 µs,run2 p99 µs,run2 Δp50 %", lines.get(0));
        assertEquals("pipe/round-trip,5.003,9.903,5.003,9.903,+0.0", lines.get(1));
    }

    @Test
    void missingRun_isBadInputNamingIt(@TempDir Path root) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> RunComparison.load(List.of(root.resolve("nope"))));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("latency.csv"), e.getMessage());
    }
}
