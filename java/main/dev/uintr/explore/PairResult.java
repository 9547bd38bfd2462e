package dev.uintr.explore;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.util.Set;

/**
 * One (scenario, profile, design) of the comparison: the search's result, or why the pair
 * does not apply; and the verdict the scenario file declares (null when it declares none).
 */
public record PairResult(Scenario scenario, AbiProfile profile, BlockingDesign design, SearchResult result,
                         String notApplicable, Set<Invariant> expected) {

    public boolean applicable() {
        return notApplicable == null;
    }

    /**
     * MATCH, MISMATCH, UNDECLARED or N/A. A bounded search that missed an expected violation is
     * a mismatch; one that found nothing where nothing is expected matches "within bound".
     */
    public String status() {
        if (!applicable()) {
            return "n/a";
        }
        if (expected == null) {
            return "undeclared";
        }
        return expected.equals(result.verdict()) ? "match" : "MISMATCH";
    }

    public boolean mismatch() {
        return "MISMATCH".equals(status());
    }

    /** The verdict as printed: "lost-wakeup+victim", or "no violation (exhaustive)" / "no violation within bound". */
    public String verdictText() {
        if (!applicable()) {
            return "n/a";
        }
        if (result.found().isEmpty()) {
            return result.exhausted() && !result.depthCut() ? "none (exhaustive)" : "none within bound";
        }
        return Invariant.render(result.verdict());
    }
}
