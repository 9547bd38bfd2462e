package dev.uintr.nat;

/**
 * One measurement of the bare ptrace floor (ush_hybrid_floor, uintr_hybrid.h).
 *
 * @param stopsPerSec  tracee stops per second, or a negative errno when it could not be measured
 * @param cpuUsPerStop the tracer's CPU time per stop in µs (its work without the waits), NaN unknown
 */
public record PtraceFloor(double stopsPerSec, double cpuUsPerStop) {
    /** No measurement: {@code errno} says why. */
    public static PtraceFloor failed(int errno) {
        return new PtraceFloor(-errno, Double.NaN);
    }

    public boolean measured() {
        return stopsPerSec > 0;
    }
}
