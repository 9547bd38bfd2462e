package dev.uintr.bench;

/**
 * One run of the example program {@code ping-pong} (fixtures/programs/ping-pong.c, unmodified,
 * its threads unpinned) through {@code exec}: the bound of issue 13 is worded for it.
 *
 * @param roundTripsPerSec what the program printed (its own clock around its loop)
 * @param roundTrips       round trips it ran
 * @param stops            stops the models answered over the whole run (start-up and exec included)
 * @param tracerCpuNs      the tracer thread's CPU time over the run
 * @param problem          why there is no figure (no program, no hybrid, a failed run), or null
 */
public record ExecPingPong(double roundTripsPerSec, long roundTrips, long stops, long tracerCpuNs, String problem) {
    static ExecPingPong none(String why) {
        return new ExecPingPong(Double.NaN, 0, 0, -1, why);
    }

    /** Round trips per second as the program printed them in its line "... round_trips_per_s=N", NaN when absent. */
    static double parse(String printed) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("round_trips_per_s=(\\d+)").matcher(printed);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    double stopsPerRoundTrip() {
        return roundTrips > 0 ? (double) stops / roundTrips : Double.NaN;
    }

    double tracerCpuUsPerStop() {
        return HybridRun.usPerStop(tracerCpuNs, stops);
    }
}
