package dev.uintr.explore;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.util.ArrayList;
import java.util.List;

/**
 * debate.md: the seed's question answered from the search (fixtures/scenarios/README.md "Explore", "The debate
 * report"). Sections: the answer (designs without violations, by estimated cost), the verdict
 * matrix per profile (scenarios × designs, cells = invariants violated), the cost table per post
 * on the reference scenario (exact counts, min–max over interleavings, plus the estimate), the
 * estimate for every scenario, one verdict paragraph per design ({@link DebateVerdicts}), the
 * shortest counterexample of every violated cell, the weights, and the exact counts of every
 * other scenario as an appendix. Deterministic: no times, no
 * dates, so two runs of the same model give the same file.
 */
public final class DebateReport {
    private DebateReport() {}

    /** The chart's file name next to debate.md in a run folder. */
    public static final String CHART = "debate-cost.png";

    /** debate.md, its chart referred to as {@code chart} (a file name next to it), or none when null. */
    public static String markdown(Debate db, String chart) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Waking a receiver blocked in the kernel: the seed's debate, settled by search\n\n");
        sb.append("The question (Lutomirski's review of `uintr_wait()`, LKML 2021-09-30, `spec/seed-lkml-review.txt`): how "
                + "can a sender wake a receiver blocked in the kernel without missed wake-ups and without interrupting "
                + "innocent CPUs? He names three ways: a wrapper around SENDUIPI, the notification as a real interrupt "
                + "honouring IRQ affinity, or a reserved UPID bit so that SENDUIPI faults.\n\n");
        sb.append("Written by `uintr-harness explore` from ").append(DebateVerdicts.count(db.scenarios().size(), "scenario"))
                .append(" × ").append(DebateVerdicts.count(db.designs().size(), "design")).append(" × ")
                .append(db.profiles().size() == 1 ? "profile " + db.profiles().get(0).id() : "profiles "
                        + String.join(" and ", db.profiles().stream().map(AbiProfile::id).toList()))
                .append(": every interleaving of each scenario was searched on the emulated kernel (bound: ")
                .append(String.format(java.util.Locale.ROOT, "%,d", db.bound().maxStates())).append(" states, ")
                .append(db.bound().maxDepth()).append(" events). Every verdict below is what the search found; "
                + "`none` means no violation was found, exhaustively unless marked `none (bound)`, never a proof. "
                + "Counts are exact counts from the model; cycles are an **estimate** from editable weights.\n\n");
        answer(sb, db);
        matrix(sb, db);
        costTable(sb, db, chart);
        estimateMatrix(sb, db);
        sb.append("## Verdict per design\n\n");
        for (AbiProfile p : db.profiles()) {
            for (BlockingDesign d : db.designs(p)) {
                sb.append(DebateVerdicts.paragraph(db, p, d)).append("\n\n");
            }
        }
        counterexamples(sb, db);
        weights(sb, db);
        appendix(sb, db);
        return sb.toString();
    }

    private static void answer(StringBuilder sb, Debate db) {
        sb.append("## Answer\n\n");
        for (AbiProfile p : db.profiles()) {
            List<BlockingDesign> clean = new ArrayList<>();
            List<String> broken = new ArrayList<>();
            for (BlockingDesign d : db.designs(p)) {
                long bad = db.violatedCells(p, d);
                if (bad == 0) {
                    clean.add(d);
                } else {
                    broken.add("`" + d.id() + "` (" + Invariant.render(violated(db, p, d)) + " in " + bad + " of "
                            + db.rows(p, d).size() + ")");
                }
            }
            clean.sort(java.util.Comparator.comparingDouble(d -> {
                double v = db.worstEstimate(p, d);
                return Double.isNaN(v) ? Double.MAX_VALUE : v;
            }));
            List<String> cleanText = new ArrayList<>();
            for (BlockingDesign d : clean) {
                double w = db.worstEstimate(p, d);
                cleanText.add("`" + d.id() + "`" + (Double.isNaN(w) ? "" : " (≈" + WakeCosts.num(Math.round(w))
                        + " cycles per post on " + db.reference() + ", estimate)"));
            }
            sb.append("- **").append(p.id()).append("**: ");
            sb.append(clean.isEmpty() ? "no design is free of violations" : "no violation found for "
                    + DebateVerdicts.join(cleanText) + (clean.size() > 1 ? ", cheapest first" : ""));
            sb.append(broken.isEmpty() ? "." : "; violations found for " + DebateVerdicts.join(broken) + ".");
            sb.append('\n');
        }
        sb.append('\n');
    }

    static java.util.Set<Invariant> violated(Debate db, AbiProfile p, BlockingDesign d) {
        java.util.Set<Invariant> all = java.util.EnumSet.noneOf(Invariant.class);
        for (PairResult r : db.rows(p, d)) {
            all.addAll(r.result().verdict());
        }
        return all;
    }

    private static void matrix(StringBuilder sb, Debate db) {
        sb.append("## Verdicts: designs × scenarios × invariants\n\n");
        sb.append("Each cell: the invariants some interleaving violates (").append(invariantList())
                .append("); `none`; `none (bound)` when the search hit its bound; `n/a` when the design does not exist "
                + "in that tree. A `MISMATCH` mark means the scenario file declares something else.\n\n");
        for (AbiProfile p : db.profiles()) {
            sb.append("### ").append(p.id()).append("\n\n");
            designTable(sb, db, p, "scenario", DebateReport::cell);
        }
    }

    /** One row per scenario, one column per design of {@code p} ({@code corner} heads the first), {@code cell} in each. */
    private static void designTable(StringBuilder sb, Debate db, AbiProfile p, String corner,
                                    java.util.function.Function<PairResult, String> cell) {
        List<BlockingDesign> ds = db.designs(p);
        sb.append("| ").append(corner).append(" |");
        for (BlockingDesign d : ds) {
            sb.append(' ').append(d.id()).append(" |");
        }
        sb.append("\n|---|").append("---|".repeat(ds.size())).append('\n');
        for (Scenario sc : db.scenarios()) {
            sb.append("| ").append(sc.name()).append(" |");
            for (BlockingDesign d : ds) {
                sb.append(' ').append(cell.apply(db.row(sc.name(), p, d))).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    private static String invariantList() {
        List<String> ids = new ArrayList<>();
        for (Invariant i : Invariant.values()) {
            ids.add("`" + i.id() + "`");
        }
        return String.join(", ", ids);
    }

    private static String cell(PairResult r) {
        if (r == null) {
            return "-";
        }
        if (!r.applicable()) {
            return "n/a";
        }
        String v = r.result().found().isEmpty()
                ? ("exhaustive".equals(r.result().coverage()) ? "none" : "none (bound)")
                : "**" + Invariant.render(r.result().verdict()) + "**";
        return r.mismatch() ? v + " MISMATCH" : v;
    }

    private static void costTable(StringBuilder sb, Debate db, String chart) {
        Scenario ref = db.scenarios().stream().filter(s -> s.name().equals(db.reference())).findFirst().orElse(null);
        if (ref == null) {
            return;
        }
        sb.append("## Cost per post (exact counts from the model)\n\n");
        countsTable(sb, db, ref);
        for (WakeCosts.Measure m : WakeCosts.MEASURES) {
            sb.append("- **").append(m.name()).append("**: ").append(m.meaning()).append('\n');
        }
        sb.append('\n');
        if (chart != null) {
            sb.append("![estimated cycles per post by design](").append(chart).append(")\n\n");
        }
    }

    /** Exact counts per post of one scenario, a row per (profile, design) that applies. */
    private static void countsTable(StringBuilder sb, Debate db, Scenario ref) {
        sb.append("Scenario `").append(ref.name()).append("`: ").append(ref.description()).append(". Per post (")
                .append(DebateVerdicts.count(ref.posts(), "post")).append(" in the scenario), min–max over every "
                + "interleaving that ends without a lost wake-up.\n\n");
        sb.append("| profile | design |");
        for (WakeCosts.Measure m : WakeCosts.MEASURES) {
            sb.append(' ').append(m.name()).append(" |");
        }
        sb.append(" est. cycles (estimate) |\n|---|---|").append("---|".repeat(WakeCosts.MEASURES.size() + 1)).append('\n');
        for (AbiProfile p : db.profiles()) {
            for (BlockingDesign d : db.designs(p)) {
                PairResult r = db.row(ref.name(), p, d);
                if (r == null || !r.applicable()) {
                    continue;
                }
                WakeCosts c = db.costs(r);
                sb.append("| ").append(p.id()).append(" | ").append(d.id()).append(" |");
                for (WakeCosts.Measure m : WakeCosts.MEASURES) {
                    sb.append(' ').append(c.range(m.f())).append(" |");
                }
                sb.append(' ').append(db.weights() == null ? "-" : c.range(db.weights()::estimate)).append(" |\n");
            }
        }
        sb.append('\n');
    }

    /** The same exact counts for every other scenario: what each design makes the machine do there (Andy's states included). */
    private static void appendix(StringBuilder sb, Debate db) {
        sb.append("\n## Appendix: exact counts per post, every scenario\n\n");
        for (Scenario sc : db.scenarios()) {
            if (sc.name().equals(db.reference())) {
                continue;
            }
            sb.append("### ").append(sc.name()).append("\n\n");
            countsTable(sb, db, sc);
        }
    }

    private static void estimateMatrix(StringBuilder sb, Debate db) {
        if (db.weights() == null) {
            return;
        }
        sb.append("### Estimated cycles per post, every scenario (ESTIMATE; worst case over the endings without a lost wake-up)\n\n");
        for (AbiProfile p : db.profiles()) {
            designTable(sb, db, p, p.id(), r -> {
                if (r == null || !r.applicable()) {
                    return "n/a";
                }
                double w = db.costs(r).maxPerPost(db.weights()::estimate);
                return Double.isNaN(w) ? "-" : WakeCosts.num(Math.round(w));
            });
        }
        sb.append("`-`: no post in the scenario, or no interleaving ends without a lost wake-up.\n\n");
    }

    private static void counterexamples(StringBuilder sb, Debate db) {
        sb.append("## Shortest counterexample of every violated cell\n\n");
        sb.append("One column per CPU; `switch` where the next event happens elsewhere. The detailed traces (values read "
                + "and written, a STATE line after each change) are in `traces/`.\n\n");
        boolean any = false;
        for (AbiProfile p : db.profiles()) {
            for (BlockingDesign d : db.designs(p)) {
                for (PairResult r : db.rows(p, d)) {
                    for (Counterexample c : r.result().found().values()) {
                        any = true;
                        String full = TraceFormatter.render(World.build(r.scenario(), r.profile(), r.design()), c);
                        int cut = full.indexOf("\nDetailed trace:");
                        String shortTrace = (cut >= 0 ? full.substring(0, cut) : full).strip();
                        int nl = shortTrace.indexOf('\n');
                        sb.append("### ").append(r.scenario().name()).append(" · ").append(p.id()).append(" · ").append(d.id())
                                .append(" · ").append(c.invariant().id()).append("\n\n```\n")
                                .append(shortTrace.substring(nl + 1)).append("\n```\n\n");
                    }
                }
            }
        }
        if (!any) {
            sb.append("None: the search found no violation.\n\n");
        }
    }

    private static void weights(StringBuilder sb, Debate db) {
        sb.append("## Weights of the estimate\n\n");
        if (db.weights() == null) {
            sb.append("No weights file was loaded: no estimate.\n");
            return;
        }
        sb.append("From `").append(java.nio.file.Path.of(db.weights().file()).getFileName()).append("` (edit it for your "
                + "machine). The estimate is ipi_send × (IPIs) + ipi_receive × (uintr interrupts the kernel takes + "
                + "reschedule IPIs received) + syscall × syscalls + gp_fault × #GP + wait_list_entry × list walked.\n\n");
        sb.append("| weight | cycles | source |\n|---|---|---|\n");
        for (String n : CostWeights.NAMES) {
            sb.append("| ").append(n).append(" | ").append(db.weights().get(n)).append(" | ")
                    .append(db.weights().sources().get(n)).append(" |\n");
        }
    }
}
