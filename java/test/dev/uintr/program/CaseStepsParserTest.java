package dev.uintr.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.BadInputException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The steps issue 9 added to the case language: their syntax, ranges and refusals (fixtures/cases/README.md). */
class CaseStepsParserTest {
    static CaseSpec one(String profiles, String... lines) {
        return CaseParser.parse("s.case", "case a.b\nprofiles " + profiles + "\n" + String.join("\n", lines)
                + "\noutcome * FORBIDDEN \"x\"\n").get(0);
    }

    static void refused(String profiles, String line, String what) {
        String text = "case a.b\nprofiles " + profiles + "\n" + line + "\noutcome * FORBIDDEN \"x\"\n";
        BadInputException e = assertThrows(BadInputException.class, () -> CaseParser.parse("s.case", text));
        assertTrue(e.getMessage().startsWith("s.case:3: "), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    @Test
    void sleepSpinNanosleep_renderAndBind() {
        CaseSpec c = one("rfc-v1 later", "thread t: sleep 10; spin 20; nanosleep 30 -> $r");
        List<Step> s = c.threads().get(0).steps();
        assertEquals(List.of("sleep(10)", "spin(20)", "nanosleep(30)"), s.stream().map(Step::call).toList());
        assertEquals("r", s.get(2).bind());
        assertTrue(Op.NANOSLEEP.isSyscall());
        assertTrue(!Op.SPIN.isSyscall() && !Op.SLEEP.isSyscall());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "thread t: spin 60000001|spin 60000001 is out of range (0..60000000 microseconds)",
        "thread t: nanosleep -1|nanosleep -1 is out of range",
        "thread t: nanosleep 1 -> $r; spin $r|spin takes a literal number",
        "thread t: spin 1 -> $r|spin has no result to bind",
    })
    void badTimes_refusedWithFileLine(String line, String what) {
        refused("later", line, what);
    }
}
