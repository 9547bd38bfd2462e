package dev.uintr.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Seeded pseudo-random inputs for property tests written as JUnit 5 parameterised tests: the same
 * seed draws the same inputs on every run, so a failure names its seed and case and reproduces.
 * Edge values (0, ±1, the extremes, single bits) are drawn far more often than chance would.
 */
public final class SeededGenerator {
    private static final long[] EDGES = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFL, 0xFFFF_FFFFL};
    private static final int SEED_COUNT = 20;

    private final SplittableRandom random;

    public SeededGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The seeds every property runs over (a parameterised test's source). */
    public static LongStream seeds() {
        return LongStream.rangeClosed(1, SEED_COUNT).map(i -> i * 0x9E37_79B9_7F4A_7C15L);
    }

    /** Any long; one draw in four is an edge value or a single set bit. */
    public long anyLong() {
        return switch (random.nextInt(8)) {
            case 0 -> EDGES[random.nextInt(EDGES.length)];
            case 1 -> 1L << random.nextInt(64);
            default -> random.nextLong();
        };
    }

    /** A long in [lo, hi], both inclusive, with the two ends drawn more often than chance would. */
    public long between(long lo, long hi) {
        return switch (random.nextInt(10)) {
            case 0 -> lo;
            case 1 -> hi;
            default -> random.nextLong(lo, hi + 1);
        };
    }

    /** An int in [lo, hi], both inclusive. */
    public int between(int lo, int hi) {
        return (int) between((long) lo, hi);
    }

    public boolean anyBoolean() {
        return random.nextBoolean();
    }

    /** One of the given values, each equally likely. */
    public long oneOf(long... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** One of the given generators, each equally likely, then its draw. */
    @SafeVarargs
    public final <T> T oneOf(Supplier<T>... choices) {
        return choices[random.nextInt(choices.length)].get();
    }

    /** {@code n} random bytes. */
    public byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A list of {@code min..max} draws of {@code element}. */
    public <T> List<T> listOf(int min, int max, Supplier<T> element) {
        int n = between(min, max);
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(element.get());
        }
        return list;
    }
}
