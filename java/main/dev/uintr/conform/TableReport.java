package dev.uintr.conform;

import java.util.List;

/**
 * The console form: one line per case (status, name, reason), the jcstress table for the
 * failed, errored and interesting ones, and a summary line counting passed, failed,
 * skipped and hard errors apart.
 */
public final class TableReport {
    private TableReport() {}

    public static String render(List<CaseResult> results) {
        StringBuilder b = new StringBuilder();
        for (CaseResult r : results) {
            b.append(String.format("%-7s %s", r.status(), r.name()));
            if (r.reason() != null) {
                b.append("  (").append(r.reason()).append(')');
            }
            b.append('\n');
            for (String d : KtapReport.diagnostics(r)) {
                b.append("    ").append(d).append('\n');
            }
        }
        b.append(String.format("%d cases: %d passed, %d failed, %d skipped, %d errors/timeouts%n", results.size(),
                results.stream().filter(r -> r.status() == Status.PASS).count(),
                results.stream().filter(r -> r.status() == Status.FAIL).count(),
                results.stream().filter(r -> r.status() == Status.SKIP).count(),
                results.stream().filter(r -> r.status() == Status.ERROR || r.status() == Status.TIMEOUT).count()));
        return b.toString();
    }
}
