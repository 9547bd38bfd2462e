package dev.uintr.explore;

import dev.uintr.kernel.Counters;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Exact costs of a scenario's posts under one (profile, design), from the kernel model's
 * counters: every interleaving is followed to its end (a quiescent state, as the explorer
 * defines it) and the counters' growth since the start is recorded, once per distinct ending
 * (the start being before the setup's {@code asleep} calls, so a receiver's wait is counted).
 * Endings that lost a wake-up or wrote a freed UPID are left out (their "cost" is a failure,
 * shown as a counterexample instead); endings with victims or isolation hits stay in, those
 * interrupts are costs. Per post = divided by the scenario's SEND steps.
 *
 * <p>This is a pass of its own over the same transition relation ({@link Stepper}) the
 * explorer searches, bounded the same way; it never decides a verdict.
 *
 * @param posts      SEND steps in the scenario
 * @param endings    distinct counter growths, one per kind of ending
 * @param exhaustive every ending within the bound was reached (no state or depth cut)
 */
public record WakeCosts(int posts, List<Delta> endings, boolean exhaustive) {

    /** The counters' growth over one interleaving, in {@link Counters#NAMES} order. */
    public record Delta(long[] v) {
        public long get(String name) {
            int i = Counters.NAMES.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no counter " + name);
            }
            return v[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delta && Arrays.equals(v, ((Delta) o).v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }

        @Override
        public String toString() {
            return Arrays.toString(v);
        }
    }

    public static WakeCosts of(World world, Bound bound) {
        Stepper st = new Stepper(world);
        Node init = st.initial();
        long[] base = world.countersBeforeAsleep != null ? world.countersBeforeAsleep : init.kernel.counters().values();
        StateCodec codec = new StateCodec(world);
        Set<Fingerprint> seen = new HashSet<>();
        Set<Delta> endings = new LinkedHashSet<>();
        ArrayDeque<Node> queue = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        seen.add(codec.fingerprint(init));
        queue.add(init);
        depths.add(0);
        boolean cut = false;
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            int depth = depths.poll();
            List<Move> moves = st.enabled(n);
            if (st.quiescent(n, moves) && st.lostWakeups(n).isEmpty() && n.kernel.violations().isEmpty()) {
                long[] now = n.kernel.counters().values();
                long[] d = new long[now.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = now[i] - base[i];
                }
                endings.add(new Delta(d));
            }
            if (moves.isEmpty()) {
                continue;
            }
            if (depth >= bound.maxDepth()) {
                cut = true;
                continue;
            }
            for (Move m : moves) {
                Node child = st.apply(n, m, false).node();
                if (seen.add(codec.fingerprint(child))) {
                    if (seen.size() > bound.maxStates()) {
                        return new WakeCosts(world.scenario.posts(), List.copyOf(endings), false);
                    }
                    queue.add(child);
                    depths.add(depth + 1);
                }
            }
        }
        return new WakeCosts(world.scenario.posts(), List.copyOf(endings), !cut);
    }

    /** The smallest value of {@code f} over the endings, per post; NaN when there is no ending or no post. */
    public double minPerPost(ToLongFunction<Delta> f) {
        return perPost(endings.stream().mapToLong(f).min());
    }

    /** The largest value of {@code f} over the endings, per post; NaN when there is no ending or no post. */
    public double maxPerPost(ToLongFunction<Delta> f) {
        return perPost(endings.stream().mapToLong(f).max());
    }

    private double perPost(java.util.OptionalLong v) {
        return v.isPresent() && posts > 0 ? (double) v.getAsLong() / posts : Double.NaN;
    }

    /** "1", "0.5–2" or "-" (no ending): min–max per post of {@code f}. */
    public String range(ToLongFunction<Delta> f) {
        double lo = minPerPost(f);
        double hi = maxPerPost(f);
        if (Double.isNaN(lo)) {
            return "-";
        }
        return lo == hi ? num(lo) : num(lo) + "–" + num(hi);
    }

    static String num(double d) {
        if (d == Math.rint(d)) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) d);
        }
        return String.format(java.util.Locale.ROOT, "%,.2f", d).replaceAll("0+$", "");
    }

    /** The measures the cost table shows, each a function of one ending. */
    public static final List<Measure> MEASURES = List.of(
            new Measure("IPIs", "IPIs sent: notification (SENDUIPI, return-path self-IPI, resends) + reschedule IPIs of remote wake-ups",
                    d -> d.get("ipis_sent") + d.get("wake_ipis")),
            new Measure("off-target irqs", "uintr interrupts the kernel took on a CPU where no task with a post outstanding last ran",
                    d -> d.get("off_target_interrupts")),
            new Measure("victims", "wake-up interrupts taken on a CPU running a task they did not wake",
                    d -> d.get("victim_interrupts")),
            new Measure("sender entries", "kernel entries by the sender to complete a post (#GP fix-ups, wrapper wake calls)",
                    d -> d.get("sender_entries")),
            new Measure("receiver entries", "kernel entries by the receiver to wait (uintr_wait calls, retries included)",
                    d -> d.get("receiver_entries")),
            new Measure("list walked", "wait-list entries visited by wake-up walks", d -> d.get("wait_list_walked")),
            new Measure("#GP", "#GP faults fixed up by the kernel", d -> d.get("gp_fixups")),
            new Measure("syscalls", "system calls of any task", d -> d.get("syscalls")),
            new Measure("unrelated sleeps ended", "sleeps in an unrelated syscall (nanosleep) ended by a uintr wake-up "
                    + "(the later tree arms every interruptible sleep of a WAITING handler)", d -> d.get("unrelated_wakes")));

    /** One column of the cost table. */
    public record Measure(String name, String meaning, ToLongFunction<Delta> f) {}
}
