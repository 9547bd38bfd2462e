package dev.uintr.conform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.uintr.AbiProfile;
import dev.uintr.backend.Backend;
import dev.uintr.backend.EmulatedBackend;
import dev.uintr.backend.HybridBackend;
import dev.uintr.backend.NativeBackend;
import dev.uintr.program.CaseParser;
import dev.uintr.program.CaseSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole conformance suite under JUnit: every case of fixtures/cases on the emulated
 * backend (several seeds), on the native one and on the hybrid one (the native runner with the
 * UINTR instructions and syscalls answered by the models); where a backend cannot run here the
 * test is aborted with the missing fact, so JUnit reports it skipped, never passed.
 */
class ConformSuiteTest {
    static final int SEEDS = 20;

    static List<CaseSpec> cases() {
        return CaseParser.loadDir(Path.of("fixtures", "cases"));
    }

    @TestFactory
    Stream<DynamicTest> everyCase_onBothBackends() {
        List<CaseSpec> cases = cases();
        assertFalse(cases.isEmpty(), "fixtures/cases holds no case");
        Backend emulated = new EmulatedBackend();
        Backend nat = NativeBackend.forThisHost();
        Backend hybrid = new HybridBackend();
        List<DynamicTest> tests = new ArrayList<>();
        for (CaseSpec c : cases) {
            for (AbiProfile p : List.of(AbiProfile.RFC_V1, AbiProfile.LATER)) {
                if (!c.profiles().contains(p)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(c.name() + ".emulated." + p.id(), () -> check(c, emulated, p)));
                tests.add(DynamicTest.dynamicTest(c.name() + ".native." + p.id(), () -> check(c, nat, p)));
                tests.add(DynamicTest.dynamicTest(c.name() + ".hybrid." + p.id(), () -> check(c, hybrid, p)));
            }
        }
        return tests.stream();
    }

    static void check(CaseSpec c, Backend b, AbiProfile p) {
        CaseResult r = ConformRunner.runOne(c, b, p, b.kind() == dev.uintr.backend.BackendKind.EMULATED ? SEEDS : 3);
        if (r.status() == Status.SKIP) {
            Assumptions.abort(r.reason());
        }
        if (r.status() != Status.PASS) {
            fail(r.name() + ": " + r.status() + (r.reason() == null ? "" : " " + r.reason()) + "\n"
                    + String.join("\n", KtapReport.diagnostics(r)));
        }
    }
}
