package dev.uintr.isa.vectors;

import java.util.List;

/** The verdict on one row: passed, or the field-by-field differences ("rsp: expected 0x7FF0, got 0x7000"). */
public record RowResult(VectorRow row, List<String> diffs) {
    public boolean passed() {
        return diffs.isEmpty();
    }

    public String verdict() {
        return passed() ? "PASS" : "FAIL";
    }

    /** The differences joined by "; " (empty when passed). */
    public String diff() {
        return String.join("; ", diffs);
    }

    /** The console line for a failing row: "FAIL id (file:line): diff; diff". */
    public String failureLine() {
        return "FAIL " + row.id() + " (" + row.where() + "): " + diff();
    }
}
