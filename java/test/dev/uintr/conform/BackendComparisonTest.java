package dev.uintr.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.Verdict;
import dev.uintr.backend.BackendKind;
import dev.uintr.program.CaseParser;
import dev.uintr.program.CaseSpec;
import dev.uintr.program.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two runs side by side (emulated against hybrid, or against a record): what each side saw that the other did not. */
class BackendComparisonTest {
    static final CaseSpec SPEC = CaseParser.parse("t.case", "case a.b\nprofiles later\nthread t: stui\n"
            + "outcome \"t: a\" ACCEPTABLE \"a\"\noutcome \"t: b\" ACCEPTABLE_INTERESTING \"b\"\n"
            + "outcome \"t: d\" ACCEPTABLE \"d\"\noutcome * FORBIDDEN \"anything else\"\n").get(0);

    static CaseResult result(CaseSpec spec, BackendKind b, Status status, GradedRow... rows) {
        Graded g = status == Status.SKIP ? null : new Graded(List.of(rows), false, false);
        return new CaseResult(spec, b, AbiProfile.LATER, status, status == Status.SKIP ? "no uintr here" : null, g, 3, 1);
    }

    private static ConformResults results(BackendKind b, CaseResult... r) {
        return new ConformResults(List.of(r), b);
    }

    @Test
    void listsObservationsSeenOnOneSideOnly() {
        GradedRow both = new GradedRow("t: a", 5, Expect.ACCEPTABLE, "");
        GradedRow onlyLeft = new GradedRow("t: b", 2, Expect.ACCEPTABLE_INTERESTING, "");
        GradedRow unseen = new GradedRow("t: c", 0, Expect.FORBIDDEN, "");
        GradedRow onlyRight = new GradedRow("t: d", 1, Expect.ACCEPTABLE, "");
        BackendComparison c = BackendComparison.of(
                results(BackendKind.EMULATED, result(SPEC, BackendKind.EMULATED, Status.PASS, both, onlyLeft, unseen)),
                results(BackendKind.HYBRID, result(SPEC, BackendKind.HYBRID, Status.PASS, both, onlyRight, unseen)));
        assertEquals(1, c.compared());
        assertEquals(1, c.differing());
        assertEquals(List.of(
                new BackendComparison.Row(SPEC.name(), AbiProfile.LATER, "t: b", 2, 0, Expect.ACCEPTABLE_INTERESTING,
                        Expect.ACCEPTABLE_INTERESTING),
                new BackendComparison.Row(SPEC.name(), AbiProfile.LATER, "t: d", 0, 1, Expect.ACCEPTABLE, Expect.ACCEPTABLE)),
                c.rows());
        assertTrue(c.csv().startsWith("case,profile,observation,left_backend,left_count,right_backend,right_count,"
                + "left_expect,right_expect,forbidden_by\n"), c.csv());
        assertTrue(c.csv().contains(",t: d,emulated,0,hybrid,1,ACCEPTABLE,ACCEPTABLE,\n"), c.csv());
        assertTrue(c.summary().startsWith("1 case runs compared between emulated and hybrid: 0 saw the same"), c.summary());
        assertEquals(Verdict.PASS, c.verdict(), "one-sided acceptable observations are evidence, not a failure");
    }

    @Test
    void anObservationTheOtherSidesCaseForbidsIsAConflict() {
        // the right side ran an older version of the case, which forbade "t: d"
        CaseSpec older = CaseParser.parse("old.case", "case a.b\nprofiles later\nthread t: stui\n"
                + "outcome \"t: a\" ACCEPTABLE \"a\"\noutcome * FORBIDDEN \"anything else\"\n").get(0);
        BackendComparison c = BackendComparison.of(
                results(BackendKind.EMULATED, result(SPEC, BackendKind.EMULATED, Status.PASS,
                        new GradedRow("t: a", 4, Expect.ACCEPTABLE, ""), new GradedRow("t: d", 1, Expect.ACCEPTABLE, ""))),
                results(BackendKind.NATIVE, result(older, BackendKind.NATIVE, Status.PASS,
                        new GradedRow("t: a", 5, Expect.ACCEPTABLE, ""))));
        assertEquals(1, c.rows().size());
        BackendComparison.Row r = c.rows().get(0);
        assertEquals("t: d", r.observation());
        assertEquals(Expect.FORBIDDEN, r.rightExpect(), "graded by the right side's case");
        assertEquals("right", r.forbiddenBy());
        assertEquals(Verdict.FAILED, c.verdict());
        assertTrue(c.report().contains("CONFLICT only emulated: t: d"), c.report());
        assertTrue(c.csv().contains(",t: d,emulated,1,native,0,ACCEPTABLE,FORBIDDEN,right\n"), c.csv());
    }

    @Test
    void skippedCasesAreNotComparedAndNothingComparedIsAllSkipped() {
        BackendComparison c = BackendComparison.of(
                results(BackendKind.EMULATED, result(SPEC, BackendKind.EMULATED, Status.PASS,
                        new GradedRow("t: a", 5, Expect.ACCEPTABLE, ""))),
                results(BackendKind.NATIVE, result(SPEC, BackendKind.NATIVE, Status.SKIP)));
        assertEquals(0, c.compared());
        assertTrue(c.rows().isEmpty());
        assertEquals(List.of("a.b later: SKIP on native (no uintr here)"), c.notCompared());
        assertEquals(Verdict.ALL_SKIPPED, c.verdict());
    }
}
