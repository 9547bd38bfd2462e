package dev.uintr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several workers settle the same states in the same order as one (issue 11): verdicts,
 * counters, state counts and shortest counterexamples are identical, whatever the bound that
 * stops the search. No timing is asserted here (speed is measured by the explore command).
 */
class SearchWorkersTest {
    static final Path LARGE = Path.of("fixtures/scenarios/large");

    static World world(Path dir, String name, AbiProfile p, BlockingDesign d) {
        return World.build(ScenarioParser.parse(dir.resolve(name + ".txt")), p, d);
    }

    static void assertSame(SearchResult a, SearchResult b, String what) {
        assertEquals(a.found(), b.found(), what + ": counterexamples");
        assertEquals(a.states(), b.states(), what + ": states");
        assertEquals(a.depth(), b.depth(), what + ": depth");
        assertEquals(a.worst(), b.worst(), what + ": counters");
        assertEquals(a.exhausted(), b.exhausted(), what + ": exhausted");
        assertEquals(a.depthCut(), b.depthCut(), what + ": depth cut");
        assertEquals(a.stoppedBy(), b.stoppedBy(), what + ": stopped by");
    }

    /** Every pair of {@code dir} under {@code bound}: 2 and 3 workers give what 1 gives; returns how many pairs. */
    static int sameForTwoAndThreeWorkers(Path dir, Bound bound) {
        int pairs = 0;
        for (Matrix.Cell c : Matrix.cells(ScenarioParser.loadAll(dir),
                List.of(AbiProfile.RFC_V1, AbiProfile.LATER), List.of(BlockingDesign.values()))) {
            if (World.notApplicable(c.scenario(), c.profile(), c.design()) != null) {
                continue;
            }
            SearchResult one = Explorer.search(World.build(c.scenario(), c.profile(), c.design()), bound);
            for (int w : new int[] {2, 3}) {
                assertSame(one, Explorer.search(World.build(c.scenario(), c.profile(), c.design()), bound,
                        SearchOptions.DEFAULT.withWorkers(w)), c + " with " + w + " workers");
            }
            pairs++;
        }
        return pairs;
    }

    @Test
    void everyShippedPair_sameResultWithTwoAndThreeWorkers() {
        assertTrue(sameForTwoAndThreeWorkers(Path.of("fixtures/scenarios"), Bound.DEFAULT) > 50);
    }

    /**
     * Every large scenario, every design and profile, cut at 20,000 states: buckets of hundreds to
     * thousands of states, so the threads share most buckets chunk by chunk and merge in turns.
     */
    @Test
    void everyLargePairCut_sameResultWithTwoAndThreeWorkers() {
        assertTrue(sameForTwoAndThreeWorkers(LARGE, new Bound(20_000, 60)) >= 27);
    }

    /** A larger search whose buckets span many work chunks, cut by the state bound in the middle of one. */
    @Test
    void ringBoundedByStates_identicalForOneTwoThreeAndFourWorkers() {
        Bound b = new Bound(12_345, 60);
        SearchResult one = Explorer.search(world(LARGE, "ring", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR), b);
        assertEquals(12_345, one.states());
        assertEquals("max-states", one.stoppedBy());
        assertEquals("within bound", one.coverage());
        assertTrue(one.found().containsKey(Invariant.LOST_WAKEUP), "the 8-event loss is within 12,345 states");
        for (int w : new int[] {2, 3, 4}) {
            assertSame(one, Explorer.search(world(LARGE, "ring", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR), b,
                    SearchOptions.DEFAULT.withWorkers(w)), w + " workers");
        }
    }

    /** The search `explore --bench` measures, in full: 292,351 states, exhaustive, the same with 2 workers. */
    @Test
    void benchSearch_ringKernelVectorChecked_exhaustive_identicalForTwoWorkers() {
        Bound b = new Bound(1_000_000, 60);
        SearchResult one = Explorer.search(world(LARGE, "ring", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR_CHECKED), b);
        assertEquals(292_351, one.states());
        assertEquals("exhaustive", one.coverage());
        SearchResult two = Explorer.search(world(LARGE, "ring", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR_CHECKED), b,
                SearchOptions.DEFAULT.withWorkers(2));
        assertSame(one, two, "2 workers");
        assertTrue(two.busiestCpuNanos() <= two.cpuNanos(), "the busiest thread's CPU is part of the search's");
    }

    /**
     * A thread that waits for a late chunk expands it again and merges its own copy; with no
     * patience at all that happens at nearly every bucket's end, and the result is still the
     * one-worker result (the late copy is ignored, its buffer never reused).
     */
    @Test
    void backedUpChunks_sameResult() {
        int backups = 0;
        for (String name : new String[] {"ring", "two-senders", "unplug-migrate"}) {
            for (BlockingDesign d : new BlockingDesign[] {BlockingDesign.KERNEL_VECTOR, BlockingDesign.GP_FAULT}) {
                Bound b = new Bound(30_000, 60);
                SearchResult one = Explorer.search(world(LARGE, name, AbiProfile.RFC_V1, d), b);
                for (int w : new int[] {2, 3}) {
                    SearchResult eager = new Search(world(LARGE, name, AbiProfile.RFC_V1, d), b,
                            SearchOptions.DEFAULT.withWorkers(w), 0).run();
                    assertSame(one, eager, name + " " + d + " with " + w + " eager workers");
                    backups += eager.backups();
                }
            }
        }
        assertTrue(backups > 0, "no chunk was backed up");
    }

    @Test
    void maxMemory_stopsCleanly_withinBound_sameForWorkers() {
        Bound b = new Bound(1_000_000, 60, 3L << 20);
        SearchResult one = Explorer.search(world(LARGE, "two-senders", AbiProfile.RFC_V1, BlockingDesign.GP_FAULT), b);
        assertEquals("max-memory", one.stoppedBy());
        assertFalse(one.exhausted());
        assertEquals("within bound", one.coverage());
        assertTrue(one.states() > 1000 && one.states() < 73_204, "stopped part way: " + one.states());
        assertTrue(one.peakBytes() <= (3L << 20) + (1 << 20), "held about the bound: " + one.peakBytes());
        assertSame(one, Explorer.search(world(LARGE, "two-senders", AbiProfile.RFC_V1, BlockingDesign.GP_FAULT), b,
                SearchOptions.DEFAULT.withWorkers(2)), "2 workers");
    }

    @Test
    void progress_isReported_withStatesFrontierMemoryDepth() {
        List<SearchProgress> seen = new ArrayList<>();
        SearchResult r = Explorer.search(world(LARGE, "ring", AbiProfile.RFC_V1, BlockingDesign.NAIVE), new Bound(5000, 60),
                SearchOptions.DEFAULT.withProgress(seen::add, 0));
        assertFalse(seen.isEmpty());
        SearchProgress last = seen.get(seen.size() - 1);
        assertEquals(r.states(), last.states(), "the last report has the final count");
        assertTrue(last.frontier() > 0 && last.memoryBytes() > 0 && last.depth() == r.depth(), last.toString());
        assertTrue(last.line().matches("5,000 states  [0-9,]+ states/s  frontier [0-9,]+  memory [0-9,]+ MB  depth \\d+  \\d+ s"),
                last.line());
        SearchResult quiet = Explorer.search(world(LARGE, "ring", AbiProfile.RFC_V1, BlockingDesign.NAIVE), new Bound(50, 60),
                SearchOptions.DEFAULT.withProgress(p -> {
                    throw new AssertionError("a search shorter than the interval reports nothing: " + p);
                }, 60_000));
        assertEquals(50, quiet.states());
    }
}
