package dev.uintr.bench;

import dev.uintr.BadInputException;
import dev.uintr.report.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Several runs side by side: one line per mechanism/mode, for each run its p50 and p99, and
 * for every run after the first the change of its p50 against the first run's (the
 * reproducibility figure: under 10% on a quiet machine).
 */
public final class RunComparison {
    private final List<String> names;
    private final List<Map<String, LatencyRow>> runs;

    private RunComparison(List<String> names, List<Map<String, LatencyRow>> runs) {
        this.names = names;
        this.runs = runs;
    }

    /** Loads each RUN: a run folder holding latency.csv, or a latency.csv itself. */
    public static RunComparison load(List<Path> runPaths) {
        List<String> names = new ArrayList<>();
        List<Map<String, LatencyRow>> runs = new ArrayList<>();
        for (Path p : runPaths) {
            Path csv = Files.isDirectory(p) ? p.resolve(LatencyCsv.FILE) : p;
            if (!Files.isRegularFile(csv)) {
                throw new BadInputException("RUN " + p + ": no " + LatencyCsv.FILE
                        + (Files.isDirectory(p) ? " in this folder" : " (no such file or folder)"));
            }
            Map<String, LatencyRow> byKey = new LinkedHashMap<>();
            for (LatencyRow r : LatencyCsv.read(csv)) {
                byKey.put(r.key(), r);
            }
            Path folder = csv.toAbsolutePath().getParent();
            names.add(folder == null || folder.getFileName() == null ? csv.toString() : folder.getFileName().toString());
            runs.add(byKey);
        }
        return new RunComparison(names, runs);
    }

    /** Change of run i's median against run 0's, in percent; NaN when either was not measured. */
    public double p50ChangePct(String key, int i) {
        double a = p50(runs.get(0).get(key));
        double b = p50(runs.get(i).get(key));
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : 100.0 * (b - a) / a;
    }

    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(r.keySet()));
        return keys;
    }

    private static double p50(LatencyRow r) {
        return r == null || r.stats() == null ? Double.NaN : r.stats().raw().p50();
    }

    private static double p99(LatencyRow r) {
        return r == null || r.stats() == null ? Double.NaN : r.stats().raw().p99();
    }

    private List<String> header() {
        List<String> h = new ArrayList<>(List.of("mechanism/mode"));
        for (int i = 0; i < names.size(); i++) {
            String n = "run" + (i + 1);
            h.add(n + " p50 µs");
            h.add(n + " p99 µs");
            if (i > 0) {
                h.add(n + " Δp50 %");
            }
        }
        return h;
    }

    private List<List<String>> cells() {
        List<List<String>> out = new ArrayList<>();
        for (String key : keys()) {
            List<String> row = new ArrayList<>(List.of(key));
            for (int i = 0; i < runs.size(); i++) {
                LatencyRow r = runs.get(i).get(key);
                row.add(r == null ? "-" : r.stats() == null ? r.status().id() : fmt(p50(r) / 1e3, "%.3f"));
                row.add(r == null || r.stats() == null ? "" : fmt(p99(r) / 1e3, "%.3f"));
                if (i > 0) {
                    double d = p50ChangePct(key, i);
                    row.add(Double.isNaN(d) ? "" : fmt(d, "%+.1f"));
                }
            }
            out.add(row);
        }
        return out;
    }

    /** The console table, with a legend naming each run. */
    public String render() {
        TextTable t = new TextTable(header(), 1);
        cells().forEach(t::add);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sb.append("run").append(i + 1).append(" = ").append(names.get(i)).append(System.lineSeparator());
        }
        return sb.append(t.render()).toString();
    }

    /** Writes the same table as CSV into a new file (never over an existing one), atomically. */
    public void writeCsv(Path file) {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(header().toArray(String[]::new)).get();
        AtomicFiles.writeNew(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, fmt)) {
                for (List<String> row : cells()) {
                    p.printRecord(row);
                }
            }
        });
    }

    private static String fmt(double v, String f) {
        return String.format(Locale.ROOT, f, v);
    }
}
