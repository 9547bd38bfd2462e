package dev.uintr.bench;

import dev.uintr.BadInputException;
import dev.uintr.report.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * latency.csv: one row per mechanism and mode, columns as documented in reports/README.md.
 * Numbers are nanoseconds with one decimal (Locale.ROOT); a figure that does not apply
 * (skipped row, no coordinated-omission interval) is empty; a host fact that could not be
 * read is "unknown". The file is always replaced as a whole ({@link AtomicFiles}).
 */
public final class LatencyCsv {
    public static final String FILE = "latency.csv";

    /** The column set, in order. Changing it is a schema change: update reports/README.md. */
    public static final List<String> HEADER = List.of(
            "mechanism", "mode", "backend", "status", "reason", "samples", "warmup", "cpus", "cpus_seen",
            "p50_ns", "p90_ns", "p99_ns", "p99_9_ns", "min_ns", "max_ns", "mean_ns", "stddev_ns",
            "co_interval_ns", "co_samples", "co_p50_ns", "co_p90_ns", "co_p99_ns", "co_p99_9_ns", "co_min_ns",
            "co_max_ns", "co_mean_ns", "co_stddev_ns",
            "timer_overhead_ticks", "timer_overhead_ns", "timer_overhead_pct", "tsc_hz",
            "cpu_model", "kernel", "kernel_abi", "cpuid_uintr", "kpti", "smt", "governor", "invariant_tsc");

    static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
            .setHeader(HEADER.toArray(String[]::new)).get();
    static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private LatencyCsv() {}

    /** Replaces {@code file} with {@code rows}, atomically. */
    public static void write(Path file, List<LatencyRow> rows, long coIntervalNs) {
        AtomicFiles.write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, WRITE)) {
                for (LatencyRow r : rows) {
                    p.printRecord(values(r, coIntervalNs));
                }
            }
        });
    }

    static List<String> values(LatencyRow r, long coIntervalNs) {
        List<String> v = new ArrayList<>(HEADER.size());
        v.add(r.mechanism());
        v.add(r.mode());
        v.add(r.backend());
        v.add(r.status().id());
        v.add(r.reason());
        Percentiles raw = r.stats() == null ? null : r.stats().raw();
        v.add(raw == null ? "" : Long.toString(raw.count()));
        v.add(Integer.toString(r.warmup()));
        v.add(r.host().pinning());
        v.add(r.cpusSeen());
        addPercentiles(v, raw);
        Percentiles co = r.stats() == null ? null : r.stats().corrected();
        v.add(co == null ? "" : Long.toString(coIntervalNs));
        v.add(co == null ? "" : Long.toString(co.count()));
        addPercentiles(v, co);
        HostSnapshot h = r.host();
        v.add(h.timerOverheadTicks() < 0 ? HostSnapshot.UNKNOWN : Long.toString(h.timerOverheadTicks()));
        v.add(num(h.timerOverheadNs()));
        double pct = r.timerOverheadPct();
        v.add(Double.isNaN(pct) ? "" : String.format(Locale.ROOT, "%.2f", pct));
        v.add(h.tscHz() > 0 ? Long.toString(h.tscHz()) : HostSnapshot.UNKNOWN);
        v.add(h.cpuModel());
        v.add(h.kernel());
        v.add(h.kernelAbi());
        v.add(h.cpuidUintr());
        v.add(h.kpti());
        v.add(h.smt());
        v.add(h.governor());
        v.add(h.invariantTsc());
        return v;
    }

    private static void addPercentiles(List<String> v, Percentiles p) {
        if (p == null) {
            for (int i = 0; i < 8; i++) {
                v.add("");
            }
            return;
        }
        v.add(num(p.p50()));
        v.add(num(p.p90()));
        v.add(num(p.p99()));
        v.add(num(p.p999()));
        v.add(num(p.min()));
        v.add(num(p.max()));
        v.add(num(p.mean()));
        v.add(num(p.stddev()));
    }

    static String num(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.1f", d);
    }

    /**
     * Reads a latency.csv back. A missing column or a malformed value is bad input:
     * the message names the file, the line and the column.
     */
    public static List<LatencyRow> read(Path file) {
        String name = file.toString();
        try (Reader in = new java.io.StringReader(dev.uintr.FixtureText.read(file));
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(READ).get()) {
            List<String> header = parser.getHeaderNames();
            for (String col : HEADER) {
                if (!header.contains(col)) {
                    throw BadInputException.at(name, 1, "missing column '" + col + "' (is this a latency.csv?)");
                }
            }
            List<LatencyRow> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                rows.add(parse(rec, name));
            }
            return rows;
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BadInputException(name + ": malformed CSV: " + e.getMessage(), e);
        }
    }

    private static LatencyRow parse(CSVRecord rec, String file) {
        long line = rec.getParser().getCurrentLineNumber();
        Field f = new Field(rec, file, line);
        RowStatus status = RowStatus.byId(f.text("status"));
        if (status == null) {
            throw BadInputException.at(file, line, "status '" + f.text("status") + "' is not ok, skipped or failed");
        }
        LatencyStats stats = null;
        if (status == RowStatus.OK) {
            Percentiles raw = f.percentiles("", f.longValue("samples"));
            Percentiles co = f.text("co_interval_ns").isEmpty() ? null : f.percentiles("co_", f.longValue("co_samples"));
            stats = new LatencyStats(raw, co);
        }
        String tsc = f.text("tsc_hz");
        HostSnapshot host = new HostSnapshot(f.text("cpu_model"), f.text("kernel"), f.text("kernel_abi"),
                f.text("cpuid_uintr"), f.text("kpti"), f.text("smt"), f.text("governor"), f.text("invariant_tsc"),
                tsc.equals(HostSnapshot.UNKNOWN) ? 0 : f.longValue("tsc_hz"),
                f.text("timer_overhead_ticks").equals(HostSnapshot.UNKNOWN) ? -1 : f.longValue("timer_overhead_ticks"),
                f.text("cpus"));
        return new LatencyRow(f.text("mechanism"), f.text("mode"), f.text("backend"), status, f.text("reason"),
                (int) f.longValue("warmup"), f.text("cpus_seen"), stats, host);
    }

    /** Reads one record's columns, failing with file:line and the column name. */
    private record Field(CSVRecord rec, String file, long line) {
        String text(String col) {
            if (!rec.isSet(col)) {
                throw BadInputException.at(file, line, "row has no value for column '" + col + "'");
            }
            return rec.get(col);
        }

        long longValue(String col) {
            String t = text(col);
            try {
                if (!t.matches("-?[0-9]{1,19}")) {                     // ASCII digits only (parseLong takes others)
                    throw new NumberFormatException(t);
                }
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw BadInputException.at(file, line, "column '" + col + "': '" + t + "' is not an integer");
            }
        }

        double doubleValue(String col) {
            String t = text(col);
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw BadInputException.at(file, line, "column '" + col + "': '" + t + "' is not a number");
            }
        }

        Percentiles percentiles(String prefix, long count) {
            return new Percentiles(doubleValue(prefix + "p50_ns"), doubleValue(prefix + "p90_ns"),
                    doubleValue(prefix + "p99_ns"), doubleValue(prefix + "p99_9_ns"), doubleValue(prefix + "min_ns"),
                    doubleValue(prefix + "max_ns"), doubleValue(prefix + "mean_ns"), doubleValue(prefix + "stddev_ns"),
                    count);
        }
    }
}
