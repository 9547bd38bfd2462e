package dev.uintr.isa.vectors;

import dev.uintr.isa.Fault;
import java.util.List;

/**
 * The verdict on one row: passed, or the field-by-field differences ("rsp: expected 0x7FF0, got
 * 0x7000"), and the fault the step raised, with its cause.
 */
public record VectorResult(VectorRow row, Fault fault, List<String> diffs) {
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

    /** The console line for a passing row: "PASS id (file:line)", and the fault with its cause where it raised one. */
    public String passLine() {
        return "PASS " + row.id() + " (" + row.where() + ")" + (fault.faulted() ? " " + fault.describe() : "");
    }

    /** The console line for a failing row: "FAIL id (file:line): diff; diff". */
    public String failureLine() {
        return "FAIL " + row.id() + " (" + row.where() + "): " + diff();
    }
}
