package dev.uintr.isa;

/**
 * An architectural fault raised by a step, as a value (never a Java exception). The error code
 * is always 0 where one exists (#GP(0), #SS(0)); #PF's address and error code are not modelled.
 * The names are the ones ISA vector files use in {@code fault=}.
 */
public enum Fault {
    /** The step completed. */
    NONE,
    /** #UD: invalid opcode (the common UINTR gate, SENDUIPI with TT[0] = 0). */
    UD,
    /** #GP(0). */
    GP,
    /** #SS(0): a non-canonical stack address. */
    SS,
    /** #PF: a byte not present, or a write to a read-only page, or a user access to a supervisor page. */
    PF;

    public boolean faulted() {
        return this != NONE;
    }
}
