package dev.uintr.bench;

import dev.uintr.report.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * hybrid-floor.csv: the hybrid loops' speed beside this host's bare ptrace floor, measured in the
 * same run (one floor measurement right after each hybrid measurement). One row per round and
 * mechanism, then per mechanism a row with round {@code median}: the medians over the rounds and
 * the ratio of the medians. The target (issue 13) is that a ping-pong reaches half the floor: the
 * bench's uipi loop and the example program through exec (mechanism {@code exec-ping-pong}). The
 * floor of the target runs its tracer and tracee apart on the bench's two CPUs (FloorSample); the
 * one-CPU floor beside it is information (a traced ping-pong cannot run that way).
 * Columns in reports/README.md.
 */
public final class HybridFloorCsv {
    public static final String FILE = "hybrid-floor.csv";
    public static final List<String> HEADER = List.of("round", "mechanism", "profile", "hybrid_round_trips_per_s",
            "stops_per_round_trip", "floor_stops_per_s", "floor_round_trips_per_s", "ratio", "target_ratio", "meets_target",
            "tracer_cpu_us_per_stop", "floor_cpu_us_per_stop", "floor_cpus", "one_cpu_floor_stops_per_s", "one_cpu_ratio",
            "load_avg_1m");
    /** The ratio the uipi ping-pong should reach. */
    public static final double TARGET = 0.5;
    public static final String MEDIAN = "median";

    private HybridFloorCsv() {}

