package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyCsvTest {

    private static LatencyRow measured(String mech, long interval) {
        LatencyStats s = LatencyStats.of(Canned.ramp(1000), 1000, Canned.TSC_HZ, interval);
        return new LatencyRow(mech, "round-trip", "native", RowStatus.OK, "", 10, "0,1", s, Canned.host("yes"));
    }

    @Test
    void roundTrip_keepsEveryFigure(@TempDir Path dir) {
        LatencyRow withCo = measured("pipe", 100);
        LatencyRow plain = measured("futex", 0);
        LatencyRow skipped = new LatencyRow("uipi", "one-way", "native", RowStatus.SKIPPED,
                "no UINTR on this CPU, \"quoted\", with commas", 10, "unknown", null, Canned.host("yes"));
        Path f = dir.resolve(LatencyCsv.FILE);
        LatencyCsv.write(f, List.of(withCo, plain, skipped), 100);

        List<LatencyRow> back = LatencyCsv.read(f);
        assertEquals(3, back.size());
        Percentiles a = withCo.stats().raw();
        Percentiles b = back.get(0).stats().raw();
        assertEquals(a.p50(), b.p50(), 0.05);
        assertEquals(a.p999(), b.p999(), 0.05);
        assertEquals(a.stddev(), b.stddev(), 0.05);
        assertEquals(a.count(), b.count());
        assertNotNull(back.get(0).stats().corrected());
        assertEquals(withCo.stats().corrected().count(), back.get(0).stats().corrected().count());
        assertNull(back.get(1).stats().corrected(), "no interval: co columns stay empty");
        assertEquals(RowStatus.SKIPPED, back.get(2).status());
        assertEquals(skipped.reason(), back.get(2).reason());
        assertNull(back.get(2).stats());
        assertEquals(Canned.host("yes"), back.get(0).host());
    }

    @Test
    void header_isTheDocumentedColumnSet(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(LatencyCsv.FILE);
        LatencyCsv.write(f, List.of(measured("pipe", 0)), 0);
        List<String> lines = Files.readAllLines(f);
        assertEquals(String.join(",", LatencyCsv.HEADER), lines.get(0));
        assertEquals(LatencyCsv.HEADER.size(), LatencyCsv.values(measured("pipe", 0), 0).size());
    }

    @Test
    void reportsReadme_documentsEveryColumn() throws Exception {
        String readme = Files.readString(Path.of("reports/README.md"));
        for (List<String> header : List.of(LatencyCsv.HEADER, HostCsv.HEADER, RelativeTable.HEADER)) {
            for (String col : header) {
                assertTrue(readme.contains("`" + col + "`"), "reports/README.md does not document column " + col);
            }
        }
    }

    @Test
    void missingColumn_namesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latency.csv");
        Files.writeString(f, "mechanism,mode\npipe,round-trip\n");
        BadInputException e = assertThrows(BadInputException.class, () -> LatencyCsv.read(f));
        assertTrue(e.getMessage().startsWith(f + ":1: missing column 'backend'"), e.getMessage());
    }

    @Test
    void malformedNumber_namesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(LatencyCsv.FILE);
        LatencyCsv.write(f, List.of(measured("pipe", 0), measured("futex", 0)), 0);
        List<String> lines = Files.readAllLines(f);
        lines.set(2, lines.get(2).replaceFirst(",0,1\",0,1,", ",0,1\",0,1,").replace(",500.0,", ",fast,"));
        Files.write(f, lines);
        BadInputException e = assertThrows(BadInputException.class, () -> LatencyCsv.read(f));
        assertTrue(e.getMessage().startsWith(f + ":3: column 'p50_ns': 'fast'"), e.getMessage());
    }

    @Test
    void unknownStatus_isBadInput(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(LatencyCsv.FILE);
        LatencyCsv.write(f, List.of(measured("pipe", 0)), 0);
        Files.writeString(f, Files.readString(f).replace(",native,ok,", ",native,great,"));
        BadInputException e = assertThrows(BadInputException.class, () -> LatencyCsv.read(f));
        assertTrue(e.getMessage().contains(":2: status 'great'"), e.getMessage());
    }
}
