package dev.uintr.explore;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything debate.md and its chart are written from: the explorer's results per (scenario,
 * profile, design), the exact costs per post of each applicable pair ({@link WakeCosts}), the
 * weights of the estimate (null: no estimate) and the scenario the cost table and chart use.
 *
 * @param rows      the comparison, as {@link DesignComparison#run} returns it
 * @param costs     key {@link #key(PairResult)} → costs, for every applicable pair
 * @param weights   the estimate's weights, or null when none were loaded
 * @param reference the scenario the main cost table and the chart show (the receiver blocked: Andy's state 3)
 * @param bound     the search bound used
 */
public record Debate(List<PairResult> rows, Map<String, WakeCosts> costs, CostWeights weights, String reference,
                     Bound bound) {

    /** The scenario the cost table uses unless told otherwise: Andy's state 3, one post to a blocked receiver. */
    public static final String DEFAULT_REFERENCE = "state-blocked";

    /** Computes the costs of every applicable pair; {@code reference} falls back to the first scenario when absent. */
    public static Debate of(List<PairResult> rows, Bound bound, CostWeights weights, String reference) {
        Map<String, WakeCosts> costs = new LinkedHashMap<>();
        for (PairResult r : rows) {
            if (r.applicable()) {
                costs.put(key(r), WakeCosts.of(World.build(r.scenario(), r.profile(), r.design()), bound));
            }
        }
        boolean present = rows.stream().anyMatch(r -> r.scenario().name().equals(reference));
        String ref = present || rows.isEmpty() ? reference : rows.get(0).scenario().name();
        return new Debate(rows, costs, weights, ref, bound);
    }

    static String key(PairResult r) {
        return r.scenario().name() + "|" + r.profile().id() + "|" + r.design().id();
    }

    public WakeCosts costs(PairResult r) {
        return costs.get(key(r));
    }

    /** The profiles present, in order. */
    public List<AbiProfile> profiles() {
        List<AbiProfile> out = new ArrayList<>();
        for (PairResult r : rows) {
            if (!out.contains(r.profile())) {
                out.add(r.profile());
            }
        }
        return out;
    }

    /** The designs present, in order. */
    public List<BlockingDesign> designs() {
        List<BlockingDesign> out = new ArrayList<>();
        for (PairResult r : rows) {
            if (!out.contains(r.design())) {
                out.add(r.design());
            }
        }
        return out;
    }

    /** The designs with at least one applicable pair under {@code p}. */
    public List<BlockingDesign> designs(AbiProfile p) {
        return designs().stream().filter(d -> !rows(p, d).isEmpty()).toList();
    }

    /** The scenarios present, in order. */
    public List<Scenario> scenarios() {
        List<Scenario> out = new ArrayList<>();
        for (PairResult r : rows) {
            if (!out.contains(r.scenario())) {
                out.add(r.scenario());
            }
        }
        return out;
    }

    /** The applicable pairs of one (profile, design), in scenario order. */
    public List<PairResult> rows(AbiProfile p, BlockingDesign d) {
        return rows.stream().filter(r -> r.applicable() && r.profile() == p && r.design() == d).toList();
    }

    /** The pair (scenario, profile, design), applicable or not; null when it was not run. */
    public PairResult row(String scenario, AbiProfile p, BlockingDesign d) {
        for (PairResult r : rows) {
            if (r.scenario().name().equals(scenario) && r.profile() == p && r.design() == d) {
                return r;
            }
        }
        return null;
    }

    /** The reference scenario's pair for (p, d), null when not applicable or not run. */
    public PairResult referenceRow(AbiProfile p, BlockingDesign d) {
        PairResult r = row(reference, p, d);
        return r != null && r.applicable() ? r : null;
    }

    /** Cells (scenarios) where some invariant was violated, for (p, d). */
    public long violatedCells(AbiProfile p, BlockingDesign d) {
        return rows(p, d).stream().filter(r -> !r.result().found().isEmpty()).count();
    }

    /** Worst-case estimated cycles per post on the reference scenario; NaN without weights or costs. */
    public double worstEstimate(AbiProfile p, BlockingDesign d) {
        PairResult r = referenceRow(p, d);
        if (r == null || weights == null) {
            return Double.NaN;
        }
        return costs(r).maxPerPost(weights::estimate);
    }

    /** Best-case estimated cycles per post on the reference scenario; NaN without weights or costs. */
    public double bestEstimate(AbiProfile p, BlockingDesign d) {
        PairResult r = referenceRow(p, d);
        if (r == null || weights == null) {
            return Double.NaN;
        }
        return costs(r).minPerPost(weights::estimate);
    }
}
