package dev.uintr.bench;

import dev.uintr.BadInputException;

/** The CPUs the two benchmark threads are pinned to: A (initiator) and B (responder). */
public record CpuPair(int a, int b) {
    /** The default with two or more CPUs: 0 and 1 (this project's CI hosts have exactly two). */
    public static final CpuPair DEFAULT = new CpuPair(0, 1);

    /** Parses "a,b" (non-negative integers); the message names {@code option} and the bad value. */
    public static CpuPair parse(String text, String option) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new BadInputException(option + ": expected two CPU numbers 'a,b', got '" + text + "'");
        }
        int[] v = new int[2];
        for (int i = 0; i < 2; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadInputException(option + ": '" + parts[i].trim() + "' is not a CPU number (in '" + text + "')");
            }
            if (v[i] < 0) {
                throw new BadInputException(option + ": CPU numbers are >= 0, got " + v[i]);
            }
        }
        return new CpuPair(v[0], v[1]);
    }

    /** "a,b" as in the option (the report's pinning column). */
    @Override
    public String toString() {
        return a + "," + b;
    }
}
