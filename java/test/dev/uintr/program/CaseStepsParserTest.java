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

    @Test
    void handlerBody_parsesForAThreadOrForkChild() {
        CaseSpec c = one("later", "thread t: register_handler; fork k { register_handler; stui }; register_self 0 -> $i",
                "handler t: testui; mark h; deliveries; frame; senduipi $i if deliveries<4", "handler k: senduipi $i+1");
        assertEquals(List.of("testui", "mark(h)", "deliveries", "frame", "senduipi($i)"),
                c.handlerOf("t").stream().map(Step::call).toList());
        assertEquals(4, c.handlerOf("t").get(4).sendBelow());
        assertEquals(-1, c.handlerOf("k").get(0).sendBelow());
        assertEquals(List.of(), c.handlerOf("nobody"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "handler t: stui|'stui' cannot run in a handler",
        "handler t: register_handler|'register_handler' cannot run in a handler",
        "handler t: sleep 1|'sleep 1' cannot run in a handler",
        "handler t: senduipi $nobody|$nobody is used but no step binds it",
        "handler ghost: testui|handler for 'ghost', which is no thread",
        "handler t testui|handler line wants 'handler THREAD: step",
        "thread t: deliveries|deliveries runs only in a handler body",
        "thread t: frame|frame runs only in a handler body",
        "thread t: alt_stack $x 4096|alt_stack wants a buffer name",
        "thread t: alt_stack b 2000000|alt_stack SIZE must be a number 0..1048576",
        "thread t: alt_stack b+5000 4096|an offset within it",
        "design bogus|unknown blocking design 'bogus'",
        "thread t: signal ghost SIGUSR1|signal to 'ghost', which is no thread",
        "thread t: signal t SIGKILL|only SIGUSR1 and SIGUSR2",
        "thread t: signal t 9|signal wants 'signal THREAD SIGUSR1|SIGUSR2'",
    })
    void handlerAndAltStackMistakes_namedWithFileLine(String line, String what) {
        String text = "case a.b\nprofiles later\n" + line + "\nthread t: register_handler\noutcome * FORBIDDEN \"x\"\n";
        BadInputException e = assertThrows(BadInputException.class, () -> CaseParser.parse("s.case", text));
        assertTrue(e.getMessage().startsWith("s.case:3: "), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    /**
     * exec (uintr-kernel §4.1) runs in a fork child, a process of one thread: an exec by one of a
     * process's several threads would end the others. It takes no arguments, binds nothing, renders
     * as a call with a result, and a handler body cannot hold it.
     */
    @Test
    void exec_onlyInAForkChild_kernel4_1() {
        CaseSpec c = one("rfc-v1 later", "thread t: fork k { exec; close 3 }");
        Step exec = c.threads().get(0).steps().get(0).child().steps().get(0);
        assertEquals(Op.EXEC, exec.op());
        assertEquals("exec()", exec.call());
        assertTrue(Op.EXEC.isSyscall() && !Op.EXEC.binds() && !Op.EXEC.inHandler());
        refused("later", "thread t: exec", "exec runs only in a fork child (a process of one thread): thread 't'");
        refused("later", "thread t: exec 5", "exec takes 0 arguments");
        refused("later", "thread t: fork k { exec -> $x }", "exec has no result to bind");
        refused("later", "handler t: exec", "'exec' cannot run in a handler");
    }

    /** uintr-kernel §2.1: alt_stack (478) and ipi_fd (479) exist in the later ABI only: a case that runs under rfc-v1 is refused. */
    @Test
    void laterOnlySteps_refusedInAnRfcCase_kernel2_1() {
        refused("rfc-v1 later", "thread t: alt_stack 0 0", "alt_stack is not in the rfc-v1 ABI");
        refused("rfc-v1", "thread t: ipi_fd -> $f", "ipi_fd is not in the rfc-v1 ABI");
        one("later", "thread t: alt_stack 0 0; ipi_fd -> $f; ioctl $f 0x7500");
    }

    /** design.md "Blocking designs": a run-level design applies to rfc-v1's uintr_wait; in later the WAITING flag picks it. */
    @Test
    void design_appliesToRfcCasesOnly() {
        CaseSpec c = CaseParser.parse("s.case", "case a.b\nprofiles rfc-v1\ndesign kernel-vector-checked\nthread t: stui\n"
                + "outcome * FORBIDDEN \"x\"\n").get(0);
        assertEquals("kernel-vector-checked", c.design());
        BadInputException e = assertThrows(BadInputException.class, () -> CaseParser.parse("s.case",
                "case a.b\nprofiles later\ndesign naive\nthread t: stui\noutcome * FORBIDDEN \"x\"\n"));
        assertTrue(e.getMessage().startsWith("s.case:3: design applies to rfc-v1's uintr_wait"), e.getMessage());
    }
}
