package dev.uintr.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.BadInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outcome patterns: a glob per thread, '*:' for any thread, '!' to negate (fixtures/cases/README.md "Matching"). */
class OutcomePatternTest {
    private static final String OBS = "rx: register_handler(): 0; stui | tx: senduipi($idx): ok; deliver(2)";

    private static boolean m(String pattern, String obs) {
        return OutcomePattern.parse(pattern).matches(obs);
    }

    @Test
    void aStarStaysInsideItsThread() {
        // the whole-line glob this replaces let '*' run across ' | ' into tx's events
        assertTrue(Glob.matches("rx: *deliver(2)*", OBS), "the old whole-line reading");
        assertFalse(m("rx: *deliver(2)*", OBS), "rx took no delivery; tx's must not count");
        assertTrue(m("tx: *deliver(2)*", OBS));
        assertTrue(m("rx: register_handler(): 0; stui", OBS), "a literal clause is the thread's whole event list");
        assertFalse(m("rx: register_handler(): 0", OBS), "a clause matches the whole list, not a prefix");
    }

    @Test
    void clausesAreAConjunctionAndUnnamedThreadsAreFree() {
        assertTrue(m("rx: *stui | tx: *ok*", OBS));
        assertTrue(m("tx: *ok* | rx: *stui", OBS), "clause order does not matter");
        assertFalse(m("rx: *stui | tx: *SIGILL*", OBS));
        assertTrue(m("tx: senduipi(*", OBS), "rx is not named, so not constrained");
    }

    @Test
    void negationAndAnyThread() {
        assertTrue(m("!rx: *deliver(*", OBS), "rx took no delivery");
        assertFalse(m("!tx: *deliver(*", OBS));
        assertTrue(m("*: *deliver(2)*", OBS), "some thread took vector 2");
        assertFalse(m("*: *SIG*", OBS));
        assertTrue(m("!*: *SIG*", OBS), "no thread saw a signal");
        assertFalse(m("!*: *ok*", OBS));
        assertTrue(m("! rx: *deliver(*", OBS), "blanks after '!' are allowed");
        String twice = "rx: deliver(3); deliver(3) | tx: ok";
        String exactlyOnce = "rx: *deliver(3)* | !rx: *deliver(3)*deliver(3)*";
        assertFalse(m(exactlyOnce, twice));
        assertTrue(m(exactlyOnce, "rx: stui; deliver(3); x | tx: ok"));
    }

    @Test
    void missingThreadsAndEmptyThreads() {
        assertFalse(m("other: *", OBS), "a thread the observation lacks matches nothing");
        assertTrue(m("!other: *", OBS));
        assertTrue(m("t: ", "t: "), "a thread without events has the empty list");
        assertEquals(Map.of("t", "", "u", "a; b"), OutcomePattern.threads("t:  | u: a; b").entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().strip())));
    }

    @Test
    void catchAll() {
        assertTrue(OutcomePattern.parse("*").isCatchAll());
        assertTrue(m("*", "anything | at: all"));
    }

    @Test
    void malformedPatternsSayWhatToWrite() {
        String legacy = assertThrows(IllegalArgumentException.class, () -> OutcomePattern.parse("*): SIG*")).getMessage();
        assertTrue(legacy.contains("does not start with a thread") && legacy.contains("'*: GLOB'"), legacy);
        String bare = assertThrows(IllegalArgumentException.class, () -> OutcomePattern.parse("rx: a | *")).getMessage();
        assertTrue(bare.contains("not constrained"), bare);
        String bar = assertThrows(IllegalArgumentException.class, () -> OutcomePattern.parse("rx: a |tx: b")).getMessage();
        assertTrue(bar.contains("holds a '|'"), bar);
        String empty = assertThrows(IllegalArgumentException.class, () -> OutcomePattern.parse("rx: a | ")).getMessage();
        assertTrue(empty.contains("empty clause"), empty);
        assertThrows(IllegalArgumentException.class, () -> OutcomePattern.parse(""));
        assertThrows(IllegalArgumentException.class, () -> OutcomePattern.parse("!*"));
    }

    @Test
    void caseParserNamesFileLineForBadPatternsAndUnknownThreads() {
        String head = "case a.b\nprofiles later\nthread rx: stui; fork kid { stui }\n";
        BadInputException legacy = assertThrows(BadInputException.class, () -> CaseParser.parse("x.case",
                head + "outcome \"*stui*\" ACCEPTABLE \"y\"\noutcome * FORBIDDEN \"z\"\n"));
        assertTrue(legacy.getMessage().startsWith("x.case:4: outcome pattern: clause"), legacy.getMessage());
        BadInputException typo = assertThrows(BadInputException.class, () -> CaseParser.parse("x.case",
                head + "outcome \"rx: stui; fork(kid) | recv: *\" ACCEPTABLE \"y\"\noutcome * FORBIDDEN \"z\"\n"));
        assertEquals("x.case:4: outcome names thread 'recv', but case 'a.b' has the threads rx, kid", typo.getMessage());
        CaseSpec ok = CaseParser.parse("x.case", head + "outcome \"kid: stui | !rx: *deliver(*\" ACCEPTABLE \"y\"\n"
                + "outcome * FORBIDDEN \"z\"\n").get(0);
        assertTrue(ok.outcomes().get(0).matches("rx: stui; fork(kid) | kid: stui"), "a fork child is a thread clauses can name");
    }
}
