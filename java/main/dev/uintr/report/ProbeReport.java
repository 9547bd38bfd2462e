package dev.uintr.report;

import dev.uintr.backend.HostFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** HostFacts as rows (fact, value, detail): the probe's table and probe.csv. */
public final class ProbeReport {
    /** CSV header of probe.csv; documented in reports/README.md. */
    public static final String[] HEADER = {"fact", "value", "detail"};

    /** One row. */
    public record Row(String fact, String value, String detail) {}

    private ProbeReport() {}

    public static List<Row> rows(HostFacts h) {
        List<Row> r = new ArrayList<>();
        r.add(new Row("cpu.vendor", h.cpuVendor(), ""));
        r.add(new Row("cpu.family-model-stepping", fms(h), "display family/model/stepping, hex"));
        r.add(new Row("cpu.name", h.cpuName(), ""));
        r.add(new Row("cpuid.uintr", h.cpuidUintr().toString(), "CPUID.(7,0):EDX[5], read by the CPUID instruction in the shim"));
        r.add(new Row("cpuid.uiret-uif", h.cpuidUiretUif().toString(), "CPUID.(7,1):EDX[17], Flexible UIRET"));
        r.add(new Row("cpuinfo.uintr-flag", h.procUintrFlag() ? "yes" : "no", "the uintr flag in /proc/cpuinfo (the kernel knows the feature)"));
        r.add(new Row("kernel.release", h.kernelRelease(), ""));
        r.add(new Row("kernel.uintr-abi", h.kernelAbi().id(), h.kernelAbiHow()));
        dev.uintr.backend.HostSyscalls.Table nr = dev.uintr.backend.HostSyscalls.current();
        r.add(new Row("kernel.uintr-syscalls", nr.render(), nr.source().isEmpty()
                ? "no uapi header names them: the profile's numbers (rfc-v1 449-454, later 471-479) stand; "
                        + dev.uintr.backend.HostSyscalls.OVERRIDE + "=uintr_NAME=NR,... overrides"
                : "from " + nr.source()));
        r.add(new Row("kernel.kpti", h.kpti().toString(), h.kptiHow()));
        r.add(new Row("tsc.invariant", h.invariantTsc().toString(), "CPUID.80000007H:EDX[8] (or constant_tsc+nonstop_tsc)"));
        r.add(new Row("tsc.hz", h.tscHz() == 0 ? "unknown" : Long.toString(h.tscHz()), "calibrated against CLOCK_MONOTONIC_RAW over 50 ms"));
        r.add(new Row("shim.loaded", h.shimLoaded() ? "yes" : "no", h.shimDetail()));
        String hybrid = dev.uintr.hybrid.HybridAvailability.reason();
        r.add(new Row("backend.hybrid", hybrid == null ? "available" : "unavailable",
                hybrid == null ? "native code under ptrace, UINTR instructions and uintr syscalls answered by the models" : hybrid));
        r.add(new Row("backend.auto", h.autoBackend().id(), h.autoReason()));
        return r;
    }

    private static String fms(HostFacts h) {
        if (h.cpuFamily() < 0) {
            return "unknown";
        }
        return String.format("0x%x/0x%x/0x%x", h.cpuFamily(), h.cpuModel(), h.cpuStepping());
    }

    public static void writeCsv(HostFacts h, Writer out) {
        try {
            CSVPrinter p = CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator('\n').get().print(out);
            for (Row row : rows(h)) {
                p.printRecord(row.fact(), row.value(), row.detail());
            }
            p.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A readable two-column table with the detail indented under each value. */
    public static String table(HostFacts h) {
        List<Row> rows = rows(h);
        int w = rows.stream().mapToInt(r -> r.fact().length()).max().orElse(10);
        StringBuilder sb = new StringBuilder();
        for (Row row : rows) {
            sb.append(String.format("%-" + w + "s  %s%n", row.fact(), row.value()));
            if (!row.detail().isEmpty()) {
                sb.append(String.format("%-" + w + "s    (%s)%n", "", row.detail()));
            }
        }
        return sb.toString();
    }
}
