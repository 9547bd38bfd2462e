package dev.uintr.conform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The jcstress result table: RESULT, SAMPLES, FREQ, EXPECT, DESCRIPTION, widths from the
 * data, counts with thousands separators, declared outcomes nobody saw listed with 0.
 */
public final class OutcomeTable {
    private OutcomeTable() {}

    public static List<String> lines(Graded g) {
        long total = g.rows().stream().mapToLong(GradedRow::count).sum();
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"RESULT", "SAMPLES", "FREQ", "EXPECT", "DESCRIPTION"});
        for (GradedRow r : g.rows()) {
            String freq = total == 0 ? "0.00%" : String.format(Locale.ROOT, "%.2f%%", 100.0 * r.count() / total);
            cells.add(new String[] {r.observation(), String.format(Locale.ROOT, "%,d", r.count()), freq,
                r.expect().name(), r.desc()});
        }
        int[] w = new int[5];
        for (String[] c : cells) {
            for (int i = 0; i < 5; i++) {
                w[i] = Math.max(w[i], c[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] c : cells) {
            out.add(String.format(Locale.ROOT, "%-" + w[0] + "s  %" + w[1] + "s  %" + w[2] + "s  %-" + w[3] + "s  %s",
                    (Object[]) c).stripTrailing());
        }
        return out;
    }
}
