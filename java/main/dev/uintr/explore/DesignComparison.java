package dev.uintr.explore;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the explorer over every selected scenario × profile × design and prints the design
 * comparison: a table (or CSV) with the verdict, the declared expectation, states, depth,
 * time and the worst-case counters; then the shortest counterexample of each violated
 * invariant.
 */
public final class DesignComparison {
    private DesignComparison() {}

    public static final List<String> CSV_COLUMNS = List.of("scenario", "profile", "design", "verdict", "expected",
            "status", "coverage", "states", "depth", "ms", "victims", "spurious_0xec", "kernel_0xeb", "gp_fixups",
            "empty_wakeups", "lost_ipis", "shortest");

    public static List<PairResult> run(List<Scenario> scenarios, List<AbiProfile> profiles,
                                       List<BlockingDesign> designs, Bound bound) {
        return run(Matrix.cells(scenarios, profiles, designs), bound, SearchOptions.DEFAULT, null);
    }

    /**
     * The cells' results in the cells' order; {@code progress} (or null) hears each running
     * search's progress with its cell. The options change how fast, never what is found.
     */
    public static List<PairResult> run(List<Matrix.Cell> cells, Bound bound, SearchOptions options,
                                       java.util.function.BiConsumer<Matrix.Cell, SearchProgress> progress) {
        List<PairResult> out = new ArrayList<>();
        for (Matrix.Cell c : cells) {
            String na = World.notApplicable(c.scenario(), c.profile(), c.design());
            if (na != null) {
                out.add(new PairResult(c.scenario(), c.profile(), c.design(), null, na, null));
                continue;
            }
            SearchOptions o = progress == null ? options : options.withProgress(p -> progress.accept(c, p), options.everyMillis());
            SearchResult r = Explorer.search(World.build(c.scenario(), c.profile(), c.design()), bound, o);
            out.add(new PairResult(c.scenario(), c.profile(), c.design(), r, null, c.scenario().expectation(c.design(), c.profile())));
        }
        return out;
    }

    /** The shortest counterexample of a pair: fewest switches, then fewest events, then invariant order. */
    public static Counterexample shortest(PairResult r) {
        Counterexample best = null;
        for (Counterexample c : r.result().found().values()) {
            if (best == null || c.switches() < best.switches()
                    || (c.switches() == best.switches() && c.events() < best.events())) {
                best = c;
            }
        }
        return best;
    }

    /** Every counterexample of the pair, rendered (short trace, then detailed), in invariant order. */
    public static String traces(PairResult r) {
        StringBuilder sb = new StringBuilder();
        for (Counterexample c : r.result().found().values()) {
            World fresh = World.build(r.scenario(), r.profile(), r.design());
            sb.append(TraceFormatter.render(fresh, c)).append('\n');
        }
        return sb.toString();
    }

    public static void printTable(List<PairResult> rows, PrintWriter out) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"SCENARIO", "PROFILE", "DESIGN", "VERDICT", "EXPECTED", "STATUS", "STATES", "DEPTH",
            "MS", "VICTIMS", "0xEC", "0xEB", "#GP", "EMPTY"});
        for (PairResult r : rows) {
            SearchResult s = r.result();
            cells.add(new String[] {r.scenario().name(), r.profile().id(), r.design().id(), r.verdictText(),
                r.expected() == null ? "-" : Invariant.render(r.expected()), r.status(),
                s == null ? "-" : String.format(Locale.ROOT, "%,d", s.states()),
                s == null ? "-" : String.valueOf(s.depth()), s == null ? "-" : String.valueOf(s.millis()),
                s == null ? "-" : String.valueOf(s.worst().victims()), s == null ? "-" : String.valueOf(s.worst().spurious()),
                s == null ? "-" : String.valueOf(s.worst().kernelVector()), s == null ? "-" : String.valueOf(s.worst().gpFixups()),
                s == null ? "-" : String.valueOf(s.worst().emptyWakeups())});
        }
        int[] w = new int[cells.get(0).length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i >= 6;
                String c = row[i];
                String padded = numeric ? " ".repeat(w[i] - c.length()) + c : c + " ".repeat(w[i] - c.length());
                line.append(i == 0 ? "" : "  ").append(padded);
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("counts are the worst case over every explored interleaving; VERDICT 'none within bound' "
                + "means no violation within the bound, never a proof");
        printDesignSummary(rows, out);
    }

    /**
     * One line per (profile, design): in how many scenarios each invariant was violated, and the
     * counters summed over the scenarios' worst cases (design.md: "count victims, spurious
     * kernel interrupts and faults per design").
     */
    static void printDesignSummary(List<PairResult> rows, PrintWriter out) {
        java.util.Map<String, long[]> sums = new java.util.LinkedHashMap<>();
        for (PairResult r : rows) {
            if (!r.applicable()) {
                continue;
            }
            int inv = Invariant.values().length;
            long[] a = sums.computeIfAbsent(pad(r.profile().id(), 7) + "  " + r.design().id(), k -> new long[inv + 5]);
            SearchResult s = r.result();
            a[0]++;
            int i = 1;
            for (Invariant v : Invariant.values()) {
                a[i++] += s.found().containsKey(v) ? 1 : 0;
            }
            a[i++] += s.worst().victims();
            a[i++] += s.worst().spurious();
            a[i++] += s.worst().gpFixups();
            a[i] += s.worst().emptyWakeups();
        }
        if (sums.isEmpty()) {
            return;
        }
        out.println();
        out.println("per design (scenarios violating each invariant, of those explored; counters summed over the scenarios' worst cases):");
        int w = sums.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder head = new StringBuilder(pad("PROFILE  DESIGN", w));
        for (Invariant v : Invariant.values()) {
            head.append("  ").append(v.id().toUpperCase(Locale.ROOT));
        }
        out.println(head.append("  VICTIMS  0xEC  #GP  EMPTY"));
        for (var e : sums.entrySet()) {
            long[] a = e.getValue();
            StringBuilder line = new StringBuilder(pad(e.getKey(), w));
            int i = 1;
            for (Invariant v : Invariant.values()) {
                String cell = a[i++] + "/" + a[0];
                line.append("  ").append(" ".repeat(Math.max(0, v.id().length() - cell.length()))).append(cell);
            }
            line.append(String.format(Locale.ROOT, "  %7d  %4d  %3d  %5d", a[i], a[i + 1], a[i + 2], a[i + 3]));
            out.println(line);
        }
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    public static String csv(List<PairResult> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (PairResult r : rows) {
            SearchResult s = r.result();
            Counterexample c = s == null ? null : shortest(r);
            List<String> v = List.of(r.scenario().name(), r.profile().id(), r.design().id(),
                    r.applicable() ? Invariant.render(s.verdict()) : "n/a",
                    r.expected() == null ? "" : Invariant.render(r.expected()), r.status(),
                    s == null ? "" : s.coverage(), s == null ? "" : String.valueOf(s.states()),
                    s == null ? "" : String.valueOf(s.depth()), s == null ? "" : String.valueOf(s.millis()),
                    s == null ? "" : String.valueOf(s.worst().victims()), s == null ? "" : String.valueOf(s.worst().spurious()),
                    s == null ? "" : String.valueOf(s.worst().kernelVector()), s == null ? "" : String.valueOf(s.worst().gpFixups()),
                    s == null ? "" : String.valueOf(s.worst().emptyWakeups()), s == null ? "" : String.valueOf(s.worst().lostIpis()),
                    c == null ? "" : c.invariant().id() + ":" + c.switches() + "sw/" + c.events() + "ev");
            sb.append(String.join(",", v)).append('\n');
        }
        return sb.toString();
    }
}
