package dev.uintr.conform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KTAP version 1 output: one subtest block per area (indented two spaces, its own version
 * line and plan), one result line per case; a skip is {@code ok N name # SKIP reason}; a
 * failed, errored, timed-out or interesting case gets its jcstress table as {@code #}
 * diagnostics just before its line; a parent fails if a child failed and is skipped when
 * all its children were; a closing {@code # Totals:} line.
 */
public final class KtapReport {
    private KtapReport() {}

    public static String render(List<CaseResult> results) {
        StringBuilder b = new StringBuilder("KTAP version 1\n");
        Map<String, List<CaseResult>> areas = new LinkedHashMap<>();
        for (CaseResult r : results) {
            areas.computeIfAbsent(r.spec().area(), a -> new ArrayList<>()).add(r);
        }
        if (areas.isEmpty()) {
            b.append("1..0 # SKIP no case selected\n");
        } else {
            b.append("1..").append(areas.size()).append('\n');
        }
        int n = 0;
        for (var e : areas.entrySet()) {
            n++;
            List<CaseResult> rs = e.getValue();
            b.append("  KTAP version 1\n  1..").append(rs.size()).append('\n');
            int i = 0;
            for (CaseResult r : rs) {
                i++;
                for (String d : diagnostics(r)) {
                    b.append("  # ").append(d).append('\n');
                }
                b.append("  ").append(r.status().bad() ? "not ok " : "ok ").append(i).append(' ').append(r.name());
                directive(b, r);
                b.append('\n');
            }
            boolean bad = rs.stream().anyMatch(r -> r.status().bad());
            boolean allSkipped = rs.stream().allMatch(r -> r.status() == Status.SKIP);
            b.append(bad ? "not ok " : "ok ").append(n).append(' ').append(e.getKey());
            if (!bad && allSkipped) {
                b.append(" # SKIP every case skipped");
            }
            b.append('\n');
        }
        b.append(String.format("# Totals: pass:%d fail:%d xfail:0 xpass:0 skip:%d error:%d%n",
                count(results, Status.PASS), count(results, Status.FAIL), count(results, Status.SKIP),
                count(results, Status.ERROR) + count(results, Status.TIMEOUT)));
        return b.toString();
    }

    private static void directive(StringBuilder b, CaseResult r) {
        switch (r.status()) {
            case SKIP:
                b.append(" # SKIP ").append(oneLine(r.reason()));
                break;
            case TIMEOUT:
                b.append(" # TIMEOUT");
                break;
            case ERROR:
                b.append(" # ERROR ").append(oneLine(r.reason()));
                break;
            default:
                break;
        }
    }

    /** The table for a failed / timed-out / interesting case; the error text for an ERROR. */
    static List<String> diagnostics(CaseResult r) {
        List<String> d = new ArrayList<>();
        if (r.graded() != null && (r.status().bad() || r.graded().interesting())) {
            d.add(r.name() + ": " + r.status() + (r.graded().interesting() ? " (interesting outcome seen)" : "")
                    + " over " + r.samples() + " samples; checks " + r.spec().cite());
            d.addAll(OutcomeTable.lines(r.graded()));
        }
        return d;
    }

    private static long count(List<CaseResult> rs, Status s) {
        return rs.stream().filter(r -> r.status() == s).count();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('#', ' ');
    }
}
