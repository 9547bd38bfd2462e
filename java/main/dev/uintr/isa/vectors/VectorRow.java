package dev.uintr.isa.vectors;

/**
 * One row of an ISA vector file: one architectural step on one emulated processor, with the
 * state before and the change after (spec/isa-vectors.md).
 *
 * @param file   the file as it was named (messages use it)
 * @param line   the 1-based line the row starts on
 * @param argValue the parsed {@code arg}: the index, vector, MSR index or address (WRMSR: the MSR index)
 * @param wrmsrValue WRMSR only: the value written
 */
public record VectorRow(String file, int line, String id, VectorOp op, String arg, long argValue, long wrmsrValue,
        RowState in, RowExpectation expect) {
    /** "FILE:LINE". */
    public String where() {
        return file + ":" + line;
    }
}
