package dev.uintr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * design.md's verdict table, asserted about what the search finds on the shipped scenarios
 * (nothing in the explorer knows the designs: if the model changed, these would fail).
 */
class DesignVerdictTest {
    static final Bound B = new Bound(50_000, 40);

    static SearchResult search(String scenario, AbiProfile p, BlockingDesign d) {
        Scenario s = ScenarioParser.parse(Path.of("fixtures/scenarios/" + scenario + ".txt"));
        return Explorer.search(World.build(s, p, d), B);
    }

    static Set<Invariant> verdict(String scenario, AbiProfile p, BlockingDesign d) {
        SearchResult r = search(scenario, p, d);
        assertTrue(r.exhausted() && !r.depthCut(), scenario + " " + d + " fits the test bound");
        return r.verdict();
    }

    static final List<String> ALL = List.of("post-before-arm", "bystander", "two-sleepers", "hot-unplug", "migrate",
            "preempted", "ping-pong", "receiver-exit", "state-running", "state-runnable", "state-unrelated-sleep",
            "state-blocked", "state-running-waiting", "isolated", "housekeeping-offline");

    // naive: "the IPI is swallowed by whichever UIPI-using task runs on that CPU" (kernel §5.3, Andy-1)
    @Test
    void naive_bystanderSwallowsTheIpi_lostWakeup_kernel5_3() {
        SearchResult r = search("bystander", AbiProfile.RFC_V1, BlockingDesign.NAIVE);
        Counterexample c = r.found().get(Invariant.LOST_WAKEUP);
        assertNotNull(c, "naive loses the wake-up");
        assertEquals(2, c.events(), "post, then the bystander takes the 0xEC: the shortest loss");
        assertEquals(1, c.switches());
        assertTrue(c.detail().startsWith("rx asleep with PIR=0x8"), c.detail());
    }

    // kernel-vector: post-before-arm loss (kernel §5.2 items 1-2), victims (7), mass wake-ups (4), hot-unplug loss (6)
    @ParameterizedTest
    @EnumSource(value = AbiProfile.class, names = {"RFC_V1", "LATER"})
    void kernelVector_postBeforeArm_lostWakeup_kernel5_2_1(AbiProfile p) {
        assertTrue(verdict("post-before-arm", p, BlockingDesign.KERNEL_VECTOR).contains(Invariant.LOST_WAKEUP));
    }

    @Test
    void kernelVector_noSwallowedIpi_butAVictim_kernel5_2_7() {
        assertEquals(EnumSet.of(Invariant.VICTIM), verdict("bystander", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR));
    }

    @Test
    void kernelVector_massWakeupAndVictims_kernel5_2_4() {
        SearchResult r = search("two-sleepers", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR);
        assertTrue(r.verdict().containsAll(EnumSet.of(Invariant.MASS_WAKEUP, Invariant.VICTIM)), r.verdict().toString());
        assertEquals(2, r.worst().victims(), "worst case: both 0xEBs hit a CPU busy with someone else");
    }

    @ParameterizedTest
    @EnumSource(value = AbiProfile.class, names = {"RFC_V1", "LATER"})
    void kernelVector_hotUnplugLosesTheWakeup_kernel5_2_6(AbiProfile p) {
        SearchResult r = search("hot-unplug", p, BlockingDesign.KERNEL_VECTOR);
        assertTrue(r.verdict().contains(Invariant.LOST_WAKEUP));
        assertTrue(r.worst().lostIpis() >= 1, "the 0xEB went to the offline CPU");
    }

    // kernel-vector-checked: no lost wake-ups; victims remain
    @Test
    void kernelVectorChecked_noLostWakeupAnywhere_victimsRemain() {
        boolean victims = false;
        for (String s : ALL) {
            Set<Invariant> v = verdict(s, AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR_CHECKED);
            assertFalse(v.contains(Invariant.LOST_WAKEUP), s + ": " + v);
            victims |= v.contains(Invariant.VICTIM);
        }
        assertTrue(victims, "some scenario still shows a victim CPU");
    }

