package dev.uintr.bench;

/**
 * One hybrid measurement: the samples (TSC ticks per round trip, taken inside the traced C loop),
 * and what the supervisor did for them.
 *
 * @param measurement backend {@link Measurement#HYBRID}
 * @param stops       tracee stops the models answered over the whole run (set-up, warm-up and teardown included)
 * @param roundTrips  round trips the loop ran (warm-up included): {@code stops / roundTrips} is the
 *                    cost of one in stops, about six for uipi (two SENDUIPI, two deliveries, two UIRET)
 */
public record HybridRun(Measurement measurement, long stops, long roundTrips) {}
