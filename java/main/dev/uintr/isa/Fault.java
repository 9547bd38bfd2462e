package dev.uintr.isa;

import java.util.Objects;

/**
 * An architectural fault raised by a step, as a value (never a Java exception), with its cause:
 * which check of which step of uintr-isa raised it, as Bochs names each #GP's reason. The error
 * code is always 0 where one exists (#GP(0), #SS(0)); #PF's address and error code are not
 * modelled. Two faults are equal when their kinds are: the cause explains, it does not
 * distinguish ({@code fault=} in ISA vector files names the kind only).
 */
public final class Fault {
    /** The kinds; the names are the ones ISA vector files use in {@code fault=}. */
    public enum Kind {
        /** The step completed. */
        NONE,
        /** #UD: invalid opcode (the common UINTR gate, SENDUIPI with TT[0] = 0). */
        UD,
        /** #GP(0). */
        GP,
        /** #SS(0): a non-canonical stack address. */
        SS,
        /** #PF: a byte not present, or a write to a read-only page, or a user access to a supervisor page. */
        PF
    }

    /** SENDUIPI's check of the UPID's reserved bits (uintr-isa §7.5, §5.1); the later kernel's BLKD is bit 7. */
    public static final String UPID_RESERVED_BITS = "§7.5: UPID bits 15:2 or 31:24 set (§5.1)";

    /** No fault. */
    public static final Fault NONE = new Fault(Kind.NONE, "");
    /** A fault of each kind with no cause named (tests, vector files, the delivery and acceptance results). */
    public static final Fault UD = new Fault(Kind.UD, "");
    public static final Fault GP = new Fault(Kind.GP, "");
    public static final Fault SS = new Fault(Kind.SS, "");
    public static final Fault PF = new Fault(Kind.PF, "");

    private final Kind kind;
    private final String cause;

    private Fault(Kind kind, String cause) {
        this.kind = kind;
        this.cause = cause;
    }

    /** This kind of fault, raised by {@code why} ("§7.5: index > UITTSZ"). */
    public Fault because(String why) {
        return new Fault(kind, why);
    }

    public Kind kind() {
        return kind;
    }

    /** Which check raised it; empty when not named. */
    public String cause() {
        return cause;
    }

    public boolean faulted() {
        return kind != Kind.NONE;
    }

    /** UD, GP, SS, PF or NONE: the name vector files use. */
    public String name() {
        return kind.name();
    }

    /** "#GP: §7.5: index > UITTSZ", "#UD", or "none". */
    public String describe() {
        if (!faulted()) {
            return "none";
        }
        return "#" + kind.name() + (cause.isEmpty() ? "" : ": " + cause);
    }

    /** The fault of kind {@code name} (UD, GP, SS, PF, NONE), no cause; null for another name. */
    public static Fault named(String name) {
        for (Fault f : new Fault[] {NONE, UD, GP, SS, PF}) {
            if (f.kind.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fault f && f.kind == kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind);
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
