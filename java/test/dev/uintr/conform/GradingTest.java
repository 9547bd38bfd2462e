package dev.uintr.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.backend.EmulatedBackend;
import dev.uintr.program.CaseParser;
import dev.uintr.program.CaseSpec;
import dev.uintr.program.Expect;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradingTest {
    static CaseSpec spec(String outcomes) {
        return CaseParser.parse("t.case", "case g.t\nprofiles rfc-v1 later\nthread t: senduipi 0\n" + outcomes).get(0);
    }

    @Test
    void forbiddenSeen_fails_interestingSeen_flagged_unseenListedWithZero() {
        CaseSpec c = spec("outcome \"t: senduipi(0): SIGILL\" ACCEPTABLE \"a\"\n"
                + "outcome \"t: senduipi(0): ok\" ACCEPTABLE_INTERESTING \"b\"\n"
                + "outcome * FORBIDDEN \"c\"\n");
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("t: senduipi(0): ok", 2L);
        counts.put("t: senduipi(0): SIGSEGV", 1L);
        Graded g = Grading.grade(c, AbiProfile.LATER, counts);
        assertTrue(g.failed());
        assertTrue(g.interesting());
        assertEquals(Expect.FORBIDDEN, g.rows().get(1).expect());
        assertEquals(0, g.rows().stream().filter(r -> r.observation().equals("t: senduipi(0): SIGILL")).findFirst()
                .orElseThrow().count());
        Graded ok = Grading.grade(c, AbiProfile.LATER, Map.of("t: senduipi(0): SIGILL", 5L));
        assertFalse(ok.failed());
        assertFalse(ok.interesting());
    }

    /** isa §7.5: SENDUIPI with no UITT is #UD; a case that claims it succeeds must FAIL on the emulator. */
    @Test
    void wrongExpectation_failsOnEmulator_isa7_5() {
        CaseSpec c = spec("outcome \"t: senduipi(0): ok\" ACCEPTABLE \"wrong on purpose\"\noutcome * FORBIDDEN \"x\"\n");
        CaseResult r = ConformRunner.runOne(c, new EmulatedBackend(), AbiProfile.RFC_V1, 3);
        assertEquals(Status.FAIL, r.status());
        assertEquals("g.t.emulated.rfc-v1", r.name());
        assertTrue(KtapReport.render(java.util.List.of(r)).contains("not ok 1 g.t.emulated.rfc-v1"));
    }

    /** isa §9: the send races CLUI; seeds reach both the interesting (beat CLUI) and the plain outcome, never a FORBIDDEN one. */
    @Test
    void cluiRace_seedsSeeInterestingAndPlainOutcomes_isa9() {
        CaseSpec c = CaseParser.loadDir(java.nio.file.Path.of("fixtures", "cases")).stream()
                .filter(x -> x.name().equals("uif.clui-race")).findFirst().orElseThrow();
        CaseResult r = ConformRunner.runOne(c, new EmulatedBackend(), AbiProfile.LATER, 40);
        assertEquals(Status.PASS, r.status());
        assertTrue(r.graded().interesting(), "no seed let the notification beat CLUI");
        assertTrue(r.graded().rows().stream().anyMatch(x -> x.expect() == Expect.ACCEPTABLE && x.count() > 0));
        assertTrue(KtapReport.render(java.util.List.of(r)).contains("# uif.clui-race.emulated.later: PASS (interesting"));
    }

    /**
     * isa §8 / §7.5: two posts of one vector while UIF=0 usually coalesce into one delivery, but
     * when the first notification is processed before the second post (ON is 0 again), the second
     * post sends its own IPI, which may land after the first delivery: two deliveries, never three.
     * The case once declared two deliveries FORBIDDEN and failed from seed 31 on; many seeds must
     * pass and reach both outcomes.
     */
    @Test
    void coalesce_manySeeds_passAndReachBothOutcomes_isa8() {
        CaseSpec c = CaseParser.loadDir(java.nio.file.Path.of("fixtures", "cases")).stream()
                .filter(x -> x.name().equals("uif.coalesce-two-posts")).findFirst().orElseThrow();
        for (AbiProfile p : new AbiProfile[] {AbiProfile.RFC_V1, AbiProfile.LATER}) {
            CaseResult r = ConformRunner.runOne(c, new EmulatedBackend(), p, 120);
            assertEquals(Status.PASS, r.status(), p + "\n" + KtapReport.render(java.util.List.of(r)));
            assertTrue(r.graded().interesting(), p + ": no seed processed the first notification before the second post");
            assertTrue(r.graded().rows().stream().anyMatch(x -> x.expect() == Expect.ACCEPTABLE && x.count() > 0),
                    p + ": no seed coalesced the two posts");
        }
    }

    @Test
    void missedWakeup_isTimeout_notHang() {
        CaseSpec c = CaseParser.parse("t.case", "case g.w\nprofiles rfc-v1\n"
                + "thread t: register_handler; vector_fd 0 -> $fd; stui; spin_until deliveries>=1\n"
                + "outcome * FORBIDDEN \"nobody sends\"\n").get(0);
        CaseResult r = ConformRunner.runOne(c, new EmulatedBackend(), AbiProfile.RFC_V1, 2);
        assertEquals(Status.TIMEOUT, r.status());
        assertTrue(r.graded().rows().get(0).observation().endsWith("stui; TIMEOUT"), r.graded().rows().get(0).observation());
    }

    @Test
    void ktap_skipAndTotals() {
        CaseSpec c = spec("outcome * FORBIDDEN \"x\"\n");
        CaseResult skip = new CaseResult(c, dev.uintr.backend.BackendKind.NATIVE, AbiProfile.LATER, Status.SKIP,
                "needs a UINTR CPU", null, 0, 0);
        String k = KtapReport.render(java.util.List.of(skip));
        assertTrue(k.startsWith("KTAP version 1\n1..1\n  KTAP version 1\n  1..1\n"), k);
        assertTrue(k.contains("  ok 1 g.t.native.later # SKIP needs a UINTR CPU\n"), k);
        assertTrue(k.contains("ok 1 g # SKIP every case skipped\n"), k);
        assertTrue(k.endsWith("# Totals: pass:0 fail:0 xfail:0 xpass:0 skip:1 error:0\n"), k);
        assertEquals(dev.uintr.Verdict.ALL_SKIPPED,
                new ConformResults(java.util.List.of(skip), dev.uintr.backend.BackendKind.NATIVE).verdict());
    }
}
