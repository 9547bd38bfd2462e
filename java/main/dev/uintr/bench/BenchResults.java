package dev.uintr.bench;

import dev.uintr.AbiProfile;
import dev.uintr.Verdict;
import dev.uintr.backend.HostFacts;
import dev.uintr.report.RunFolder;
import java.io.PrintWriter;
import java.util.List;

/**
 * The bench area's service: one bench run ({@link BenchSession}) and its verdict. Unlike the other
 * areas it writes while it measures, not afterwards: latency.csv and relative.csv are rewritten
 * after every mechanism and round (atomically) so that an interrupted run leaves what was measured;
 * {@link #run} therefore takes the run folder. The {@code bench} command and the run stage are
 * adapters over it.
 */
public record BenchResults(List<LatencyRow> rows) {
    /** The report files a run writes into its folder (hybrid-floor.csv too when hybrid rows ran). */
    public static final List<String> FILES = List.of(LatencyCsv.FILE, HostCsv.FILE, RelativeTable.FILE, LatencyPlot.FILE);

    public BenchResults {
        rows = List.copyOf(rows);
    }

    /** Measures {@code cfg} on this host into {@code folder}; hybrid rows answered by {@code hybridProfile}'s models. */
    public static BenchResults run(BenchConfig cfg, HostFacts host, RunFolder folder, PrintWriter console,
                                   AbiProfile hybridProfile) {
        return new BenchResults(BenchSession.run(cfg, host, folder.dir(), console, hybridProfile));
    }

    /** FAILED when a row failed, ALL_SKIPPED when every row was skipped, else PASS. */
    public Verdict verdict() {
        return Verdict.of(rows.stream().anyMatch(r -> r.status() == RowStatus.FAILED),
                !rows.isEmpty() && rows.stream().allMatch(r -> r.status() == RowStatus.SKIPPED));
    }
}