    // gp-fault: no lost wake-ups, no victims; the sender pays a #GP (kernel §5.6)
    @Test
    void gpFault_rfc_noLossNoVictims_senderPaysAGp_kernel5_6() {
        long fixups = 0;
        for (String s : ALL) {
            SearchResult r = search(s, AbiProfile.RFC_V1, BlockingDesign.GP_FAULT);
            assertEquals(Set.of(), r.verdict(), s);
            assertEquals(0, r.worst().kernelVector(), s + ": no 0xEB is ever sent");
            fixups = Math.max(fixups, r.worst().gpFixups());
        }
        assertTrue(fixups >= 1, "the sender took the #GP");
    }

    // the later tree arms only at the context switch: its sender-pays scheme keeps the post-before-arm window (audit §5)
    @Test
    void later_gpFault_armingWindow_lostWakeup_audit5() {
        SearchResult r = search("post-before-arm", AbiProfile.LATER, BlockingDesign.GP_FAULT);
        assertEquals(EnumSet.of(Invariant.LOST_WAKEUP), r.verdict());
        String detail = r.found().get(Invariant.LOST_WAKEUP).detail();
        assertTrue(detail.startsWith("rx asleep with"), detail);
        assertTrue(r.worst().spurious() >= 1, "the 0xEC in flight reached the kernel after the switch (UIS), nobody woke rx");
    }

    @Test
    void verdictsComeFromTheModel_aScenarioWithoutAPost_findsNothing() {
        Scenario s = ScenarioParser.parse("quiet.txt", List.of("scenario quiet", "cpus 2", "profiles rfc-v1",
                "task rx cpu=0 vector=3", "task bystander cpu=0 receiver", "task tx cpu=1", "connect tx -> rx",
                "asleep rx", "actor rx: wait"));
        for (BlockingDesign d : BlockingDesign.values()) {
            SearchResult r = Explorer.search(World.build(s, AbiProfile.RFC_V1, d), B);
            assertEquals(Set.of(), r.verdict(), d + ": nothing posted, nothing lost");
            assertEquals("exhaustive", r.coverage());
        }
    }

    /** The ordinary context-switch path (kernel §4.3): SN while out, NDST rewritten, PIR replayed on return. */
    @ParameterizedTest
    @EnumSource(BlockingDesign.class)
    void spinningReceiver_preemptedAndMigrated_neverLosesAPost_kernel4_3(BlockingDesign d) {
        SearchResult r = search("preempted", AbiProfile.RFC_V1, d);
        assertEquals(Set.of(), r.verdict());
        assertEquals("exhaustive", r.coverage());
        assertTrue(r.worst().spurious() >= 1, "some interleaving has the 0xEC land after the preemption (kernel takes it)");
    }

    /** The use-after-free invariant reports what the kernel model records (Kernel.violations()). */
    @Test
    void useAfterFree_aPostToAFreedUpid_isReportedWithTheWriter() {
        Scenario s = ScenarioParser.parse(Path.of("fixtures/scenarios/bystander.txt"));
        World w = World.build(s, AbiProfile.RFC_V1, BlockingDesign.GP_FAULT);
        w.kernel.upidOf(w.tids.get("rx")).freed = true;                // as if its last reference were dropped
        SearchResult r = Explorer.search(w, B);
        Counterexample c = r.found().get(Invariant.USE_AFTER_FREE);
        assertNotNull(c, r.verdict().toString());
        assertTrue(c.detail().startsWith("use-after-free:"), c.detail());
        assertEquals(1, c.events(), "the first SENDUIPI writes the freed UPID");
        assertEquals(Set.of(), verdict("bystander", AbiProfile.RFC_V1, BlockingDesign.GP_FAULT), "not without the free");
    }

    // send-wrapper (the seed's option 1): the check-then-act window is found, not declared (SendWrapperDesignTest)
    @Test
    void sendWrapper_checkThenAct_receiverBlocksBetween_lostWakeup_seedOption1() {
        SearchResult r = search("post-before-arm", AbiProfile.RFC_V1, BlockingDesign.SEND_WRAPPER);
        Counterexample c = r.found().get(Invariant.LOST_WAKEUP);
        assertNotNull(c, r.verdict().toString());
        assertEquals(4, c.events(), "read the word, entry, arm + sleep, SENDUIPI");
        assertEquals(2, c.switches());
        assertTrue(c.detail().startsWith("rx asleep with PIR=0x8"), c.detail());
        assertEquals(0, r.worst().kernelVector(), "no kernel vector in this design");
    }

