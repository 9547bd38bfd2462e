package dev.uintr.bench;

import dev.uintr.BadInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which rows a bench run writes (option {@code --backend}). Only {@code uipi} round-trip has an
 * emulated path; its rows measure the cost of the Java model, never hardware latency. The hybrid
 * rows ({@code uipi} and {@code uipi-blocked} round trip, the real C loops under the hybrid
 * supervisor) measure the supervisor's cost, never hardware latency either.
 */
public enum BenchBackend {
    /** Native rows; the emulated uipi rows too, but only when the native uipi round-trip row was skipped. */
    AUTO("auto"),
    /** Native rows only (the C loops). */
    NATIVE("native"),
    /** The emulated uipi round-trip rows only. */
    EMULATED("emulated"),
    /** Native rows and the emulated uipi rows, whatever the native uipi row did. */
    BOTH("both"),
    /**
     * Native rows of every selected mechanism as usual (uipi and uipi-blocked skip with their reason
     * where there is no UINTR), plus the hybrid rows of uipi and uipi-blocked and the ptrace floor
     * beside them (hybrid-floor.csv).
     */
    HYBRID("hybrid");

    private final String id;

    BenchBackend(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the native C loops run. */
    public boolean runsNative() {
        return this != EMULATED;
    }

    /** Whether emulated rows may be added (for AUTO, only after the native uipi round trip was skipped). */
    public boolean mayEmulate() {
        return this == AUTO || this == EMULATED || this == BOTH;
    }

    /**
     * Whether hybrid rows may be added: always for HYBRID (skipped with the reason where hybrid cannot
     * run); for AUTO only after the native round trip of the same mechanism was skipped, and only where
     * hybrid runs.
     */
    public boolean mayHybrid() {
        return this == AUTO || this == HYBRID;
    }

    /** Parses one id; the message names {@code option} and the bad value. */
    public static BenchBackend parse(String text, String option) {
        for (BenchBackend b : values()) {
            if (b.id.equalsIgnoreCase(text.trim())) {
                return b;
            }
        }
        throw new BadInputException(option + ": unknown backend '" + text.trim() + "' (expected one of "
                + Arrays.stream(values()).map(BenchBackend::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
