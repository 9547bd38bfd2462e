package dev.uintr.explore;

import dev.uintr.kernel.Counters;
import java.util.List;

/**
 * A worker's part of the search: decodes a bucket's states, checks the invariants, and
 * applies every enabled move, encoding each child. One per thread (it reuses its buffers);
 * it reads the world and never the shared tables.
 */
final class Expander {
    private final Stepper st;
    private final StateCodec codec;
    /** The objects every state this worker decodes is written into (see StateCodec#decodeInto). */
    private dev.uintr.kernel.Kernel scratch;
    /** The objects a decoded parent is copied into before one of its moves (see StateCodec#restore). */
    private dev.uintr.kernel.Kernel child;

    Expander(World world) {
        this.st = new Stepper(world);
        this.codec = new StateCodec(world);
    }

    private Node decode(Bucket b, int i) {
        Node n = codec.decodeInto(b.block(i), b.offset(i), scratch);
        scratch = n.kernel;
        return n;
    }

    /** States {@code [from, from + count)} of {@code b}; {@code live[i]} false skips one; children only if {@code grow}. */
    Expansion expand(Bucket b, boolean[] live, int from, int count, boolean grow, Expansion into) {
        Expansion x = into.reset(from, count);
        for (int k = 0; k < count; k++) {
            int i = from + k;
            if (!live[i]) {
                x.flags[k] = Expansion.STALE;
                continue;
            }
            Node n = decode(b, i);
            List<Move> moves = st.enabled(n);
            int f = moves.isEmpty() ? 0 : Expansion.HAS_MOVES;
            if (n.victims > 0) {
                f |= Expansion.VICTIM;
            }
            if (n.massWakeup) {
                f |= Expansion.MASS;
            }
            if (n.kernel.counters().isolationHits > 0) {
                f |= Expansion.ISOLATION;
            }
            if (!n.kernel.violations().isEmpty()) {
                x.useAfterFree[k] = n.kernel.violations().get(0).toString();
            }
            if (st.quiescent(n, moves)) {
                List<String> lost = st.lostWakeups(n);
                if (!lost.isEmpty()) {
                    x.lostWakeup[k] = String.join("; ", lost) + ", and nothing left that could wake it";
                }
            }
            x.flags[k] = f;
            Counters c = n.kernel.counters();
            int w = k * Expansion.WORST;
            x.worst[w] = n.victims;
            x.worst[w + 1] = c.spuriousKernelInterrupts;
            x.worst[w + 2] = c.gpFixups;
            x.worst[w + 3] = c.emptyWakeups;
            x.worst[w + 4] = c.kernelVectorInterrupts;
            x.worst[w + 5] = c.lostIpis;
            x.firstChild[k] = x.children;
            if (grow) {
                for (int j = 0, last = moves.size() - 1; j <= last; j++) {
                    Move m = moves.get(j);
                    Node p = n;
                    if (j < last) {                                      // the last move may change the parent itself
                        p = codec.restore(n, child);
                        child = p.kernel;
                    }
                    int col = st.column(p, m);
                    Node child = st.applyInPlace(p, m);
                    int start = x.bytes.len;
                    codec.encode(child, x.bytes);
                    x.child(m.code(), p.lastColumn >= 0 && col != p.lastColumn, start);
                }
            }
            x.childCount[k] = x.children - x.firstChild[k];
        }
        return x;
    }

    /** The encoding of the search's initial node. */
    ByteSink initial() {
        ByteSink s = new ByteSink();
        codec.encode(st.initial(), s);
        return s;
    }
}
