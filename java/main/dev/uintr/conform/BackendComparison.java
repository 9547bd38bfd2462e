package dev.uintr.conform;

import dev.uintr.AbiProfile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import dev.uintr.program.Expect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Two backends' runs of the same cases side by side (emulated against hybrid, say): per case and
 * profile, every observation seen on one backend and never on the other, with its counts and the
 * grade the case gives it. Agreement is the same set of observations; a difference is evidence,
 * not a failure (each side's FORBIDDEN observations already fail that side's run), and is listed
 * so a person can tell a sampling gap from a model that cannot produce what real code did.
 */
public record BackendComparison(String left, String right, List<Row> rows, int compared, int differing) {
    /** CSV header of conform-comparison.csv; documented in reports/README.md. */
    public static final String[] HEADER = {"case", "profile", "observation", "left_backend", "left_count",
        "right_backend", "right_count", "expect"};

    /** One observation seen on one side only. */
    public record Row(String caseName, AbiProfile profile, String observation, long leftCount, long rightCount, Expect expect) {}

    /** Compares the runs case by case (cases skipped or errored on either side are not compared). */
    public static BackendComparison of(ConformResults left, ConformResults right) {
        Map<String, CaseResult> byKey = new LinkedHashMap<>();
        for (CaseResult r : right.cases()) {
            byKey.put(r.spec().name() + "|" + r.profile().id(), r);
        }
        List<Row> rows = new ArrayList<>();
        int compared = 0;
        int differing = 0;
        for (CaseResult l : left.cases()) {
            CaseResult r = byKey.get(l.spec().name() + "|" + l.profile().id());
            if (r == null || l.graded() == null || r.graded() == null) {
                continue;
            }
            compared++;
            Map<String, GradedRow> ls = seen(l.graded());
            Map<String, GradedRow> rs = seen(r.graded());
            boolean differs = false;
            for (GradedRow g : ls.values()) {
                if (!rs.containsKey(g.observation())) {
                    rows.add(new Row(l.spec().name(), l.profile(), g.observation(), g.count(), 0, g.expect()));
                    differs = true;
                }
            }
            for (GradedRow g : rs.values()) {
                if (!ls.containsKey(g.observation())) {
                    rows.add(new Row(l.spec().name(), l.profile(), g.observation(), 0, g.count(), g.expect()));
                    differs = true;
                }
            }
            if (differs) {
                differing++;
            }
        }
        return new BackendComparison(left.backend().id(), right.backend().id(), rows, compared, differing);
    }

    private static Map<String, GradedRow> seen(Graded g) {
        Map<String, GradedRow> m = new LinkedHashMap<>();
        for (GradedRow r : g.rows()) {
            if (r.count() > 0) {
                m.put(r.observation(), r);
            }
        }
        return m;
    }

    /** "44 case runs compared between emulated and hybrid: 40 saw the same observations, 4 differ (6 observations on one side only)". */
    public String summary() {
        return compared + " case runs compared between " + left + " and " + right + ": " + (compared - differing)
                + " saw the same observations, " + differing + " differ (" + rows.size() + " observations on one side only)";
    }

    public String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
            for (Row r : rows) {
                p.printRecord(r.caseName(), r.profile().id(), r.observation(), left, r.leftCount(), right, r.rightCount(),
                        r.expect());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
