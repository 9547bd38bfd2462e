package dev.uintr.conform;

import dev.uintr.AbiProfile;
import dev.uintr.program.CaseSpec;
import dev.uintr.program.Expect;
import dev.uintr.program.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grades observation counts against a case's outcomes: a pure, total function (jcstress
 * TestGrading). Each observation takes the first outcome whose glob matches; the catch-all
 * is last, and an observation that matches nothing (impossible for a parsed case) is graded
 * FORBIDDEN. ACCEPTABLE passes seen or not, ACCEPTABLE_INTERESTING passes and is flagged
 * when seen, FORBIDDEN fails when its count is above 0.
 */
public final class Grading {
    private Grading() {}

    public static Graded grade(CaseSpec c, AbiProfile p, Map<String, Long> counts) {
        List<Outcome> outcomes = c.outcomesFor(p);
        List<GradedRow> rows = new ArrayList<>();
        Set<Outcome> used = new HashSet<>();
        boolean failed = false;
        boolean interesting = false;
        for (var e : counts.entrySet()) {
            Outcome o = match(outcomes, e.getKey());
            Expect ex = o == null ? Expect.FORBIDDEN : o.expect();
            String desc = o == null ? "no outcome matches (the case has no catch-all)" : o.desc();
            if (o != null) {
                used.add(o);
            }
            rows.add(new GradedRow(e.getKey(), e.getValue(), ex, desc));
            if (e.getValue() > 0) {
                switch (ex) {
                    case ACCEPTABLE:
                        break;
                    case ACCEPTABLE_INTERESTING:
                        interesting = true;
                        break;
                    case FORBIDDEN:
                        failed = true;
                        break;
                    default:
                        throw new IllegalStateException("unknown expect " + ex);
                }
            }
        }
        for (Outcome o : outcomes) {
            if (!used.contains(o)) {
                rows.add(new GradedRow(o.pattern(), 0, o.expect(), o.desc()));
            }
        }
        return new Graded(rows, failed, interesting);
    }

    static Outcome match(List<Outcome> outcomes, String observation) {
        for (Outcome o : outcomes) {
            if (o.matches(observation)) {
                return o;
            }
        }
        return null;
    }
}
