package dev.uintr.bench;

/** Something that times one emulated uipi path: the Java model, or canned samples in tests. */
public interface EmulatedLatencySource {
    /**
     * {@code config.iterations()} samples of {@code path}, after {@code config.warmup()} warm-up
     * batches; the measurement's backend is {@link Measurement#EMULATED} and its ticks are
     * converted with {@link Measurement#ticksPerSecond()}.
     */
    Measurement measure(EmulatedPath path, BenchConfig config);
}
