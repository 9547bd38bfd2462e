package dev.uintr.bench;

/**
 * One hybrid measurement: the samples (TSC ticks per round trip, taken inside the traced C loop),
 * and what the supervisor did for them.
 *
 * @param measurement backend {@link Measurement#HYBRID}
 * @param stops       tracee stops the models answered over the whole run (set-up, warm-up and teardown included)
 * @param roundTrips  round trips the loop ran (warm-up included): {@code stops / roundTrips} is the
 *                    cost of one in stops, about six for uipi (two SENDUIPI, two deliveries, two UIRET)
 * @param tracerCpuNs CPU time the tracer thread spent on the whole run, -1 unknown
 */
public record HybridRun(Measurement measurement, long stops, long roundTrips, long tracerCpuNs) {
    public HybridRun(Measurement measurement, long stops, long roundTrips) {
        this(measurement, stops, roundTrips, -1);
    }

    /** Tracer CPU µs per stop answered, NaN when unknown. */
    public double tracerCpuUsPerStop() {
        return usPerStop(tracerCpuNs, stops);
    }

    /** {@code cpuNs} (-1 unknown) over {@code stops}, in µs; NaN when either is unknown. */
    static double usPerStop(long cpuNs, long stops) {
        return cpuNs >= 0 && stops > 0 ? cpuNs / 1000.0 / stops : Double.NaN;
    }
}
