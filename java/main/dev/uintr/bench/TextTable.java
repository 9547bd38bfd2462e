package dev.uintr.bench;

import java.util.ArrayList;
import java.util.List;

/** A console table: widths from the data, the first {@code leftColumns} left-aligned, the rest right-aligned. */
public final class TextTable {
    private final List<String> header;
    private final int leftColumns;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> header, int leftColumns) {
        this.header = List.copyOf(header);
        this.leftColumns = leftColumns;
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
            sb.append(i == 0 ? "" : "  ").append(i < leftColumns ? c + pad : pad + c);
        }
        sb.append(System.lineSeparator());
    }
}
