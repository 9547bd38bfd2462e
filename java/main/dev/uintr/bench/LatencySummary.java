package dev.uintr.bench;

import java.util.List;
import java.util.Locale;

/** The console summary of one run's rows: figures in microseconds, right-aligned. */
public final class LatencySummary {
    private LatencySummary() {}

    public static String render(List<LatencyRow> rows) {
        TextTable t = new TextTable(List.of("mechanism", "mode", "status", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs",
                "max µs", "mean µs", "stddev µs", "samples", "timer %", "reason"), 3, true);
        for (LatencyRow r : rows) {
            if (r.stats() == null) {
                t.add(List.of(r.mechanism(), r.mode(), r.status().id(), "", "", "", "", "", "", "", "", "", r.reason()));
                continue;
            }
            Percentiles p = r.stats().raw();
            t.add(List.of(r.mechanism(), r.mode(), r.status().id(), us(p.p50()), us(p.p90()), us(p.p99()), us(p.p999()),
                    us(p.max()), us(p.mean()), us(p.stddev()), String.format(Locale.ROOT, "%,d", p.count()),
                    String.format(Locale.ROOT, "%.2f", r.timerOverheadPct())));
        }
        return t.render();
    }

    static String us(double ns) {
        return String.format(Locale.ROOT, "%.3f", ns / 1e3);
    }
}
