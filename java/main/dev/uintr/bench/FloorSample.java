package dev.uintr.bench;

/**
 * One round of the hybrid speed check: a hybrid ping-pong and the bare ptrace floor, measured one
 * right after the other.
 *
 * @param round              1-based round of the bench run
 * @param mechanism          the hybrid loop (uipi: the ping-pong the target is about)
 * @param profile            the ABI profile whose models answered
 * @param roundTripsPerSec   hybrid round trips per second (samples / their summed time)
 * @param stopsPerRoundTrip  tracee stops the models answered per round trip (set-up included)
 * @param floorStopsPerSec   ush_hybrid_floor: bare ptrace stops per second on this host
 * @param tracerCpuUsPerStop the hybrid tracer thread's CPU time per stop it answered (µs; NaN unknown)
 * @param floorCpuUsPerStop  the floor loop's tracer CPU time per stop (µs; NaN unknown): the two
 *                           compare the work per stop whatever the host's wake-up and scheduling costs
 */
public record FloorSample(int round, String mechanism, String profile, double roundTripsPerSec,
                          double stopsPerRoundTrip, double floorStopsPerSec, double tracerCpuUsPerStop,
                          double floorCpuUsPerStop) {

    /** Stops a ping-pong round trip costs: two SENDUIPI, two deliveries (interrupts), two UIRET. */
    public static final int STOPS_PER_ROUND_TRIP = 6;

    /** The floor in round trips per second: floor stops per second ÷ 6. */
    public double floorRoundTripsPerSec() {
        return floorStopsPerSec / STOPS_PER_ROUND_TRIP;
    }

    /** Hybrid round trips per second as a fraction of the floor's (the target is ≥ 0.5 for uipi). */
    public double ratio() {
        double f = floorRoundTripsPerSec();
        return f > 0 ? roundTripsPerSec / f : Double.NaN;
    }
}
