package dev.uintr.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A console table: widths from the data; the first {@code leftColumns} (and, if asked, the
 * last, a free-text column) left-aligned, the figures right-aligned.
 */
public final class TextTable {
    private final List<String> header;
    private final int leftColumns;
    private final boolean lastLeft;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> header, int leftColumns) {
        this(header, leftColumns, false);
    }

    public TextTable(List<String> header, int leftColumns, boolean lastLeft) {
        this.header = List.copyOf(header);
        this.leftColumns = leftColumns;
        this.lastLeft = lastLeft;
    }

    public TextTable add(List<String> row) {
        rows.add(List.copyOf(row));
        return this;
    }

    public String render() {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], i < r.size() ? r.get(i).length() : 0);
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, w);
        for (List<String> r : rows) {
            line(sb, r, w);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, List<String> cells, int[] w) {
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            String pad = " ".repeat(w[i] - c.length());
            boolean left = i < leftColumns || (lastLeft && i == w.length - 1);
            sb.append(i == 0 ? "" : "  ").append(left ? c + pad : pad + c);
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
        sb.append(System.lineSeparator());
    }
}
