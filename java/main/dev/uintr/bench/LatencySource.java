package dev.uintr.bench;

/** Something that measures one mechanism in one mode: the native loops, or canned samples in tests. */
public interface LatencySource {
    Measurement measure(Mechanism mechanism, Mode mode, BenchConfig config);
}
