package dev.uintr.cli;

import dev.uintr.report.ProbeResults;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code probe}: what this host can do, and which backend {@code auto} picks. */
@Command(name = "probe",
        header = "Show what this host can do: CPU, UINTR bits, kernel ABI, KPTI, TSC, shim, backend.",
        description = {
            "Reads the CPUID leaves with the CPUID instruction (through the shim), /proc/cpuinfo, the "
                + "kernel's symbol table and the vulnerabilities files. It never calls a uintr syscall: "
                + "numbers 449-454 mean other things on upstream kernels.",
            "",
            "The native backend needs all of: CPUID.(7,0):EDX[5]=1 (Sapphire Rapids or later), a kernel "
                + "with the rfc-v1 or later uintr syscalls, KPTI off, and the shim loaded."},
        footer = {"", "Next: 'uintr-harness run' runs every stage on the backend shown as backend.auto."})
public final class ProbeCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format { table, csv }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
            description = "table (readable) or csv (fact,value,detail). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() {
        ProbeResults results = ProbeResults.probe();
        PrintWriter out = spec.commandLine().getOut();
        out.print(results.render(format.name()));
        out.flush();
        return results.verdict().exitCode();
    }
}
