package dev.uintr.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseParserTest {
    static final String GOOD = String.join("\n",
            "# a comment",
            "case a.b",
            "profiles rfc-v1 later",
            "needs uintr",
            "thread rx: register_handler; vector_fd 3 -> $fd; fork kid { senduipi $fd+1 }; repeat 2 { mark M%i }",
            "thread rx: spin_until deliveries>=2",
            "outcome later \"rx: *\" ACCEPTABLE \"why\"",
            "outcome * FORBIDDEN \"else\"");

    @Test
    void parsesStepsForkRepeatAndOutcomes() {
        CaseSpec c = CaseParser.parse("x.case", GOOD).get(0);
        assertEquals("a.b", c.name());
        assertEquals("a", c.area());
        assertEquals(java.util.Set.of(AbiProfile.RFC_V1, AbiProfile.LATER), c.profiles());
        List<Step> rx = c.threads().get(0).steps();
        assertEquals(List.of("register_handler()", "vector_fd(3)", "fork(kid)", "mark(M0)", "mark(M1)",
                "spin_until(deliveries>=2)"), rx.stream().map(Step::call).toList());
        assertEquals("fd", rx.get(1).bind());
        assertEquals(List.of("rx", "kid"), c.allPrograms().stream().map(ThreadProgram::name).toList());
        assertEquals("senduipi($fd+1)", c.allPrograms().get(1).steps().get(0).call());
        assertEquals(2, c.outcomesFor(AbiProfile.LATER).size());
        assertEquals(1, c.outcomesFor(AbiProfile.RFC_V1).size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "thread rx: bogus 1|3|unknown step 'bogus'",
        "thread rx: senduipi|3|senduipi takes 1 arguments",
        "thread rx: senduipi $nobody|3|$nobody is used but no step binds it",
        "thread rx: senduipi 1x|3|bad argument '1x'",
        "thread rx: stui -> $u|3|stui has no result to bind",
        "thread rx: spin_until forever|3|spin_until wants 'deliveries>=N'",
        "thread rx: fork { stui|3|'{' without '}'",
        "frobnicate|3|unknown directive 'frobnicate'",
    })
    void malformedLine_namesFileLineAndItem(String line, int no, String what) {
        String text = "case a.b\nprofiles later\n" + line + "\noutcome * FORBIDDEN \"x\"\n";
        BadInputException e = assertThrows(BadInputException.class, () -> CaseParser.parse("f.case", text));
        assertTrue(e.getMessage().startsWith("f.case:" + no + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    @Test
    void lastOutcomeMustBeCatchAll() {
        String text = "case a.b\nprofiles later\nthread t: stui\noutcome \"t: stui\" ACCEPTABLE \"x\"\n";
        BadInputException e = assertThrows(BadInputException.class, () -> CaseParser.parse("f.case", text));
        assertTrue(e.getMessage().startsWith("f.case:4: ") && e.getMessage().contains("catch-all"), e.getMessage());
    }

    @Test
    void unknownProfileAndExpect_rejected() {
        assertTrue(assertThrows(BadInputException.class, () -> CaseParser.parse("f.case",
                "case a.b\nprofiles v2\n")).getMessage().startsWith("f.case:2: "));
        assertTrue(assertThrows(BadInputException.class, () -> CaseParser.parse("f.case",
                "case a.b\nprofiles later\nthread t: stui\noutcome * MAYBE \"x\"\n")).getMessage()
                .contains("unknown expect 'MAYBE'"));
    }

    @Test
    void glob_starMatchesAnyTextOnly() {
        assertTrue(Glob.matches("a*c", "abbc"));
        assertTrue(Glob.matches("*", ""));
        assertTrue(!Glob.matches("a*c", "abcd"));
        assertTrue(!Glob.matches("a.c", "abc"));
    }
}
