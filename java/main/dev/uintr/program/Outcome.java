package dev.uintr.program;

/**
 * A graded outcome of a case: a pattern over the rendered observation (see
 * {@link OutcomePattern}: the catch-all {@code *}, or thread clauses such as
 * {@code rx: *deliver(2)* | !tx: *SIG*}), the grade, and the one-sentence reason with its spec
 * section. {@code profile} limits it to one ABI profile, or null for every profile the case
 * applies to.
 */
public record Outcome(String pattern, Expect expect, String desc, dev.uintr.AbiProfile profile, int line,
                      OutcomePattern parsed) {

    /** Parses {@code pattern} (an {@link IllegalArgumentException} says what is wrong with it). */
    public Outcome(String pattern, Expect expect, String desc, dev.uintr.AbiProfile profile, int line) {
        this(pattern, expect, desc, profile, line, OutcomePattern.parse(pattern));
    }

    public boolean isCatchAll() {
        return parsed.isCatchAll();
    }

    public boolean appliesTo(dev.uintr.AbiProfile p) {
        return profile == null || profile == p;
    }

    /** True when every clause of the pattern holds for the observation. */
    public boolean matches(String observation) {
        return parsed.matches(observation);
    }
}
