package dev.uintr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * debate.md (issue 10): exact costs from the model, verdict paragraphs written from the results
 * (change the results and the text changes), every violated cell with its shortest trace.
 */
class DebateReportTest {
    static final Bound B = new Bound(50_000, 40);
    static final CostWeights W = CostWeights.load(Path.of("fixtures/costs/weights.txt"));

    static List<PairResult> rows(String... scenarios) {
        List<Scenario> all = ScenarioParser.loadAll(Path.of("fixtures/scenarios"));
        List<Scenario> chosen = all.stream().filter(s -> List.of(scenarios).contains(s.name())).toList();
        return DesignComparison.run(chosen, List.of(AbiProfile.RFC_V1, AbiProfile.LATER), List.of(BlockingDesign.values()), B);
    }

    static WakeCosts costs(String scenario, AbiProfile p, BlockingDesign d) {
        Scenario s = ScenarioParser.parse(Path.of("fixtures/scenarios/" + scenario + ".txt"));
        return WakeCosts.of(World.build(s, p, d), B);
    }

    /** Andy's state 3, one post: what each design makes the machine do (exact counts). */
    @Test
    void blockedReceiver_exactCountsPerDesign() {
        WakeCosts gp = costs("state-blocked", AbiProfile.RFC_V1, BlockingDesign.GP_FAULT);
        assertEquals(1, gp.posts());
        assertEquals("1", gp.range(d -> d.get("gp_fixups")), "the sender takes one #GP");
        assertEquals("1", gp.range(d -> d.get("sender_entries")));
        assertEquals("0", gp.range(d -> d.get("wait_list_walked")), "the target is found directly");
        WakeCosts kv = costs("state-blocked", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR);
        assertEquals("1", kv.range(d -> d.get("kernel_0xeb")));
        assertEquals("1", kv.range(d -> d.get("wait_list_walked")), "one sleeper on the global list");
        assertEquals("0", kv.range(d -> d.get("sender_entries")));
        WakeCosts af = costs("state-blocked", AbiProfile.RFC_V1, BlockingDesign.AFFINITY);
        assertEquals("1", af.range(d -> d.get("affinity_interrupts")));
        assertEquals("1", af.range(d -> d.get("off_target_interrupts")), "taken on housekeeping cpu0, the sleeper is on cpu1");
        assertEquals("1", af.range(d -> d.get("wake_ipis")), "the extra hop back to cpu1");
        WakeCosts sw = costs("state-blocked", AbiProfile.RFC_V1, BlockingDesign.SEND_WRAPPER);
        assertEquals("2", sw.range(d -> d.get("syscalls")), "the receiver's uintr_wait and the sender's wake call");
        assertEquals("1", sw.range(d -> d.get("receiver_entries")), "the wait in the scenario's setup is counted");
    }

    /** Andy's state 2 (blocked elsewhere): rfc-v1 only writes PIR; the later tree ends the unrelated sleep. */
    @Test
    void unrelatedSleep_rfcOnlyPostsToPir_laterEndsTheSleep_seedState2_kernel5_4_5_5() {
        WakeCosts rfc = costs("state-unrelated-sleep", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR);
        assertEquals("0", rfc.range(d -> d.get("unrelated_wakes")));
        assertTrue(rfc.endings().stream().anyMatch(d -> d.get("ipis_sent") == 0), "a post to the sleeping task sends no IPI");
        WakeCosts later = costs("state-unrelated-sleep", AbiProfile.LATER, BlockingDesign.KERNEL_VECTOR);
        assertTrue(later.endings().stream().anyMatch(d -> d.get("unrelated_wakes") == 1), later.endings().toString());
    }

    @Test
    void endingsThatLoseTheWakeup_areNotCosts() {
        WakeCosts c = costs("bystander", AbiProfile.RFC_V1, BlockingDesign.NAIVE);
        assertTrue(c.endings().isEmpty(), "naive always loses it here: " + c.endings());
        assertEquals("-", c.range(d -> d.get("ipis_sent")));
        WakeCosts post = costs("post-before-arm", AbiProfile.RFC_V1, BlockingDesign.SEND_WRAPPER);
        assertFalse(post.endings().isEmpty(), "some orders deliver");
        assertTrue(post.exhaustive());
    }

