package dev.uintr.bench;

import java.util.List;
import java.util.Locale;

/**
 * The console summary of one run's rows: figures in microseconds, right-aligned, the backend
 * beside the mode (an emulated row's reason says it is the Java model's cost, not hardware latency).
 */
public final class LatencySummary {
    private LatencySummary() {}

    public static String render(List<LatencyRow> rows) {
        TextTable t = new TextTable(List.of("mechanism", "mode", "backend", "status", "p50 µs", "p90 µs", "p99 µs",
                "p99.9 µs", "max µs", "mean µs", "stddev µs", "samples", "timer %", "reason"), 4, true);
        for (LatencyRow r : rows) {
            String backend = r.emulated() ? r.backend() + " " + r.host().pinning() : r.backend();
            if (r.stats() == null) {
                t.add(List.of(r.mechanism(), r.mode(), backend, r.status().id(), "", "", "", "", "", "", "", "", "",
                        r.reason()));
                continue;
            }
            Percentiles p = r.stats().raw();
            double pct = r.timerOverheadPct();
            t.add(List.of(r.mechanism(), r.mode(), backend, r.status().id(), us(p.p50()), us(p.p90()), us(p.p99()),
                    us(p.p999()), us(p.max()), us(p.mean()), us(p.stddev()), String.format(Locale.ROOT, "%,d", p.count()),
                    Double.isNaN(pct) ? "" : String.format(Locale.ROOT, "%.2f", pct),
                    r.emulated() ? r.emulationNote() : r.reason()));
        }
        return t.render();
    }

    static String us(double ns) {
        return String.format(Locale.ROOT, "%.3f", ns / 1e3);
    }
}
