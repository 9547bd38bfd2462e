package dev.uintr.conform;

import dev.uintr.AbiProfile;
import dev.uintr.Verdict;
import dev.uintr.program.Expect;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Two runs of the same cases side by side: emulated against hybrid in the run stage, or this run
 * against a recorded one ({@code conform --compare FILE|RUN}, a record from a uintr machine, say).
 * Per case and profile that ran on both sides, every observation seen on one side only, and every
 * observation one side saw that the other side's case grades FORBIDDEN (the two records may come
 * from different versions of a case) or grades differently. A one-sided ACCEPTABLE observation is
 * evidence (a sampling gap, or a model that cannot produce what real code did), listed for a
 * person to judge; an observation that the other side's case forbids is a conflict and fails the
 * comparison ({@link #verdict()}).
 */
public record BackendComparison(String left, String right, String leftLabel, String rightLabel, List<Row> rows,
                                int compared, int differing, List<String> notCompared) {
    /** CSV header of conform-comparison.csv; documented in reports/README.md. */
    public static final String[] HEADER = {"case", "profile", "observation", "left_backend", "left_count",
        "right_backend", "right_count", "left_expect", "right_expect", "forbidden_by"};

    public BackendComparison {
        rows = List.copyOf(rows);
        notCompared = List.copyOf(notCompared);
    }

    /**
     * One observation worth listing: its count on each side (0 = not seen there) and the grade each
     * side's case gives it.
     */
    public record Row(String caseName, AbiProfile profile, String observation, long leftCount, long rightCount,
                      Expect leftExpect, Expect rightExpect) {
        /** "left" when the right side saw it and the left's case forbids it, "right" the other way, "both", or "". */
        public String forbiddenBy() {
            boolean byLeft = rightCount > 0 && leftExpect == Expect.FORBIDDEN;
            boolean byRight = leftCount > 0 && rightExpect == Expect.FORBIDDEN;
            return byLeft && byRight ? "both" : byLeft ? "left" : byRight ? "right" : "";
        }

        public boolean conflict() {
            return !forbiddenBy().isEmpty();
        }
    }

    /** Two runs just made (the run stage's emulated and hybrid passes). */
    public static BackendComparison of(ConformResults left, ConformResults right) {
        return of(ObservationRecord.of(left), ObservationRecord.of(right));
    }

    /** Compares case by case; a case skipped or errored on either side, or present on one side only, is not compared. */
    public static BackendComparison of(ObservationRecord left, ObservationRecord right) {
        Map<String, ObservationRecord.Run> byKey = new LinkedHashMap<>();
        right.runs().forEach(r -> byKey.put(r.key(), r));
        List<Row> rows = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        int compared = 0;
        int differing = 0;
        for (ObservationRecord.Run l : left.runs()) {
            ObservationRecord.Run r = byKey.remove(l.key());
            String what = l.caseName() + " " + l.profile().id();
            if (r == null) {
                notCompared.add(what + ": not in " + right.label());
                continue;
            }
            if (!l.ran() || !r.ran()) {
                notCompared.add(what + ": " + (l.ran() ? "" : l.status() + " on " + left.backend() + why(l))
                        + (!l.ran() && !r.ran() ? ", " : "") + (r.ran() ? "" : r.status() + " on " + right.backend() + why(r)));
                continue;
            }
            compared++;
            int before = rows.size();
            Map<String, ObservationRecord.Seen> ls = l.seenByText();
            Map<String, ObservationRecord.Seen> rs = r.seenByText();
            for (ObservationRecord.Seen s : ls.values()) {
                ObservationRecord.Seen o = rs.get(s.observation());
                add(rows, l, s.observation(), s.count(), o == null ? 0 : o.count(), s.expect(), r.grade(s.observation()));
            }
            for (ObservationRecord.Seen s : rs.values()) {
                if (!ls.containsKey(s.observation())) {
                    add(rows, l, s.observation(), 0, s.count(), l.grade(s.observation()), s.expect());
                }
            }
            if (rows.size() > before) {
                differing++;
            }
        }
        byKey.values().forEach(r -> notCompared.add(r.caseName() + " " + r.profile().id() + ": not in " + left.label()));
        return new BackendComparison(left.backend(), right.backend(), left.label(), right.label(), rows, compared,
                differing, notCompared);
    }

    /** Listed when seen on one side only, graded differently by the two cases, or forbidden by the other side's case. */
    private static void add(List<Row> rows, ObservationRecord.Run l, String obs, long lc, long rc, Expect le, Expect re) {
        Row row = new Row(l.caseName(), l.profile(), obs, lc, rc, le, re);
        if (lc == 0 || rc == 0 || le != re || row.conflict()) {
            rows.add(row);
        }
    }

    private static String why(ObservationRecord.Run r) {
        return r.reason().isEmpty() ? "" : " (" + r.reason() + ")";
    }

    /** FAILED when one side saw what the other's case forbids; ALL_SKIPPED when no case ran on both sides; else PASS. */
    public Verdict verdict() {
        if (rows.stream().anyMatch(Row::conflict)) {
            return Verdict.FAILED;
        }
        return compared == 0 ? Verdict.ALL_SKIPPED : Verdict.PASS;
    }

    /** "44 case runs compared between emulated and hybrid: 40 saw the same observations, 4 differ (6 observations listed, 0 forbidden by the other side)". */
    public String summary() {
        long conflicts = rows.stream().filter(Row::conflict).count();
        return compared + " case runs compared between " + leftLabel + " and " + rightLabel + ": " + (compared - differing)
                + " saw the same observations, " + differing + " differ (" + rows.size() + " observations listed, "
                + conflicts + " forbidden by the other side's case)" + (notCompared.isEmpty() ? ""
                : "; " + notCompared.size() + " not compared");
    }

    /** The comparison for a person: the summary, each listed observation by case, the runs not compared. */
    public String report() {
        StringBuilder b = new StringBuilder(summary()).append('\n');
        String lastCase = null;
        for (Row r : rows) {
            String c = r.caseName() + " " + r.profile().id();
            if (!c.equals(lastCase)) {
                b.append(c).append(":\n");
                lastCase = c;
            }
            String side = r.leftCount() == 0 ? "only " + rightLabel : r.rightCount() == 0 ? "only " + leftLabel
                    : "both sides";
            b.append("  ").append(r.conflict() ? "CONFLICT " : "").append(side).append(": ").append(r.observation())
                    .append("\n    ").append(left).append(": ").append(r.leftCount()).append("x, its case says ")
                    .append(r.leftExpect()).append("; ").append(right).append(": ").append(r.rightCount())
                    .append("x, its case says ").append(r.rightExpect()).append('\n');
        }
        for (String n : notCompared) {
            b.append("not compared: ").append(n).append('\n');
        }
        return b.toString();
    }

    public String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator('\n').get().print(out)) {
            for (Row r : rows) {
                p.printRecord(r.caseName(), r.profile().id(), r.observation(), left, r.leftCount(), right, r.rightCount(),
                        r.leftExpect(), r.rightExpect(), r.forbiddenBy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