    @Test
    void paragraphs_areWrittenFromTheResults() {
        List<PairResult> rows = rows("post-before-arm", "state-blocked");
        Debate db = Debate.of(rows, B, W, Debate.DEFAULT_REFERENCE);
        String sw = DebateVerdicts.paragraph(db, AbiProfile.RFC_V1, BlockingDesign.SEND_WRAPPER);
        assertTrue(sw.contains("The search found lost-wakeup in 1 scenario (post-before-arm; shortest: post-before-arm, 4 events, 2 switches)"), sw);
        assertTrue(sw.contains("not among the rfc-v1 designs without violations"), sw);
        // the same pairs with the counterexamples taken away: the text follows
        List<PairResult> cleaned = new ArrayList<>();
        for (PairResult r : rows) {
            SearchResult s = r.result();
            cleaned.add(!r.applicable() ? r : new PairResult(r.scenario(), r.profile(), r.design(),
                    new SearchResult(Map.of(), s.states(), s.depth(), s.millis(), s.exhausted(), s.depthCut(), s.worst()),
                    null, r.expected()));
        }
        Debate clean = Debate.of(cleaned, B, W, Debate.DEFAULT_REFERENCE);
        String after = DebateVerdicts.paragraph(clean, AbiProfile.RFC_V1, BlockingDesign.SEND_WRAPPER);
        assertTrue(after.contains("The search found no violation of any invariant"), after);
        assertTrue(after.contains("ranks"), after);
    }

    @Test
    void report_hasMatrixCostsTracesAndWeights() {
        Debate db = Debate.of(rows("post-before-arm", "isolated", "state-blocked"), B, W, Debate.DEFAULT_REFERENCE);
        String md = DebateReport.markdown(db, "c.png");
        assertTrue(md.contains("| post-before-arm | **lost-wakeup** | **lost-wakeup** | none | none | **lost-wakeup** | none | none |"), md);
        assertTrue(md.contains("| isolated | **victim+isolation** | none |"), "later matrix: " + md);
        assertTrue(md.contains("### post-before-arm · rfc-v1 · send-wrapper · lost-wakeup"), md);
        assertTrue(md.contains("### isolated · rfc-v1 · naive · isolation"), md);
        assertTrue(md.contains("| ipi_send | 437 | Skyloft"), md);
        assertTrue(md.contains("**estimate**"), md);
        assertFalse(md.contains("Detailed trace:"), "short traces only in the report");
        assertTrue(md.contains("## Appendix: exact counts per post, every scenario\n\n### isolated"), md);
        assertTrue(md.contains("### post-before-arm\n\nScenario `post-before-arm`"), md);
        assertEquals(md, DebateReport.markdown(Debate.of(rows("post-before-arm", "isolated", "state-blocked"), B, W,
                Debate.DEFAULT_REFERENCE), "c.png"), "deterministic");
    }

    @Test
    void chart_isAPng_andNothingWithoutWeights() {
        Debate db = Debate.of(rows("state-blocked"), B, W, Debate.DEFAULT_REFERENCE);
        byte[] png = DebateChart.png(db);
        assertTrue(png != null && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
        assertEquals(BlockingDesign.values().length, DebateChart.data(db).getColumnCount(), "one group per design");
        assertEquals(4, DebateChart.data(db).getRowCount(), "rfc-v1 and later, best and worst case");
        assertNull(DebateChart.png(Debate.of(rows("state-blocked"), B, null, Debate.DEFAULT_REFERENCE)));
        assertTrue(DebateReport.markdown(Debate.of(rows("state-blocked"), B, null, Debate.DEFAULT_REFERENCE), null)
                .contains("No weights file was loaded: no estimate."));
    }
}
