package dev.uintr.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Consumer;

/**
 * Runs a property (a check over one draw of inputs) for a number of cases from one seed, and
 * shows that a property catches a deliberately broken model.
 */
public final class PropertyRun {
    private PropertyRun() {
    }

    /** Runs {@code property} {@code cases} times on draws from {@code seed}; a failure names both. */
    public static void cases(long seed, int cases, Consumer<SeededGenerator> property) {
        SeededGenerator inputs = new SeededGenerator(seed);
        for (int i = 0; i < cases; i++) {
            try {
                property.accept(inputs);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", case " + i + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Fails unless {@code property}, run over every seed, fails at least once: a property run
     * against a broken model that still passes would check nothing.
     */
    public static void assertCaught(int casesPerSeed, Consumer<SeededGenerator> property) {
        for (long seed : SeededGenerator.seeds().toArray()) {
            try {
                cases(seed, casesPerSeed, property);
            } catch (AssertionError caught) {
                return;
            }
        }
        fail("the property passed against a deliberately broken model, so it would not catch that bug");
    }
}