    @Test
    void sendWrapperPostFirst_noLossNoVictimNoIsolationAnywhere_noInterruptOffTarget() {
        for (String s : ALL) {
            SearchResult r = search(s, AbiProfile.RFC_V1, BlockingDesign.SEND_WRAPPER_POST_FIRST);
            assertEquals(Set.of(), r.verdict(), s);
            assertEquals(0, r.worst().kernelVector(), s);
        }
    }

    // affinity (the seed's option 2): no interrupt on the isolated CPUs; victims move to the housekeeping CPU
    @Test
    void affinity_keepsIsolatedCpusQuiet_butTheHousekeepingCpuIsAVictim() {
        assertEquals(EnumSet.of(Invariant.VICTIM), verdict("isolated", AbiProfile.RFC_V1, BlockingDesign.AFFINITY));
        assertTrue(verdict("isolated", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR_CHECKED).contains(Invariant.ISOLATION));
        assertTrue(verdict("isolated", AbiProfile.LATER, BlockingDesign.KERNEL_VECTOR).contains(Invariant.ISOLATION));
        assertEquals(Set.of(), verdict("isolated", AbiProfile.LATER, BlockingDesign.GP_FAULT));
    }

    @Test
    void affinity_noLostWakeupAnywhere() {
        for (String s : ALL) {
            assertFalse(verdict(s, AbiProfile.RFC_V1, BlockingDesign.AFFINITY).contains(Invariant.LOST_WAKEUP), s);
        }
    }

    /** The isolation invariant is only ever found where a scenario marks CPUs isolated. */
    @Test
    void isolation_onlyWhereTheScenarioIsolatesCpus() {
        for (Scenario sc : ScenarioParser.loadAll(Path.of("fixtures/scenarios"))) {
            if (sc.isolated() != 0) {
                continue;
            }
            for (BlockingDesign d : BlockingDesign.values()) {
                SearchResult r = Explorer.search(World.build(sc, AbiProfile.RFC_V1, d), B);
                assertFalse(r.verdict().contains(Invariant.ISOLATION), sc.name() + " " + d);
            }
        }
    }

    /** The seed's "running and also waiting for a kernel notification ... will never work right". */
    @Test
    void runningAndAlsoWaiting_rfcKernelVector_postLostWhileItRuns_seed_kernel5_2_3() {
        SearchResult r = search("state-running-waiting", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR);
        Counterexample c = r.found().get(Invariant.LOST_WAKEUP);
        assertNotNull(c);
        assertTrue(c.detail().startsWith("rx spinning in user mode with PIR=0x8"), c.detail());
        for (BlockingDesign d : List.of(BlockingDesign.KERNEL_VECTOR_CHECKED, BlockingDesign.GP_FAULT, BlockingDesign.AFFINITY)) {
            assertEquals(Set.of(), verdict("state-running-waiting", AbiProfile.RFC_V1, d), d + " disarms on any wake");
        }
        assertEquals(Set.of(), verdict("state-running-waiting", AbiProfile.LATER, BlockingDesign.KERNEL_VECTOR),
                "the later tree's switch_uintr_finish disarms: the state is not reachable there");
    }

    @Test
    void laterProfile_naiveAndChecked_notApplicable() {
        Scenario s = ScenarioParser.parse(Path.of("fixtures/scenarios/bystander.txt"));
        assertNotNull(World.notApplicable(s, AbiProfile.LATER, BlockingDesign.NAIVE));
        assertNotNull(World.notApplicable(s, AbiProfile.LATER, BlockingDesign.KERNEL_VECTOR_CHECKED));
        assertNotNull(World.notApplicable(s, AbiProfile.LATER, BlockingDesign.SEND_WRAPPER));
        assertNotNull(World.notApplicable(s, AbiProfile.LATER, BlockingDesign.AFFINITY));
        assertEquals(null, World.notApplicable(s, AbiProfile.LATER, BlockingDesign.GP_FAULT));
    }

    @Test
    void everyShippedExpectation_matchesTheSearch() {
        List<PairResult> rows = DesignComparison.run(ScenarioParser.loadAll(Path.of("fixtures/scenarios")),
                List.of(AbiProfile.RFC_V1, AbiProfile.LATER), List.of(BlockingDesign.values()), B);
        for (PairResult r : rows) {
            assertFalse(r.mismatch(), r.scenario().name() + " " + r.profile() + " " + r.design() + ": found "
                    + r.verdictText() + ", declared " + r.expected());
        }
    }
}
