package dev.uintr.cli;

import dev.uintr.explore.Bound;
import dev.uintr.explore.Explorer;
import dev.uintr.explore.Invariant;
import dev.uintr.explore.Matrix;
import dev.uintr.explore.SearchOptions;
import dev.uintr.explore.SearchResult;
import dev.uintr.explore.World;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code explore --bench}: the search's speed, in states per second of wall time and per
 * second of CPU time of the search's own threads (on a shared host only the second means
 * anything), with the load average beside it.
 *
 * <p>Each search first runs unmeasured, at the measured bound, until the JIT compiled little
 * during a run (at most {@link #MAX_WARMUPS} runs): a run measured while the compiler threads
 * still work takes the second core from a second worker (issue 11: two workers looked no faster
 * than one because the JIT was still compiling the search's hot path on the other core). Each
 * line also says how the CPU time was split: the busiest thread's share (with N workers sharing
 * the work evenly about CPU/N; on N idle cores the wall time cannot be shorter), CPU/wall (how
 * much the threads really ran at once, which the load of other processes lowers), and the CPU
 * the JVM's own threads (JIT compiler, garbage collector) used during the run.
 */
final class ExploreBench {
    /** Warm-up runs at most, per search. */
    static final int MAX_WARMUPS = 4;
    /** The JIT counts as settled once a warm-up run compiled for less than this many milliseconds. */
    static final long SETTLED_COMPILE_MS = 100;

    private ExploreBench() {}

    static int run(List<Matrix.Cell> cells, Bound bound, int workers, int runs, PrintWriter out) {
        SearchOptions o = SearchOptions.DEFAULT.withWorkers(workers);
        int ran = 0;
        for (Matrix.Cell c : cells) {
            if (World.notApplicable(c.scenario(), c.profile(), c.design()) != null) {
                continue;
            }
            for (int i = 0; i < MAX_WARMUPS; i++) {
                long jit0 = compileMillis();
                Explorer.search(World.build(c.scenario(), c.profile(), c.design()), bound, o);
                if (compileMillis() - jit0 < SETTLED_COMPILE_MS) {
                    break;
                }
            }
            double[] wall = new double[runs];
            double[] cpu = new double[runs];
            double[] busiest = new double[runs];
            SearchResult r = null;
            for (int i = 0; i < runs; i++) {
                double load0 = load();
                long process0 = processCpu();
                r = Explorer.search(World.build(c.scenario(), c.profile(), c.design()), bound, o);
                long process = processCpu() - process0;
                double load1 = load();
                out.println(line(c, r, workers, process0 < 0 ? -1 : process, Math.max(load0, load1)));
                out.flush();
                wall[i] = Math.max(1, r.millis()) / 1000.0;
                cpu[i] = r.cpuNanos() / 1e9;
                busiest[i] = r.busiestCpuNanos() / 1e9;
            }
            if (runs > 1) {
                double w = median(wall);
                double u = median(cpu);
                out.println(String.format(Locale.ROOT,
                        "bench: %s %s %s workers=%d: median of %d runs: %,d states, %.2f s wall, %.2f s CPU, busiest thread %.2f s CPU: "
                                + "%,.0f states/s wall, %s states per CPU-second",
                        c.scenario().name(), c.profile().id(), c.design().id(), workers, runs, r.states(), w, u, median(busiest),
                        r.states() / w, u > 0 ? String.format(Locale.ROOT, "%,.0f", r.states() / u) : "unknown"));
                out.flush();
            }
            ran++;
        }
        return ran == 0 ? ExitCodes.ALL_SKIPPED : 0;
    }

    /** One measured run; {@code processNanos} is the whole JVM's CPU time during it, or negative where unknown. */
    static String line(Matrix.Cell c, SearchResult r, int workers, long processNanos, double load) {
        double wall = Math.max(1, r.millis()) / 1000.0;
        double cpu = r.cpuNanos() / 1e9;
        double busiest = r.busiestCpuNanos() / 1e9;
        String jvm = processNanos < 0 || cpu <= 0 ? "unknown"
                : String.format(Locale.ROOT, "%.2f s", Math.max(0, processNanos / 1e9 - cpu));
        return String.format(Locale.ROOT,
                "bench: %s %s %s workers=%d: %,d states (%s), %.2f s wall, %.2f s CPU: %,.0f states/s wall, %s states per CPU-second; "
                        + "busiest thread %.2f s CPU (CPU/busiest %.2f), CPU/wall %.2f, JIT+GC %s CPU, %d chunks backed up; load %.1f",
                c.scenario().name(), c.profile().id(), c.design().id(), workers, r.states(),
                Invariant.render(r.verdict()) + ", " + r.coverage(), wall, cpu, r.states() / wall,
                cpu > 0 ? String.format(Locale.ROOT, "%,.0f", r.states() / cpu) : "unknown",
                busiest, busiest > 0 ? cpu / busiest : 0, cpu / wall, jvm, r.backups(), load);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** The JVM's CPU time in nanoseconds, or -1 where the platform bean does not say. */
    private static long processCpu() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long t = sun.getProcessCpuTime();
            return t >= 0 ? t : -1;
        }
        return -1;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
