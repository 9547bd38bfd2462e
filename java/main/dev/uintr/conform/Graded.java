package dev.uintr.conform;

import java.util.List;

/**
 * A case's samples graded against its outcomes: the rows (seen observations first, then the
 * declared outcomes nobody saw, count 0), whether a FORBIDDEN row was seen and whether an
 * ACCEPTABLE_INTERESTING row was seen.
 */
public record Graded(List<GradedRow> rows, boolean failed, boolean interesting) {
    public Graded {
        rows = List.copyOf(rows);
    }
}
