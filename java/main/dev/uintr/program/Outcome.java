package dev.uintr.program;

/**
 * A graded outcome of a case: a glob over the rendered observation ({@code *} matches any
 * text, everything else is literal; {@code *} alone is the catch-all), the grade, and the
 * one-sentence reason with its spec section. {@code profile} limits it to one ABI profile,
 * or null for every profile the case applies to.
 */
public record Outcome(String pattern, Expect expect, String desc, dev.uintr.AbiProfile profile, int line) {

    public boolean isCatchAll() {
        return pattern.equals("*");
    }

    public boolean appliesTo(dev.uintr.AbiProfile p) {
        return profile == null || profile == p;
    }

    /** True when the glob matches the whole observation. */
    public boolean matches(String observation) {
        return Glob.matches(pattern, observation);
    }
}
