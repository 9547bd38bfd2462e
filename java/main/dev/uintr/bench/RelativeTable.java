package dev.uintr.bench;

import dev.uintr.report.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The RFC-style relative table: each measured mechanism's median (and p99) divided by the
 * baseline's, per mode. The baseline is {@code uipi} when it was measured in that mode, else
 * the named fallback (--normalise-to); a mode where neither was measured gets no rows. The
 * baseline used is a column, so a reader never has to guess.
 *
 * <p>Only native rows take part: an emulated row (the Java model's cost) is never the baseline,
 * never normalised, and never in the table.
 *
 * <p>{@code rfc_2021_relative} is the figure of Intel's RFC cover letter (spinning UIPI = 1.0,
 * pre-production hardware, means): printed only beside rows normalised to uipi, where it
 * compares like with like (design.md "Latency reports").
 */
public final class RelativeTable {
    public static final String FILE = "relative.csv";
    public static final List<String> HEADER = List.of("mechanism", "mode", "baseline", "p50_ns", "relative_p50",
            "relative_p99", "rfc_2021_relative");

    /** The RFC cover letter's relative latencies (spinning UIPI = 1.0). */
    static final Map<String, Double> RFC_2021 = Map.of("uipi", 1.0, "uipi-blocked", 8.9, "eventfd", 9.7,
            "signal", 14.8, "pipe", 16.3, "unix", 17.3);

    /** One row of the table. */
    public record Entry(String mechanism, String mode, String baseline, double p50Ns, double relativeP50,
                        double relativeP99, Double rfcRelative) {}

    private RelativeTable() {}

    /** The entries for every ok row, normalised per mode. */
    public static List<Entry> compute(List<LatencyRow> rows, Mechanism fallback) {
        List<Entry> out = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            Optional<LatencyRow> base = find(rows, Mechanism.UIPI.id(), mode.id())
                    .or(() -> find(rows, fallback.id(), mode.id()));
            if (base.isEmpty()) {
                continue;
            }
            Percentiles b = base.get().stats().raw();
            boolean uipiBase = base.get().mechanism().equals(Mechanism.UIPI.id());
            for (LatencyRow r : rows) {
                if (r.status() != RowStatus.OK || r.emulated() || !r.mode().equals(mode.id())) {
                    continue;
                }
                Percentiles p = r.stats().raw();
                out.add(new Entry(r.mechanism(), r.mode(), base.get().mechanism(), p.p50(), p.p50() / b.p50(),
                        p.p99() / b.p99(), uipiBase ? RFC_2021.get(r.mechanism()) : null));
            }
        }
        return out;
    }

    private static Optional<LatencyRow> find(List<LatencyRow> rows, String mechanism, String mode) {
        return rows.stream().filter(r -> r.status() == RowStatus.OK && !r.emulated() && r.mechanism().equals(mechanism)
                && r.mode().equals(mode) && r.stats().raw().p50() > 0).findFirst();
    }

    /** Replaces {@code file} with the table, atomically. */
    public static void write(Path file, List<Entry> entries) {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(HEADER.toArray(String[]::new)).get();
        AtomicFiles.write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, fmt)) {
                for (Entry e : entries) {
                    p.printRecord(e.mechanism(), e.mode(), e.baseline(), LatencyCsv.num(e.p50Ns()),
                            String.format(Locale.ROOT, "%.2f", e.relativeP50()),
                            String.format(Locale.ROOT, "%.2f", e.relativeP99()),
                            e.rfcRelative() == null ? "" : String.format(Locale.ROOT, "%.1f", e.rfcRelative()));
                }
            }
        });
    }
}
