package dev.uintr.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.backend.BackendKind;
import dev.uintr.program.CaseParser;
import dev.uintr.program.CaseSpec;
import dev.uintr.program.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Emulated against hybrid: what each side saw that the other did not, case by case. */
class BackendComparisonTest {
    private static final CaseSpec SPEC = CaseParser.loadDir(Path.of("fixtures", "cases")).get(0);

    private static CaseResult result(BackendKind b, Status status, GradedRow... rows) {
        Graded g = status == Status.SKIP ? null : new Graded(List.of(rows), false, false);
        return new CaseResult(SPEC, b, AbiProfile.LATER, status, null, g, 3, 1);
    }

    @Test
    void listsObservationsSeenOnOneSideOnly() {
        GradedRow both = new GradedRow("t: a", 5, Expect.ACCEPTABLE, "");
        GradedRow onlyLeft = new GradedRow("t: b", 2, Expect.ACCEPTABLE_INTERESTING, "");
        GradedRow unseen = new GradedRow("t: c", 0, Expect.FORBIDDEN, "");
        GradedRow onlyRight = new GradedRow("t: d", 1, Expect.ACCEPTABLE, "");
        ConformResults left = new ConformResults(List.of(result(BackendKind.EMULATED, Status.PASS, both, onlyLeft, unseen)),
                BackendKind.EMULATED);
        ConformResults right = new ConformResults(List.of(result(BackendKind.HYBRID, Status.PASS, both, onlyRight, unseen)),
                BackendKind.HYBRID);
        BackendComparison c = BackendComparison.of(left, right);
        assertEquals(1, c.compared());
        assertEquals(1, c.differing());
        assertEquals(List.of(
                new BackendComparison.Row(SPEC.name(), AbiProfile.LATER, "t: b", 2, 0, Expect.ACCEPTABLE_INTERESTING),
                new BackendComparison.Row(SPEC.name(), AbiProfile.LATER, "t: d", 0, 1, Expect.ACCEPTABLE)), c.rows());
        assertTrue(c.csv().startsWith("case,profile,observation,left_backend,left_count,right_backend,right_count,expect"), c.csv());
        assertTrue(c.csv().contains(",t: d,emulated,0,hybrid,1,ACCEPTABLE"), c.csv());
        assertTrue(c.summary().contains("1 case runs compared between emulated and hybrid: 0 saw the same"), c.summary());
    }

    @Test
    void skippedCasesAreNotCompared() {
        ConformResults left = new ConformResults(List.of(result(BackendKind.EMULATED, Status.PASS,
                new GradedRow("t: a", 5, Expect.ACCEPTABLE, ""))), BackendKind.EMULATED);
        ConformResults right = new ConformResults(List.of(result(BackendKind.HYBRID, Status.SKIP)), BackendKind.HYBRID);
        BackendComparison c = BackendComparison.of(left, right);
        assertEquals(0, c.compared());
        assertTrue(c.rows().isEmpty());
    }
}
