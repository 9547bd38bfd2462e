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
            "cpus_allowed", "shim");

    private HostCsv() {}

    /** Replaces {@code file} atomically. {@code cpusAllowed} -1 is written as unknown. */
    public static void write(Path file, HostSnapshot h, int cpusAllowed, String shim) {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(HEADER.toArray(String[]::new)).get();
        AtomicFiles.write(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, fmt)) {
                p.printRecord(h.cpuModel(), h.kernel(), h.kernelAbi(), h.cpuidUintr(), h.kpti(), h.smt(), h.governor(),
                        h.invariantTsc(), h.tscHz() > 0 ? Long.toString(h.tscHz()) : HostSnapshot.UNKNOWN,
                        h.timerOverheadTicks(), LatencyCsv.num(h.timerOverheadNs()), h.pinning(),
                        cpusAllowed < 0 ? HostSnapshot.UNKNOWN : Integer.toString(cpusAllowed), shim);
            }
        });
    }
}
