package dev.uintr.hybrid;

/** A program needs more than the hybrid model offers (e.g. more live threads than model CPUs). */
public final class HybridLimitException extends RuntimeException {
    public HybridLimitException(String message) {
        super(message);
    }
}
