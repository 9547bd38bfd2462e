package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelativeTableTest {

    private static LatencyRow ok(String mech, String mode, double p50, double p99) {
        Percentiles p = new Percentiles(p50, p50, p99, p99, p50, p99, p50, 0, 100);
        return new LatencyRow(mech, mode, "native", RowStatus.OK, "", 10, "0,1", new LatencyStats(p, null),
                Canned.host("yes"));
    }

    private static LatencyRow skipped(String mech, String mode) {
        return new LatencyRow(mech, mode, "native", RowStatus.SKIPPED, "no UINTR", 10, "unknown", null, Canned.host("yes"));
    }

    @Test
    void normalisedToUipi_whenMeasured_withTheRfcFigureBeside() {
        List<RelativeTable.Entry> e = RelativeTable.compute(List.of(ok("uipi", "round-trip", 100, 200),
                ok("pipe", "round-trip", 1630, 4000), ok("eventfd", "round-trip", 970, 1000)), Mechanism.EVENTFD);
        assertEquals(3, e.size());
        assertTrue(e.stream().allMatch(x -> x.baseline().equals("uipi")));
        RelativeTable.Entry pipe = e.stream().filter(x -> x.mechanism().equals("pipe")).findFirst().orElseThrow();
        assertEquals(16.3, pipe.relativeP50(), 1e-9);
        assertEquals(20.0, pipe.relativeP99(), 1e-9);
        assertEquals(16.3, pipe.rfcRelative(), 1e-9);   // design.md: RFC cover letter, pipe 16.3
        assertEquals(1.0, e.get(0).relativeP50(), 1e-9);
    }

    @Test
    void normalisedToTheNamedMechanism_whenUipiSkipped_andNoRfcFigure() {
        List<RelativeTable.Entry> e = RelativeTable.compute(List.of(skipped("uipi", "round-trip"),
                ok("pipe", "round-trip", 300, 300), ok("futex", "round-trip", 150, 600)), Mechanism.FUTEX);
        assertEquals(2, e.size(), "skipped rows have no ratio");
        assertTrue(e.stream().allMatch(x -> x.baseline().equals("futex")));
        assertEquals(2.0, e.get(0).relativeP50(), 1e-9);
        assertNull(e.get(0).rfcRelative(), "the RFC's ratios are relative to uipi only");
    }

    @Test
    void eachModeHasItsOwnBaseline_andAModeWithoutOneHasNoRows() {
        List<RelativeTable.Entry> e = RelativeTable.compute(List.of(ok("pipe", "round-trip", 300, 300),
                ok("eventfd", "round-trip", 100, 100), ok("pipe", "one-way", 50, 50)), Mechanism.EVENTFD);
        assertEquals(2, e.size());
        assertTrue(e.stream().allMatch(x -> x.mode().equals("round-trip")));
    }

    @Test
    void csvNamesTheBaseline(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(RelativeTable.FILE);
        RelativeTable.write(f, RelativeTable.compute(List.of(ok("pipe", "round-trip", 300, 300),
                ok("eventfd", "round-trip", 100, 100)), Mechanism.EVENTFD));
        List<String> lines = Files.readAllLines(f);
        assertEquals(String.join(",", RelativeTable.HEADER), lines.get(0));
        assertEquals("pipe,round-trip,eventfd,300.0,3.00,3.00,", lines.get(1));
    }
}
