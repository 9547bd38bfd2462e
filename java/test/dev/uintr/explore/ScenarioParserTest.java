package dev.uintr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.kernel.BlockingDesign;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scenario file format (fixtures/scenarios/README.md "Explore"): what it accepts, and file:line for what it refuses. */
class ScenarioParserTest {
    static final List<String> GOOD = List.of(
            "# a comment",
            "scenario  demo",
            "describe  a demo (kernel §5.2)",
            "cpus      2",
            "profiles  rfc-v1 later",
            "task      rx cpu=0 vector=3   # trailing comment",
            "task      rx2 cpu=0 thread-of=rx vector=5",
            "task      tx cpu=1",
            "connect   tx -> rx",
            "run       rx",
            "asleep    rx2",
            "actor     rx: wait; spin 2",
            "actor     tx: send rx; send rx",
            "platform: offline 1; migrate rx2 1; kill tx",
            "expect    naive lost-wakeup",
            "expect    gp-fault@later lost-wakeup+victim",
            "expect    kernel-vector none");

    @Test
    void parsesEveryDirective() {
        Scenario s = ScenarioParser.parse("demo.txt", GOOD);
        assertEquals("demo", s.name());
        assertEquals(2, s.cpus());
        assertEquals(Set.of(AbiProfile.RFC_V1, AbiProfile.LATER), s.profiles());
        assertEquals(3, s.tasks().size());
        assertEquals("rx", s.tasks().get(1).threadOf());
        assertEquals(5, s.tasks().get(1).vector());
        assertEquals(List.of("rx"), s.runs());
        assertEquals(List.of("rx2"), s.asleep());
        assertEquals("[wait, spin 2]", s.actors().get(0).steps().toString());
        assertEquals("[send rx, send rx]", s.actors().get(1).steps().toString());
        assertTrue(s.actors().get(2).platform());
        assertEquals("[offline 1, migrate rx2 1, kill tx]", s.actors().get(2).steps().toString());
        assertEquals(EnumSet.of(Invariant.LOST_WAKEUP), s.expectation(BlockingDesign.NAIVE, AbiProfile.RFC_V1));
        assertEquals(EnumSet.of(Invariant.LOST_WAKEUP, Invariant.VICTIM), s.expectation(BlockingDesign.GP_FAULT, AbiProfile.LATER));
        assertEquals(null, s.expectation(BlockingDesign.GP_FAULT, AbiProfile.RFC_V1), "no plain gp-fault line");
        assertEquals(Set.of(), s.expectation(BlockingDesign.KERNEL_VECTOR, AbiProfile.LATER));
    }

