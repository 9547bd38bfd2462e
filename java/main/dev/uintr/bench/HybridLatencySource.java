package dev.uintr.bench;

import dev.uintr.nat.FloorPlacement;
import dev.uintr.nat.PtraceFloor;

/**
 * Something that measures the uipi loops under the hybrid supervisor, and the host's bare ptrace
 * floor beside them: the real supervisor ({@link HybridUipiSource}), or canned figures in tests.
 */
public interface HybridLatencySource {
    /** Why hybrid cannot run here, or null when it can. */
    String unavailableReason();

    /** The ABI profile whose models answer the traps (rfc-v1 or later): written into the rows' reason. */
    String profile();

    /** {@code config.iterations()} round trips of {@code mechanism} (uipi or uipi-blocked), after the warm-up. */
    HybridRun measure(Mechanism mechanism, BenchConfig config);

    /**
     * The bare ptrace floor: a tracee interrupted, sent to a UIRET that traps and sent back,
     * {@code rounds} times (two stops each), the two placed as {@code where} says: its stops per
     * second (a negative errno when it could not be measured) and the tracer's CPU time per stop.
     */
    PtraceFloor floor(int rounds, FloorPlacement where);

    /** {@code roundTrips} round trips of the example ping-pong through exec; a figure or why there is none. */
    default ExecPingPong execPingPong(int roundTrips, int timeoutMs) {
        return ExecPingPong.none("no exec ping-pong from this source");
    }

    /** A source for where none is given: every call says why. */
    static HybridLatencySource unavailable(String why) {
        return new HybridLatencySource() {
            @Override
            public String unavailableReason() {
                return why;
            }

            @Override
            public String profile() {
                return "none";
            }

            @Override
            public HybridRun measure(Mechanism mechanism, BenchConfig config) {
                return new HybridRun(Measurement.skipped(why).asHybrid(), 0, 0);
            }

            @Override
            public PtraceFloor floor(int rounds, FloorPlacement where) {
                return PtraceFloor.failed(38);   // ENOSYS
            }
        };
    }
}
