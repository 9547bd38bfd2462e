package dev.uintr.bench;

import dev.uintr.AbiProfile;
import dev.uintr.backend.BackendKind;
import dev.uintr.backend.HostFacts;
import dev.uintr.backend.Tri;
import java.util.List;

/** Canned inputs shared by the bench tests. */
final class Canned {
    private Canned() {}

    /** 1 tick = 1 ns, so tick figures read as nanoseconds. */
    static final long TSC_HZ = 1_000_000_000L;

    static HostSnapshot host(String invariantTsc) {
        return new HostSnapshot("Test CPU @ 1.00GHz", "6.1.0-test", "none", "no", "no", "no", "unknown",
                invariantTsc, TSC_HZ, 20, "0,1");
    }

    static HostFacts facts(Tri cpuidUintr, AbiProfile abi, Tri kpti) {
        return new HostFacts("GenuineIntel", 6, 143, 8, "Test Xeon", cpuidUintr, Tri.NO, cpuidUintr == Tri.YES,
                "6.0.0-uintr", abi, "canned", kpti, "canned", Tri.YES, TSC_HZ, true, "canned",
                BackendKind.EMULATED, "canned");
    }

    /** Native rows only (the tests of the emulated rows pick their backend with the overload). */
    static BenchConfig config(List<Mechanism> mechanisms, int iterations, boolean oneWay) {
        return config(mechanisms, iterations, oneWay, BenchBackend.NATIVE);
    }

    static BenchConfig config(List<Mechanism> mechanisms, int iterations, boolean oneWay, BenchBackend backend) {
        return new BenchConfig(mechanisms, iterations, 10, CpuPair.DEFAULT, 10_000, 0, Mechanism.EVENTFD, oneWay, 1,
                backend);
    }

    /** Samples 1..n ticks, shuffled deterministically. */
    static long[] ramp(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = (i * 7919L) % n + 1;
        }
        return t;
    }

    /** A source returning {@code scale} × ramp(count) for every mechanism; uipi skipped. */
    static LatencySource scaled(java.util.Map<Mechanism, Long> scale) {
        return (m, mode, cfg) -> {
            if (!scale.containsKey(m)) {
                return Measurement.skipped("no UINTR on this CPU (canned)");
            }
            long[] t = ramp(cfg.iterations());
            for (int i = 0; i < t.length; i++) {
                t[i] *= scale.get(m) * (mode == Mode.ONE_WAY ? 1 : 2);
            }
            return Measurement.ok(t, t.length, "0,1");
        };
    }
}
