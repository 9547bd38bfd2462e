package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.kernel.fixture.ErrnoFixture;
import dev.uintr.kernel.fixture.ErrnoResult;
import dev.uintr.kernel.fixture.ErrnoRow;
import dev.uintr.kernel.fixture.ErrnoRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every row of fixtures/kernel/errno-*.csv against the model (spec §2.2 / §2.4, audit §2). */
class ErrnoFixtureTest {
    static final Path RFC = Path.of("fixtures/kernel/errno-rfc-v1.csv");
    static final Path LATER = Path.of("fixtures/kernel/errno-later.csv");
    /** The independent audit's rows (README "Kernel model" → "Independent audit"), written from the spec alone. */
    static final Path RFC_AUDIT = Path.of("fixtures/kernel/errno-rfc-v1-audit.csv");
    static final Path LATER_AUDIT = Path.of("fixtures/kernel/errno-later-audit.csv");

    @TestFactory
    Stream<DynamicTest> rfcV1Rows() {
        return rows(RFC, AbiProfile.RFC_V1);
    }

    @TestFactory
    Stream<DynamicTest> laterRows() {
        return rows(LATER, AbiProfile.LATER);
    }

    @TestFactory
    Stream<DynamicTest> rfcV1AuditRows() {
        return rows(RFC_AUDIT, ErrnoFixture.profileFromName(RFC_AUDIT));
    }

    @TestFactory
    Stream<DynamicTest> laterAuditRows() {
        return rows(LATER_AUDIT, ErrnoFixture.profileFromName(LATER_AUDIT));
    }

    private static Stream<DynamicTest> rows(Path file, AbiProfile profile) {
        List<ErrnoRow> rows = ErrnoFixture.read(file);
        assertTrue(rows.size() > 50, "fixture " + file + " has only " + rows.size() + " rows");
        return rows.stream().map(r -> DynamicTest.dynamicTest(r.id() + " [" + r.spec() + "]", () -> {
            ErrnoResult res = ErrnoRunner.run(r, profile);
            assertEquals(ErrnoResult.Status.PASS, res.status(), r.where() + ": " + res.detail());
        }));
    }

    @Test
    void profileFromFileName() {
        assertEquals(AbiProfile.RFC_V1, ErrnoFixture.profileFromName(RFC));
        assertEquals(AbiProfile.LATER, ErrnoFixture.profileFromName(LATER));
        assertEquals(null, ErrnoFixture.profileFromName(Path.of("x/errors.csv")));
    }

    @Test
    void profileFromSuffixedFileName_errnoProfileDashSuffix() {
        assertEquals(AbiProfile.RFC_V1, ErrnoFixture.profileFromName(RFC_AUDIT));
        assertEquals(AbiProfile.LATER, ErrnoFixture.profileFromName(LATER_AUDIT));
        assertEquals(AbiProfile.LATER, ErrnoFixture.profileFromName(Path.of("x/ERRNO-later-my_rows-2.csv")));
        assertEquals(AbiProfile.RFC_V1, ErrnoFixture.profileFromName(Path.of("errno-rfc-v1-x.csv")));
        // "rfc" alone is no profile id, an empty suffix is no suffix, and the stem must be exact
        assertEquals(null, ErrnoFixture.profileFromName(Path.of("errno-rfc-audit.csv")));
        assertEquals(null, ErrnoFixture.profileFromName(Path.of("errno-later-.csv")));
        assertEquals(null, ErrnoFixture.profileFromName(Path.of("errno-laterx.csv")));
        assertEquals(null, ErrnoFixture.profileFromName(Path.of("errno-none-x.csv")));
        assertEquals(null, ErrnoFixture.profileFromName(Path.of("errno-later-a b.csv")));
    }

    @Test
    void everyShippedFixtureNamesItsProfile() {
        List<Path> files = dev.uintr.kernel.fixture.ErrnoCheck.fixturesIn(Path.of("fixtures/kernel"));
        assertTrue(files.contains(RFC_AUDIT) && files.contains(LATER_AUDIT), files.toString());
        for (Path f : files) {
            assertTrue(ErrnoFixture.profileFromName(f) != null, f + " names no profile");
        }
    }

    @Test
    void aWrongExpectationFails_theRunnerIsNotVacuous() {
        List<ErrnoRow> rows = ErrnoFixture.parse("t.csv", List.of(
                "id,config,setup,call,expect,spec",
                "x,,,uintr_register_handler 0 0,EBUSY,kernel §2.2(a) step 3"));
        ErrnoResult r = ErrnoRunner.run(rows.get(0), AbiProfile.RFC_V1);
        assertEquals(ErrnoResult.Status.FAIL, r.status());
        assertEquals("-EFAULT", r.observed());
    }

    @Test
    void aFailingSetupStepIsAnError() {
        List<ErrnoRow> rows = ErrnoFixture.parse("t.csv", List.of(
                "id,config,setup,call,expect,spec",
                "x,,uintr_create_fd 0 0 -> $fd,uintr_register_sender $fd 0,0,s"));
        ErrnoResult r = ErrnoRunner.run(rows.get(0), AbiProfile.RFC_V1);
        assertEquals(ErrnoResult.Status.ERROR, r.status());
        assertTrue(r.detail().contains("-EINVAL"), r.detail());
    }

    private static String malformed(String row) {
        BadInputException e = assertThrows(BadInputException.class, () -> ErrnoFixture.parse("bad.csv", List.of(
                "# comment", "id,config,setup,call,expect,spec", row)));
        assertTrue(e.getMessage().startsWith("bad.csv:3: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void malformedRowsNameFileLineAndItem() {
        assertTrue(malformed("x,,,uintr_wait 0,EWHAT,s").contains("EWHAT"));
        assertTrue(malformed("x,,,uintr_wait 0,0").contains("expected 6 fields"));
        assertTrue(malformed("x,fast,,uintr_wait 0,0,s").contains("'fast'"));
        assertTrue(malformed("x,,,uintr_frobnicate 0,0,s").contains("uintr_frobnicate"));
        assertTrue(malformed("x,,,uintr_wait $nope,0,s").contains("$nope"));
        assertTrue(malformed("x,,,B: uintr_wait 0,0,s").contains("thread B"));
        assertTrue(malformed("x,,,uintr_wait 12q,0,s").contains("12q"));
        assertTrue(malformed("x,,,senduipi,0,s").contains("senduipi takes 1"));
        assertTrue(malformed("x,,,,0,s").contains("empty call"));
        assertTrue(malformed("x,design=lazy,,uintr_wait 0,0,s").contains("lazy"));
    }

    @Test
    void missingOrWrongHeaderIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> ErrnoFixture.parse("h.csv", List.of("name,call,expect")));
        assertTrue(e.getMessage().startsWith("h.csv:1: header"), e.getMessage());
        BadInputException dup = assertThrows(BadInputException.class, () -> ErrnoFixture.parse("d.csv", List.of(
                "id,config,setup,call,expect,spec", "x,,,uintr_wait 0,0,s", "x,,,uintr_wait 0,0,s")));
        assertTrue(dup.getMessage().startsWith("d.csv:3: duplicate id 'x'"), dup.getMessage());
    }
}
