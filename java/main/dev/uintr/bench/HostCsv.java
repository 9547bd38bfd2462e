package dev.uintr.bench;

import dev.uintr.report.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** host.csv: one row describing the host a run measured (schema in reports/README.md). */
public final class HostCsv {
    public static final String FILE = "host.csv";
    public static final List<String> HEADER = List.of("cpu_model", "kernel", "kernel_abi", "cpuid_uintr", "kpti",
            "smt", "governor", "invariant_tsc", "tsc_hz", "timer_overhead_ticks", "timer_overhead_ns", "pinning",
            "cpus_allowed", "load_avg_1m", "shim");

    private HostCsv() {}

    /**
     * Replaces {@code file} atomically. {@code cpusAllowed} -1 is written as unknown;
     * {@code loadAvg} is the 1-minute load average when the run started (how quiet the host was).
     */
    public static void write(Path file, HostSnapshot h, int cpusAllowed, String loadAvg, String shim) {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(HEADER.toArray(String[]::new)).get();
        AtomicFiles.write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, fmt)) {
                p.printRecord(h.cpuModel(), h.kernel(), h.kernelAbi(), h.cpuidUintr(), h.kpti(), h.smt(), h.governor(),
                        h.invariantTsc(), h.tscHz() > 0 ? Long.toString(h.tscHz()) : HostSnapshot.UNKNOWN,
                        h.timerOverheadTicks() < 0 ? HostSnapshot.UNKNOWN : Long.toString(h.timerOverheadTicks()),
                        LatencyCsv.num(h.timerOverheadNs()), h.pinning(),
                        cpusAllowed < 0 ? HostSnapshot.UNKNOWN : Integer.toString(cpusAllowed), loadAvg, shim);
            }
        });
    }

    /** The first field of /proc/loadavg, or "unknown". */
    public static String loadAverage(Path procLoadavg) {
        try {
            String[] f = java.nio.file.Files.readString(procLoadavg).trim().split("\\s+");
            return f.length > 0 && !f[0].isEmpty() ? f[0] : HostSnapshot.UNKNOWN;
        } catch (java.io.IOException | RuntimeException e) {
            return HostSnapshot.UNKNOWN;
        }
    }
}