    /** Replaces line {@code n} (1-based) of GOOD and expects "demo.txt:n: ..." naming the bad item. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "4|cpus two|cpus 'two' is not a number",
        "4|cpus 9|cpus 9 out of range",
        "5|profiles rfc-v1 rfc-v3|unknown profile 'rfc-v3'",
        "6|task rx cpu=7 vector=3|cpu 7 out of range",
        "6|task rx cpu=0 vector=64|vector 64 out of range",
        "6|task rx cpu=0 colour=red|unknown task option 'colour=red'",
        "7|task rx2 cpu=0 thread-of=ghost|thread-of names unknown task 'ghost'",
        "9|connect tx rx|connect needs 'SENDER -> RECEIVER'",
        "9|connect tx -> ghost|unknown task 'ghost'",
        "12|actor rx: wiat|bad step 'wiat'",
        "13|actor tx: send|bad step 'send'",
        "14|platform: offline 5|cpu 5 out of range",
        "14|platform: send rx|bad step 'send rx'",
        "15|expect naïve lost-wakeup|unknown design 'naïve'",
        "15|expect naive lost-wake|unknown invariant 'lost-wake'",
        "16|expect gp-fault@rfc-v9 none|unknown profile 'rfc-v9'",
        "17|frobnicate now|unknown directive 'frobnicate'",
    })
    void malformedLine_badInput_namesFileLineAndItem(int line, String text, String message) {
        List<String> lines = new ArrayList<>(GOOD);
        lines.set(line - 1, text);
        BadInputException e = assertThrows(BadInputException.class, () -> ScenarioParser.parse("demo.txt", lines));
        assertTrue(e.getMessage().startsWith("demo.txt:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    /** issue 10: isolated / housekeeping CPU lists, the sleep step, the signal platform step, the isolation invariant. */
    @Test
    void isolationDirectives_sleepAndSignalSteps() {
        List<String> lines = new ArrayList<>(GOOD.subList(0, 11));
        lines.addAll(List.of("isolated 1", "housekeeping 0", "actor rx: sleep; spin",
                "platform: signal rx", "expect affinity isolation+victim"));
        lines.set(3, "cpus      3");
        Scenario s = ScenarioParser.parse("demo.txt", lines);
        assertEquals(1L << 1, s.isolated());
        assertEquals(1L << 0, s.housekeeping());
        assertEquals("[sleep, spin]", s.actors().get(0).steps().toString());
        assertEquals("[signal rx]", s.actors().get(1).steps().toString());
        assertEquals(EnumSet.of(Invariant.VICTIM, Invariant.ISOLATION), s.expectation(BlockingDesign.AFFINITY, AbiProfile.RFC_V1));
        assertEquals(0, s.posts());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "isolated 2|isolated: cpu 2 out of range (0..1)",
        "isolated|isolated needs CPU numbers",
        "isolated 1,1|isolated: cpu 1 listed twice",
        "housekeeping one|housekeeping cpu 'one' is not a number",
        "platform: signal ghost|unknown task 'ghost'",
        "actor rx2: sleep 3|bad step 'sleep 3'",
    })
    void badIsolationLines_namedWithTheirLine(String text, String message) {
        List<String> lines = new ArrayList<>(GOOD.subList(0, 13));
        lines.add(text);
        BadInputException e = assertThrows(BadInputException.class, () -> ScenarioParser.parse("demo.txt", lines));
        assertTrue(e.getMessage().startsWith("demo.txt:14: "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void cpuBothIsolatedAndHousekeeping_refused() {
        List<String> lines = new ArrayList<>(GOOD);
        lines.add("isolated 0,1");
        lines.add("housekeeping 1");
        BadInputException e = assertThrows(BadInputException.class, () -> ScenarioParser.parse("demo.txt", lines));
        assertTrue(e.getMessage().contains("cpu 1 is both isolated and housekeeping"), e.getMessage());
    }

    @Test
    void missingScenarioLine_named() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> ScenarioParser.parse("x.txt", List.of("cpus 1", "profiles later")));
        assertTrue(e.getMessage().contains("x.txt:2: no 'scenario NAME' line"), e.getMessage());
    }

    @Test
    void duplicateExpectation_refused() {
        List<String> lines = new ArrayList<>(GOOD);
        lines.add("expect naive none");
        BadInputException e = assertThrows(BadInputException.class, () -> ScenarioParser.parse("demo.txt", lines));
        assertTrue(e.getMessage().contains("demo.txt:18: expectation for 'naive' given twice"), e.getMessage());
    }

    @Test
    void shippedScenarios_parse_andCoverTheDebate() {
        List<Scenario> all = ScenarioParser.loadAll(Path.of("fixtures/scenarios"));
        List<String> names = all.stream().map(Scenario::name).toList();
        assertTrue(names.containsAll(List.of("post-before-arm", "bystander", "two-sleepers", "hot-unplug", "migrate",
                "preempted", "ping-pong", "receiver-exit", "state-running", "state-runnable", "state-unrelated-sleep",
                "state-blocked", "state-running-waiting", "isolated", "housekeeping-offline")),
                names.toString());
        for (Scenario s : all) {
            assertEquals(Set.of(AbiProfile.RFC_V1, AbiProfile.LATER), s.profiles(), s.name() + " runs under both profiles");
            for (BlockingDesign d : BlockingDesign.values()) {
                if (World.notApplicable(s, AbiProfile.RFC_V1, d) == null) {
                    assertTrue(s.expectation(d, AbiProfile.RFC_V1) != null, s.name() + " declares " + d);
                }
            }
        }
    }
}