    /** Per mechanism (in first-seen order): the medians over its rounds, as a sample with round 0. */
    public static List<FloorSample> medians(List<FloorSample> samples) {
        Map<String, List<FloorSample>> by = new LinkedHashMap<>();
        for (FloorSample s : samples) {
            by.computeIfAbsent(s.mechanism(), k -> new ArrayList<>()).add(s);
        }
        List<FloorSample> out = new ArrayList<>();
        for (List<FloorSample> l : by.values()) {
            out.add(new FloorSample(0, l.get(0).mechanism(), l.get(0).profile(),
                    median(l.stream().mapToDouble(FloorSample::roundTripsPerSec).toArray()),
                    median(l.stream().mapToDouble(FloorSample::stopsPerRoundTrip).toArray()),
                    median(l.stream().mapToDouble(FloorSample::floorStopsPerSec).toArray()),
                    median(l.stream().mapToDouble(FloorSample::tracerCpuUsPerStop).filter(d -> !Double.isNaN(d)).toArray()),
                    median(l.stream().mapToDouble(FloorSample::floorCpuUsPerStop).filter(d -> !Double.isNaN(d)).toArray()),
                    l.get(0).floorCpus(),
                    median(l.stream().mapToDouble(FloorSample::oneCpuFloorStopsPerSec).filter(d -> !Double.isNaN(d)).toArray()),
                    median(l.stream().mapToDouble(FloorSample::loadAvg1m).filter(d -> !Double.isNaN(d)).toArray())));
        }
        return out;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Replaces {@code file} with the rounds and their medians, atomically. */
    public static void write(Path file, List<FloorSample> samples) {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(HEADER.toArray(String[]::new)).get();
        AtomicFiles.write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, fmt)) {
                for (FloorSample s : samples) {
                    p.printRecord(values(Integer.toString(s.round()), s));
                }
                for (FloorSample s : medians(samples)) {
                    p.printRecord(values(MEDIAN, s));
                }
            }
        });
    }

    private static List<String> values(String round, FloorSample s) {
        boolean targeted = targeted(s.mechanism());
        double r = s.ratio();
        return List.of(round, s.mechanism(), s.profile(), num(s.roundTripsPerSec()), num(s.stopsPerRoundTrip()),
                num(s.floorStopsPerSec()), num(s.floorRoundTripsPerSec()), ratio(r),
                targeted ? String.format(Locale.ROOT, "%.2f", TARGET) : "",
                !targeted || Double.isNaN(r) ? "" : r >= TARGET ? "yes" : "no",
                num(s.tracerCpuUsPerStop()), num(s.floorCpuUsPerStop()), s.floorCpus(),
                num(s.oneCpuFloorStopsPerSec()), ratio(s.oneCpuRatio()),
                Double.isNaN(s.loadAvg1m()) ? "" : String.format(Locale.ROOT, "%.2f", s.loadAvg1m()));
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.3f", r);
    }

    /** The rows the 50% target is for: the bench's uipi ping-pong and the example ping-pong through exec. */
    static boolean targeted(String mechanism) {
        return Mechanism.UIPI.id().equals(mechanism) || BenchRunner.EXEC_PING_PONG.equals(mechanism);
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.1f", d);
    }

    /**
     * The console lines: per mechanism its medians, the floor and the ratio; with {@code cpus} the
     * CPUs this process may use, a warning when some round ran at a load average above a quarter of them.
     */
    public static String render(List<FloorSample> samples, int cpus) {
        StringBuilder b = new StringBuilder();
        Map<String, Long> rounds = new LinkedHashMap<>();
        for (FloorSample s : samples) {
            rounds.merge(s.mechanism(), 1L, Long::sum);
        }
        for (FloorSample m : medians(samples)) {
            boolean targeted = targeted(m.mechanism());
            b.append(String.format(Locale.ROOT, "bench: hybrid %s (%s): %,.0f round trips/s, %.1f stops each; ptrace floor "
                            + "(tracer,tracee on CPUs %s) %,.0f stops/s = %,.0f round trips/s at %d stops; ratio %.0f%%%s "
                            + "(medians over %d round(s); emulation cost, not hardware latency)%n", m.mechanism(), m.profile(),
                    m.roundTripsPerSec(), m.stopsPerRoundTrip(), m.floorCpus(), m.floorStopsPerSec(), m.floorRoundTripsPerSec(),
                    FloorSample.STOPS_PER_ROUND_TRIP, 100 * m.ratio(),
                    targeted ? String.format(Locale.ROOT, " (target >= %.0f%%: %s)", 100 * TARGET,
                            m.ratio() >= TARGET ? "met" : "not met") : "",
                    rounds.get(m.mechanism())));
            if (!Double.isNaN(m.tracerCpuUsPerStop()) && !Double.isNaN(m.floorCpuUsPerStop())) {
                b.append(String.format(Locale.ROOT, "bench: hybrid %s: tracer CPU %.1f µs per stop, the floor's %.1f µs (%.1fx): "
                        + "the work per stop, whatever this host's wake-ups cost%n", m.mechanism(), m.tracerCpuUsPerStop(),
                        m.floorCpuUsPerStop(), m.tracerCpuUsPerStop() / m.floorCpuUsPerStop()));
            }
            if (!Double.isNaN(m.oneCpuFloorStopsPerSec())) {
                b.append(String.format(Locale.ROOT, "bench: hybrid %s: the floor with tracer and tracee on one CPU makes %,.0f "
                        + "stops/s (%.0f%% of it; no target: a traced ping-pong's two threads spin on two CPUs)%n",
                        m.mechanism(), m.oneCpuFloorStopsPerSec(), 100 * m.oneCpuRatio()));
            }
        }
        double busiest = samples.stream().mapToDouble(FloorSample::loadAvg1m).filter(d -> !Double.isNaN(d)).max().orElse(0);
        int n = Math.max(1, cpus);
        if (busiest > 0.25 * n) {
            b.append(String.format(Locale.ROOT, "bench: hybrid: warning: load average up to %.2f on %d CPUs during these rounds; "
                    + "a ping-pong's threads spin and lose their CPUs to other work while the floor loop mostly sleeps, "
                    + "so these ratios say more about the load than about the supervisor%n", busiest, n));
        }
        return b.toString();
    }
}
