package dev.uintr.explore;

import dev.uintr.Verdict;
import dev.uintr.report.AtomicFiles;
import dev.uintr.report.RunFolder;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an explore run produced: one row per scenario × profile × design. The explore command
 * prints the comparison (table with each pair's shortest counterexample, or csv); the run stage
 * writes explore.csv and every counterexample into traces/&lt;design&gt;-&lt;scenario&gt;.txt.
 */
public record ExploreResults(List<PairResult> rows) {
    public ExploreResults {
        rows = List.copyOf(rows);
    }

    /** Explores every pair of {@code scenarios} × {@code profiles} × {@code designs} within {@code bound}. */
    public static ExploreResults run(List<Scenario> scenarios, List<dev.uintr.AbiProfile> profiles,
            List<dev.uintr.kernel.BlockingDesign> designs, Bound bound) {
        return new ExploreResults(DesignComparison.run(scenarios, profiles, designs, bound));
    }

    /** ALL_SKIPPED when no pair applies, FAILED when a verdict differs from its scenario file, else PASS. */
    public Verdict verdict() {
        return Verdict.of(rows.stream().anyMatch(PairResult::mismatch), rows.stream().noneMatch(PairResult::applicable));
    }

    /** The rows whose verdict differs from the one their scenario file declares. */
    public List<PairResult> mismatches() {
        return rows.stream().filter(PairResult::mismatch).toList();
    }

    /** The explore.csv text. */
    public String csv() {
        return DesignComparison.csv(rows);
    }

    /** Trace file name (without .txt) → every counterexample of that design and scenario, both profiles. */
    public Map<String, String> traceFiles() {
        Map<String, StringBuilder> traces = new LinkedHashMap<>();
        for (PairResult r : rows) {
            if (r.applicable() && !r.result().found().isEmpty()) {
                traces.computeIfAbsent(r.design().id() + "-" + r.scenario().name(), k -> new StringBuilder())
                        .append(DesignComparison.traces(r));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        traces.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }

    /** Writes explore.csv and traces/*.txt into {@code folder}; returns how many trace files. */
    public int write(RunFolder folder) {
        AtomicFiles.writeString(folder.file("explore.csv"), csv());
        Map<String, String> traces = traceFiles();
        for (var e : traces.entrySet()) {
            AtomicFiles.writeString(folder.file("traces").resolve(e.getKey() + ".txt"), e.getValue());
        }
        return traces.size();
    }

    /** The comparison table, then each applicable pair's shortest counterexample, then the closing line. */
    public void printTable(PrintWriter out) {
        DesignComparison.printTable(rows, out);
        for (PairResult r : rows) {
            Counterexample c = r.applicable() ? DesignComparison.shortest(r) : null;
            if (c != null) {
                out.println();
                out.print(TraceFormatter.render(World.build(r.scenario(), r.profile(), r.design()), c));
            }
        }
        long bad = mismatches().size();
        out.println();
        out.println(bad == 0 ? "explore: every verdict matches its declared expectation"
                : "explore: " + bad + " verdict(s) differ from the declared expectation (STATUS MISMATCH)");
    }

    /** How many pairs applied, and the states they explored. */
    public long applicable() {
        return rows.stream().filter(PairResult::applicable).count();
    }

    public long states() {
        return rows.stream().filter(PairResult::applicable).mapToLong(r -> r.result().states()).sum();
    }
}
