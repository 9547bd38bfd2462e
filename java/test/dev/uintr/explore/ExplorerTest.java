package dev.uintr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The search itself: dedup, ordering (shortest first), bounds, determinism. */
class ExplorerTest {
    static World world(String scenario, AbiProfile p, BlockingDesign d) {
        return World.build(ScenarioParser.parse(Path.of("fixtures/scenarios/" + scenario + ".txt")), p, d);
    }

    @Test
    void sameSearchTwice_sameStatesSameTraces() {
        SearchResult a = Explorer.search(world("two-sleepers", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR), Bound.DEFAULT);
        SearchResult b = Explorer.search(world("two-sleepers", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR), Bound.DEFAULT);
        assertEquals(a.states(), b.states());
        assertEquals(a.found(), b.found());
    }

    @Test
    void shortestFirst_noShorterInterleavingFails() {
        // post-before-arm under kernel-vector: the shortest loss is 4 events; a depth-3 search finds none
        World w = world("post-before-arm", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR);
        Counterexample c = Explorer.search(w, Bound.DEFAULT).found().get(Invariant.LOST_WAKEUP);
        assertEquals(4, c.events());
        SearchResult shallow = Explorer.search(world("post-before-arm", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR),
                new Bound(1000, c.events() - 1));
        assertFalse(shallow.found().containsKey(Invariant.LOST_WAKEUP));
        assertTrue(shallow.depthCut());
        assertEquals("within bound", shallow.coverage(), "a cut search never claims exhaustiveness");
    }

    @Test
    void maxStates_stopsTheSearch_andSaysWithinBound() {
        SearchResult r = Explorer.search(world("two-sleepers", AbiProfile.RFC_V1, BlockingDesign.GP_FAULT), new Bound(3, 60));
        assertFalse(r.exhausted());
        assertEquals("within bound", r.coverage());
        assertTrue(r.states() <= 4);
    }

    @Test
    void visitedStateDedup_fewerStatesThanInterleavings() {
        // two-sleepers has 3 actors and several CPUs' events: far more interleavings than distinct states
        SearchResult r = Explorer.search(world("two-sleepers", AbiProfile.RFC_V1, BlockingDesign.GP_FAULT), Bound.DEFAULT);
        assertTrue(r.exhausted());
        assertTrue(r.states() < 100, "dedup keeps it small: " + r.states());
        assertTrue(r.depth() >= 5);
    }

    /** Deduplication by fingerprint settles exactly the states full equality would (no merges). */
    @Test
    void fingerprintDedup_sameStateCountAsFullEquality() {
        for (String sc : DesignVerdictTest.ALL) {
            for (BlockingDesign d : BlockingDesign.values()) {
                World w = world(sc, AbiProfile.RFC_V1, d);
                Stepper st = new Stepper(world(sc, AbiProfile.RFC_V1, d));
                java.util.Set<Node> seen = new java.util.HashSet<>();
                java.util.Set<Fingerprint> fps = new java.util.HashSet<>();
                java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
                StateCodec codec = new StateCodec(w);
                Node init = st.initial();
                seen.add(init);
                fps.add(fingerprint(codec, init));
                todo.add(init);
                while (!todo.isEmpty()) {
                    Node n = todo.poll();
                    for (Move m : st.enabled(n)) {
                        Node c = st.apply(n, m, false).node();
                        if (seen.add(c)) {
                            fps.add(fingerprint(codec, c));
                            todo.add(c);
                        }
                    }
                }
                assertEquals(seen.size(), fps.size(), sc + " " + d + ": a fingerprint merged two different states");
                assertEquals(seen.size(), Explorer.search(w, Bound.DEFAULT).states(), sc + " " + d);
            }
        }
    }

    static Fingerprint fingerprint(StateCodec codec, Node n) {
        ByteSink b = new ByteSink();
        codec.encode(n, b);
        return Fingerprint.of(b.buf, 0, b.len);
    }

    @Test
    void counterexample_replaysToTheSameViolation() {
        World w = world("hot-unplug", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR);
        Counterexample c = Explorer.search(w, Bound.DEFAULT).found().get(Invariant.LOST_WAKEUP);
        Stepper st = new Stepper(world("hot-unplug", AbiProfile.RFC_V1, BlockingDesign.KERNEL_VECTOR));
        Node n = st.initial();
        for (Move m : c.moves()) {
            n = st.apply(n, m, false).node();
        }
        assertTrue(st.quiescent(n, st.enabled(n)));
        assertEquals(1, st.lostWakeups(n).size());
    }
}
