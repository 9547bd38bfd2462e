package dev.uintr.explore;

import dev.uintr.kernel.Counters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Exhaustive interleaving search over one {@link World} (style.md §2, Lincheck's model
 * checking): every enabled actor step and every pending kernel event is tried from every
 * state; states are deduplicated by their {@link Fingerprint}; the search is ordered by (switches, events),
 * so the first violation found of each invariant is the shortest counterexample (fewest
 * switches between CPUs, then fewest events). Nothing is hard-coded per design: the verdict
 * is whatever the kernel model does.
 */
public final class Explorer {
    private Explorer() {}

    private record Entry(int switches, int depth, long seq, Node node, Fingerprint fp) {}

    /** How a state was first reached at its best cost: its parent's fingerprint and the move. */
    private record Info(Fingerprint parent, Move move, int switches, int depth) {}

    public static SearchResult search(World world, Bound bound) {
        long t0 = System.nanoTime();
        Stepper st = new Stepper(world);
        Node init = st.initial();
        Map<Fingerprint, Info> best = new HashMap<>();
        PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> a.switches != b.switches
                ? Integer.compare(a.switches, b.switches)
                : a.depth != b.depth ? Integer.compare(a.depth, b.depth) : Long.compare(a.seq, b.seq));
        long seq = 0;
        Fingerprint initFp = Fingerprint.of(init);
        best.put(initFp, new Info(null, null, 0, 0));
        queue.add(new Entry(0, 0, seq++, init, initFp));
        Map<Invariant, Counterexample> found = new EnumMap<>(Invariant.class);
        java.util.Set<Fingerprint> settled = new java.util.HashSet<>();
        int maxDepth = 0;
        boolean depthCut = false;
        boolean statesCut = false;
        long[] worst = new long[6];
        while (!queue.isEmpty()) {
            Entry e = queue.poll();
            Node n = e.node;
            Info info = best.get(e.fp);
            if (info.switches != e.switches || info.depth != e.depth || settled.contains(e.fp)) {
                continue;                                                // a better path settled it already
            }
            if (settled.size() >= bound.maxStates()) {                   // --max-states N settles N states, not N+1
                statesCut = true;
                break;
            }
            settled.add(e.fp);
            maxDepth = Math.max(maxDepth, e.depth);
            Counters c = n.kernel.counters();
            track(worst, c);
            worst[0] = Math.max(worst[0], n.victims);
            List<Move> moves = st.enabled(n);
            check(found, st, n, e.fp, moves, best);
            if (e.depth >= bound.maxDepth()) {
                depthCut |= !moves.isEmpty();
                continue;
            }
            for (Move m : moves) {
                int col = st.column(n, m);
                int sw = e.switches + (n.lastColumn >= 0 && col != n.lastColumn ? 1 : 0);
                Node child = st.apply(n, m, false).node();
                Fingerprint fp = Fingerprint.of(child);
                Info old = best.get(fp);
                if (old == null || sw < old.switches || (sw == old.switches && e.depth + 1 < old.depth)) {
                    best.put(fp, new Info(e.fp, m, sw, e.depth + 1));
                    queue.add(new Entry(sw, e.depth + 1, seq++, child, fp));
                }
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        SearchResult.Worst w = new SearchResult.Worst(worst[0], worst[1], worst[2], worst[3], worst[4], worst[5]);
        return new SearchResult(found, settled.size(), maxDepth, ms, !statesCut, depthCut, w);
    }

    private static void track(long[] w, Counters c) {
        w[1] = Math.max(w[1], c.spuriousKernelInterrupts);
        w[2] = Math.max(w[2], c.gpFixups);
        w[3] = Math.max(w[3], c.emptyWakeups);
        w[4] = Math.max(w[4], c.kernelVectorInterrupts);
        w[5] = Math.max(w[5], c.lostIpis);
    }

    private static void check(Map<Invariant, Counterexample> found, Stepper st, Node n, Fingerprint fp,
                              List<Move> moves, Map<Fingerprint, Info> best) {
        if (!found.containsKey(Invariant.VICTIM) && n.victims > 0) {
            found.put(Invariant.VICTIM, trace(Invariant.VICTIM, fp, best,
                    "a kernel-vector IPI interrupted a task it did not wake"));
        }
        if (!found.containsKey(Invariant.MASS_WAKEUP) && n.massWakeup) {
            found.put(Invariant.MASS_WAKEUP, trace(Invariant.MASS_WAKEUP, fp, best,
                    "one interrupt's wait-list walk woke two or more sleepers"));
        }
        if (!found.containsKey(Invariant.USE_AFTER_FREE) && !n.kernel.violations().isEmpty()) {
            found.put(Invariant.USE_AFTER_FREE, trace(Invariant.USE_AFTER_FREE, fp, best,
                    n.kernel.violations().get(0).toString()));
        }
        if (!found.containsKey(Invariant.ISOLATION) && n.kernel.counters().isolationHits > 0) {
            found.put(Invariant.ISOLATION, trace(Invariant.ISOLATION, fp, best,
                    "an interrupt caused by another task's post was taken on an isolated CPU running a task it was not for"));
        }
        if (!found.containsKey(Invariant.LOST_WAKEUP) && st.quiescent(n, moves)) {
            List<String> lost = st.lostWakeups(n);
            if (!lost.isEmpty()) {
                found.put(Invariant.LOST_WAKEUP, trace(Invariant.LOST_WAKEUP, fp, best,
                        String.join("; ", lost) + ", and nothing left that could wake it"));
            }
        }
    }

    private static Counterexample trace(Invariant inv, Fingerprint fp, Map<Fingerprint, Info> best, String detail) {
        List<Move> moves = new ArrayList<>();
        Info i = best.get(fp);
        int switches = i.switches;
        while (i.parent != null) {
            moves.add(i.move);
            i = best.get(i.parent);
        }
        Collections.reverse(moves);
        return new Counterexample(inv, List.copyOf(moves), switches, detail);
    }
}
