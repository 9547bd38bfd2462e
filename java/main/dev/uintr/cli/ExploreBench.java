package dev.uintr.cli;

import dev.uintr.explore.Bound;
import dev.uintr.explore.Explorer;
import dev.uintr.explore.Invariant;
import dev.uintr.explore.Matrix;
import dev.uintr.explore.SearchOptions;
import dev.uintr.explore.SearchResult;
import dev.uintr.explore.World;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * {@code explore --bench}: the search's speed, in states per second of wall time and per
 * second of CPU time of the search's own threads (on a shared host only the second means
 * anything), with the load average beside it. Each search runs once unmeasured first so the
 * JIT has compiled the hot path.
 */
final class ExploreBench {
    static final int WARMUP_STATES = 30_000;

    private ExploreBench() {}

    static int run(List<Matrix.Cell> cells, Bound bound, int workers, PrintWriter out) {
        SearchOptions o = SearchOptions.DEFAULT.withWorkers(workers);
        int ran = 0;
        for (Matrix.Cell c : cells) {
            if (World.notApplicable(c.scenario(), c.profile(), c.design()) != null) {
                continue;
            }
            Bound warm = new Bound(Math.min(bound.maxStates(), WARMUP_STATES), bound.maxDepth(), bound.maxMemory());
            Explorer.search(World.build(c.scenario(), c.profile(), c.design()), warm, o);
            double load0 = load();
            SearchResult r = Explorer.search(World.build(c.scenario(), c.profile(), c.design()), bound, o);
            double load1 = load();
            out.println(line(c, r, workers, Math.max(load0, load1)));
            out.flush();
            ran++;
        }
        return ran == 0 ? ExitCodes.ALL_SKIPPED : 0;
    }

    static String line(Matrix.Cell c, SearchResult r, int workers, double load) {
        double wall = Math.max(1, r.millis()) / 1000.0;
        double cpu = r.cpuNanos() / 1e9;
        return String.format(Locale.ROOT,
                "bench: %s %s %s workers=%d: %,d states (%s), %.2f s wall, %.2f s CPU: %,.0f states/s wall, %s states per CPU-second; load %.1f",
                c.scenario().name(), c.profile().id(), c.design().id(), workers, r.states(),
                Invariant.render(r.verdict()) + ", " + r.coverage(), wall, cpu, r.states() / wall,
                cpu > 0 ? String.format(Locale.ROOT, "%,.0f", r.states() / cpu) : "unknown", load);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
