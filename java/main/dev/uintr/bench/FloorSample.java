package dev.uintr.bench;

/**
 * One round of the hybrid speed check: a hybrid ping-pong and the bare ptrace floor, measured one
 * right after the other, the floor twice: with its tracer and tracee on two CPUs (the placement a
 * traced ping-pong has: its two threads spin on two CPUs; the target is about this one) and both on
 * one CPU (what the loop does when nothing else competes for that CPU, for information).
 *
 * @param round                  1-based round of the bench run
 * @param mechanism              the hybrid loop (uipi: the ping-pong the target is about)
 * @param profile                the ABI profile whose models answered
 * @param roundTripsPerSec       hybrid round trips per second (samples / their summed time)
 * @param stopsPerRoundTrip      tracee stops the models answered per round trip (set-up included)
 * @param floorStopsPerSec       ush_hybrid_floor, tracer and tracee apart on {@code floorCpus}: bare
 *                               ptrace stops per second on this host
 * @param tracerCpuUsPerStop     the hybrid tracer thread's CPU time per stop it answered (µs; NaN unknown)
 * @param floorCpuUsPerStop      that floor loop's tracer CPU time per stop (µs; NaN unknown): the two
 *                               compare the work per stop whatever the host's wake-up and scheduling costs
 * @param floorCpus              where that floor ran: "tracer,tracee" (FloorPlacement.label)
 * @param oneCpuFloorStopsPerSec the floor with tracer and tracee on one CPU (NaN not measured)
 * @param loadAvg1m              the host's 1-minute load average when the floors were measured (NaN
 *                               unknown): the ping-pongs spin and lose their CPUs to other work, the floor
 *                               mostly sleeps, so a ratio from a busy host says more about the load
 */
public record FloorSample(int round, String mechanism, String profile, double roundTripsPerSec,
                          double stopsPerRoundTrip, double floorStopsPerSec, double tracerCpuUsPerStop,
                          double floorCpuUsPerStop, String floorCpus, double oneCpuFloorStopsPerSec,
                          double loadAvg1m) {

    /** Stops a ping-pong round trip costs: two SENDUIPI, two deliveries (interrupts), two UIRET. */
    public static final int STOPS_PER_ROUND_TRIP = 6;

    /** The floor in round trips per second: floor stops per second ÷ 6. */
    public double floorRoundTripsPerSec() {
        return floorStopsPerSec / STOPS_PER_ROUND_TRIP;
    }

    /** Hybrid round trips per second as a fraction of the floor's (the target is ≥ 0.5 for uipi). */
    public double ratio() {
        return ratioTo(floorStopsPerSec);
    }

    /** Hybrid round trips per second as a fraction of the one-CPU floor's (no target: information). */
    public double oneCpuRatio() {
        return ratioTo(oneCpuFloorStopsPerSec);
    }

    private double ratioTo(double stopsPerSec) {
        double f = stopsPerSec / STOPS_PER_ROUND_TRIP;
        return f > 0 ? roundTripsPerSec / f : Double.NaN;
    }
}
