package dev.uintr.bench;


/** The single-CPU self-IPI path, exactly as {@code isa bench} runs it ({@link RoundTripBench}). */
final class SelfIpiRoundTrip implements EmulatedRoundTrip {
    private final RoundTripBench bench = new RoundTripBench();

    @Override
    public long run(long n) {
        return bench.run(n);
    }
}
