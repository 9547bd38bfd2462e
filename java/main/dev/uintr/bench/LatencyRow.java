package dev.uintr.bench;

/**
 * One line of latency.csv: a mechanism in a mode, measured (stats) or skipped/failed (reason),
 * with the host facts that change the answer.
 *
 * @param mechanism mechanism id (uipi, pipe, ...)
 * @param mode      round-trip or one-way
 * @param backend   native, or emulated / hybrid (emulation cost, never hardware latency)
 * @param status    ok / skipped / failed
 * @param reason    why skipped or failed; "" when ok
 * @param warmup    discarded iterations before the samples
 * @param cpusSeen  where the threads ended, "a,b" or "unknown"
 * @param stats     the distribution; null unless ok
 * @param host      host facts (also pinning, TSC rate and timer overhead)
 */
public record LatencyRow(String mechanism, String mode, String backend, RowStatus status, String reason,
                         int warmup, String cpusSeen, LatencyStats stats, HostSnapshot host) {

    /**
     * Whether this row times an emulation (its cost, never hardware latency): the Java model alone
     * (backend emulated) or the real C loops under the hybrid supervisor (backend hybrid).
     */
    public boolean emulated() {
        return Measurement.EMULATED.equals(backend) || Measurement.HYBRID.equals(backend);
    }

    /** The words that say what an emulated row measures; "" for a native row. */
    public String emulationNote() {
        return Measurement.HYBRID.equals(backend) ? HybridRows.NOTE : emulated() ? EmulatedPath.NOTE : "";
    }

    /**
     * The RDTSCP overhead as a percentage of this row's median; NaN when not measured, and for
     * emulated rows, which are not timed with RDTSCP (System.nanoTime, over a whole batch).
     */
    public double timerOverheadPct() {
        if (emulated() || stats == null || !(stats.raw().p50() > 0)) {
            return Double.NaN;
        }
        return 100.0 * host.timerOverheadNs() / stats.raw().p50();
    }

    /**
     * The key rows are compared by: "mechanism/mode" for native rows; emulated rows add the
     * backend and their emulated CPUs ("uipi/round-trip/emulated emu0,emu1"), so they never match a
     * native row.
     */
    public String key() {
        return mechanism + "/" + mode + (Measurement.NATIVE.equals(backend) ? "" : "/" + backend + " " + host.pinning());
    }
}
