package dev.uintr.program;

import java.util.Map;

/**
 * A step argument: a literal number, or a named result ({@code $idx}) with an optional
 * offset ({@code $idx+1}), or a word (mark names, {@code deliveries>=n}).
 */
public record Arg(String ref, long offset, String word) {

    /** A step used a named result that no earlier step bound (that step failed): the step is observed as "unbound". */
    public static final class Unbound extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public Unbound(String name) {
            super("$" + name + " is not bound");
        }
    }

    public static Arg literal(long v) {
        return new Arg(null, v, null);
    }

    public static Arg ref(String name, long offset) {
        return new Arg(name, offset, null);
    }

    public static Arg word(String w) {
        return new Arg(null, 0, w);
    }

    public boolean isRef() {
        return ref != null;
    }

    public boolean isWord() {
        return word != null;
    }

    /** The value under {@code vars}; a reference that was never bound is a program error. */
    public long value(Map<String, Long> vars) {
        if (word != null) {
            throw new IllegalStateException("'" + word + "' is not a number");
        }
        if (ref == null) {
            return offset;
        }
        Long v = vars.get(ref);
        if (v == null) {
            throw new Unbound(ref);
        }
        return v + offset;
    }

    /** As written in the program: 3, $idx, $idx+1, A. */
    public String render() {
        if (word != null) {
            return word;
        }
        if (ref == null) {
            return Long.toString(offset);
        }
        return "$" + ref + (offset == 0 ? "" : (offset > 0 ? "+" : "") + offset);
    }
}
