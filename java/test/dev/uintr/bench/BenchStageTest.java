package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uintr.cli.BenchStage;
import dev.uintr.cli.RunContext;
import dev.uintr.nat.UintrBenchLib;
import dev.uintr.report.RunFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchStageTest {

    @Test
    void quickStage_measuresEveryBaseline_andSkipsUipiWithAReason(@TempDir Path dir) throws Exception {
        assumeTrue(UintrBenchLib.Calls.available(), "native benchmarks unavailable: " + UintrBenchLib.Calls.unavailableReason());
        StringWriter console = new StringWriter();
        var facts = dev.uintr.backend.HostProbe.probe();
        int code = new BenchStage().run(new RunContext(RunFolder.at(dir), facts, new PrintWriter(console, true), true));
        assertEquals(0, code, console.toString());
        List<LatencyRow> all = LatencyCsv.read(dir.resolve(LatencyCsv.FILE));
        List<LatencyRow> rows = all.stream().filter(r -> !r.emulated()).toList();
        List<LatencyRow> emulated = all.stream().filter(r -> r.backend().equals(Measurement.EMULATED)).toList();
        List<LatencyRow> hybrid = all.stream().filter(r -> r.backend().equals(Measurement.HYBRID)).toList();
        assertEquals(Mechanism.values().length * 2, rows.size());
        // backend auto: the emulated uipi rows stand beside a skipped native uipi round trip, and only then.
        boolean uipiSkipped = UipiGate.skipReason(Mechanism.UIPI, facts).isPresent()
                || dev.uintr.bench.NativeLatencySource.unavailable().isPresent();
        assertEquals(uipiSkipped ? EmulatedPath.values().length : 0, emulated.size(), all.toString());
        for (LatencyRow r : emulated) {
            assertEquals(RowStatus.OK, r.status(), r.key() + ": " + r.reason());
            assertEquals(BenchConfig.QUICK_ITERATIONS, r.stats().raw().count());
            assertTrue(r.reason().startsWith(EmulatedPath.NOTE), r.reason());
        }
        for (LatencyRow r : rows) {
            Mechanism m = Mechanism.parse(r.mechanism(), "test");
            if (m.needsUintr() && UipiGate.skipReason(m, facts).isPresent()) {
                assertEquals(RowStatus.SKIPPED, r.status(), r.key());
            } else if (r.mode().equals("round-trip")) {
                assertEquals(RowStatus.OK, r.status(), r.key() + ": " + r.reason());
                assertEquals(BenchConfig.QUICK_ITERATIONS, r.stats().raw().count());
            }
        }
        // backend auto: a hybrid round trip stands beside each skipped native uipi / uipi-blocked round trip where
        // hybrid runs here, with the floor beside it; every one ends with all its samples.
        boolean hybridRuns = uipiSkipped && dev.uintr.hybrid.HybridAvailability.available();
        assertEquals(hybridRuns ? 2 : 0, hybrid.size(), all.toString());
        for (LatencyRow r : hybrid) {
            assertTrue(r.reason().startsWith(HybridRows.NOTE), r.reason());
            if (r.mechanism().equals("uipi")) {   // rfc-v1 uipi-blocked may lose a wake-up (see HybridOnThisHostTest)
                assertEquals(RowStatus.OK, r.status(), r.key() + ": " + r.reason());
                assertEquals(BenchConfig.QUICK_ITERATIONS, r.stats().raw().count());
            }
        }
        assertEquals(hybridRuns, java.nio.file.Files.exists(dir.resolve(HybridFloorCsv.FILE)));
        assertTrue(java.nio.file.Files.exists(dir.resolve(HostCsv.FILE)));
        assertTrue(console.toString().contains("emulated emu0,emu1") == uipiSkipped, console.toString());
    }
}
