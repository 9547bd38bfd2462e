package dev.uintr.explore;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The one-paragraph verdict per (profile, design) of debate.md, written from the results only:
 * which invariants the search found violated where (with the shortest counterexample), which
 * held, the exact costs per post on the reference scenario, and the design's standing among the
 * designs without violations. Nothing here knows what any design is expected to do; only
 * {@link #ROLE} says which of the seed's options a design is, as a label.
 */
public final class DebateVerdicts {
    private DebateVerdicts() {}

    /** What each design is, in the seed's terms (a label, not a verdict). */
    static final Map<BlockingDesign, String> ROLE = Map.of(
            BlockingDesign.NAIVE, "the strawman: leave NV = 0xEC while blocked",
            BlockingDesign.KERNEL_VECTOR, "the RFC's NV-2 trick (kernel vector 0xEB, global wait list)",
            BlockingDesign.KERNEL_VECTOR_CHECKED, "the RFC's NV-2 trick with the re-check after arming and hot-unplug retargeting",
            BlockingDesign.GP_FAULT, "the seed's option 3: faults instead of interrupts (reserved UPID bit, sender pays a #GP)",
            BlockingDesign.SEND_WRAPPER, "the seed's option 1 as worded: a wrapper that checks a blocked word, then sends or makes a wake call",
            BlockingDesign.SEND_WRAPPER_POST_FIRST, "the seed's option 1 with the order reversed: SENDUIPI, then check, then a wake call",
            BlockingDesign.AFFINITY, "the seed's option 2: the blocked receiver's notification as a device interrupt honouring IRQ affinity");

    public static String paragraph(Debate db, AbiProfile p, BlockingDesign d) {
        List<PairResult> rows = db.rows(p, d);
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(d.id()).append("** (").append(p.id()).append("; ").append(ROLE.getOrDefault(d, d.id()))
                .append("). ");
        if (rows.isEmpty()) {
            return sb.append("Not applicable under ").append(p.id()).append('.').toString();
        }
        long exhaustive = rows.stream().filter(r -> "exhaustive".equals(r.result().coverage())).count();
        sb.append("Explored on ").append(count(rows.size(), "scenario")).append(" (")
                .append(exhaustive == rows.size() ? "all" : exhaustive + " of them").append(" exhaustively). ");
        List<String> held = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (Invariant inv : Invariant.values()) {
            List<PairResult> bad = rows.stream().filter(r -> r.result().found().containsKey(inv)).toList();
            if (bad.isEmpty()) {
                held.add(inv.id());
                continue;
            }
            PairResult shortest = bad.stream().min(Comparator
                    .comparingInt((PairResult r) -> r.result().found().get(inv).switches())
                    .thenComparingInt(r -> r.result().found().get(inv).events())).orElseThrow();
            Counterexample c = shortest.result().found().get(inv);
            found.add(inv.id() + " in " + count(bad.size(), "scenario") + " ("
                    + String.join(", ", bad.stream().map(r -> r.scenario().name()).toList()) + "; shortest: "
                    + shortest.scenario().name() + ", " + count(c.events(), "event") + ", " + count(c.switches(), "switch") + ")");
        }
        if (found.isEmpty()) {
            sb.append("The search found no violation of any invariant")
                    .append(exhaustive == rows.size() ? "" : " (within the bound where not exhaustive)").append(". ");
        } else {
            sb.append("The search found ").append(join(found)).append(". ");
            sb.append(held.isEmpty() ? "" : "It found no " + join(held, "or") + " violation. ");
        }
        sb.append(costSentence(db, p, d));
        sb.append(standing(db, p, d));
        return sb.toString().trim();
    }

    private static String costSentence(Debate db, AbiProfile p, BlockingDesign d) {
        PairResult ref = db.referenceRow(p, d);
        if (ref == null) {
            return "";
        }
        WakeCosts c = db.costs(ref);
        if (c.endings().isEmpty()) {
            return "On " + ref.scenario().name() + " no interleaving ends without a lost wake-up, so no cost is given. ";
        }
        StringBuilder sb = new StringBuilder("On ").append(ref.scenario().name()).append(", a post costs ");
        List<String> parts = new ArrayList<>();
        for (WakeCosts.Measure m : WakeCosts.MEASURES) {
            parts.add(c.range(m.f()) + " " + m.name());
        }
        sb.append(join(parts));
        if (db.weights() != null) {
            sb.append("; estimated ").append(c.range(db.weights()::estimate)).append(" cycles (an estimate from the weights below)");
        }
        return sb.append(". ").toString();
    }

    private static String standing(Debate db, AbiProfile p, BlockingDesign d) {
        List<BlockingDesign> clean = db.designs(p).stream().filter(x -> db.violatedCells(p, x) == 0).toList();
        if (!clean.contains(d)) {
            long bad = db.violatedCells(p, d);
            return "It violates something in " + bad + " of " + db.rows(p, d).size() + " scenarios, so it is not among the "
                    + p.id() + " designs without violations" + (clean.isEmpty() ? " (there are none)." : " ("
                    + String.join(", ", clean.stream().map(BlockingDesign::id).toList()) + ").");
        }
        if (db.weights() == null || db.referenceRow(p, d) == null) {
            return "It is one of " + clean.size() + " " + p.id() + " designs without violations.";
        }
        List<BlockingDesign> ranked = clean.stream().filter(x -> !Double.isNaN(db.worstEstimate(p, x)))
                .sorted(Comparator.comparingDouble(x -> db.worstEstimate(p, x))).toList();
        int rank = ranked.indexOf(d) + 1;
        return "Of the " + clean.size() + " " + p.id() + " designs without violations it ranks " + rank + " of "
                + ranked.size() + " by estimated worst-case cost per post on " + db.reference() + ".";
    }

    static String count(long n, String noun) {
        String plural = noun.endsWith("ch") ? noun + "es" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }

    static String join(List<String> items) {
        return join(items, "and");
    }

    static String join(List<String> items, String last) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + last + " " + items.get(items.size() - 1);
    }
}
