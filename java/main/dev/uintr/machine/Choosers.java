package dev.uintr.machine;

import java.util.SplittableRandom;

/** Ready-made choosers: eager, lazy, seeded and random (deterministic pseudo-random), scripted. */
public final class Choosers {
    private Choosers() {}

    /** At a boundary every IPI in flight lands, oldest first; elsewhere the last alternative. */
    public static Chooser eager() {
        return (point, options) -> Chooser.IPI_LANDING.equals(point) ? Math.min(1, options - 1) : options - 1;
    }

    /** Always alternative 0: nothing lands unless the caller forces it. */
    public static Chooser lazy() {
        return (point, options) -> 0;
    }

    /** A pseudo-random but reproducible chooser: the same seed makes the same choices. */
    public static Chooser seeded(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return (point, options) -> options == 1 ? 0 : r.nextInt(options);
    }

    /**
     * A reproducible chooser over {@link java.util.Random}: every choice draws, a forced one
     * (one option) included, so a seed replays the emulated backend's runs as they were recorded.
     */
    public static Chooser random(long seed) {
        java.util.Random r = new java.util.Random(seed);
        return (point, options) -> r.nextInt(options);
    }

    /** Replays {@code choices} in order (each clamped to the options offered), then behaves like {@link #lazy()}. */
    public static Chooser scripted(int... choices) {
        int[] next = {0};
        return (point, options) -> {
            if (next[0] >= choices.length) {
                return 0;
            }
            int c = choices[next[0]++];
            return Math.max(0, Math.min(c, options - 1));
        };
    }
}
