package dev.uintr.bench;

/**
 * What a {@link LatencySource} returns for one mechanism and mode: samples in ticks (status OK),
 * or the reason it was skipped or failed.
 *
 * @param status         OK, SKIPPED or FAILED
 * @param reason         why it was skipped or failed ("" when OK)
 * @param ticks          the samples, {@code count} of them valid
 * @param count          number of samples
 * @param cpusSeen       "a,b": where the two threads actually ended ("unknown" when not known)
 * @param backend        "native", or "emulated" / "hybrid" for rows that measure an emulation (never hardware latency)
 * @param ticksPerSecond the rate of {@code ticks}; 0 means the host's calibrated TSC (native loops)
 */
public record Measurement(RowStatus status, String reason, long[] ticks, int count, String cpusSeen, String backend,
                          double ticksPerSecond) {
    public static final String NATIVE = "native";
    public static final String EMULATED = "emulated";
    /** The real C loops under the hybrid supervisor: the emulation's cost (ptrace + models), never hardware latency. */
    public static final String HYBRID = "hybrid";

    /** Samples in TSC ticks of this host's native loops. */
    public Measurement(RowStatus status, String reason, long[] ticks, int count, String cpusSeen, String backend) {
        this(status, reason, ticks, count, cpusSeen, backend, 0);
    }

    public static Measurement ok(long[] ticks, int count, String cpusSeen) {
        return new Measurement(RowStatus.OK, "", ticks, count, cpusSeen, NATIVE);
    }

    public static Measurement skipped(String reason) {
        return new Measurement(RowStatus.SKIPPED, reason, new long[0], 0, HostSnapshot.UNKNOWN, NATIVE);
    }

    public static Measurement failed(String reason) {
        return new Measurement(RowStatus.FAILED, reason, new long[0], 0, HostSnapshot.UNKNOWN, NATIVE);
    }

    /** This measurement marked as coming from the emulator. */
    public Measurement asEmulated() {
        return new Measurement(status, reason, ticks, count, cpusSeen, EMULATED, ticksPerSecond);
    }

    /** This measurement marked as coming from the hybrid supervisor. */
    public Measurement asHybrid() {
        return new Measurement(status, reason, ticks, count, cpusSeen, HYBRID, ticksPerSecond);
    }

    /** How many of the {@code count} samples are not positive (a broken clock or TSC pair). */
    public int nonPositiveSamples() {
        int bad = 0;
        for (int i = 0; i < count; i++) {
            if (ticks[i] <= 0) {
                bad++;
            }
        }
        return bad;
    }

    /** Whether this times an emulation (the Java model alone, or the hybrid supervisor): never hardware latency. */
    public boolean emulated() {
        return EMULATED.equals(backend) || HYBRID.equals(backend);
    }
}
