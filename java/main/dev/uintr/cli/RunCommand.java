package dev.uintr.cli;

import dev.uintr.backend.HostFacts;
import dev.uintr.backend.HostProbe;
import dev.uintr.report.AtomicFiles;
import dev.uintr.report.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run}: the main job — every stage, into one run folder. */
@Command(name = "run",
        header = "The main job: probe, then every stage, into reports/runs/<stamp>-<host>/.",
        description = {
            "Probes the host once, then runs each stage in turn, each writing its files into the run "
                + "folder as it goes (atomically: an interrupted run leaves valid files for what finished). "
                + "A stage that fails does not stop the others.",
            "",
            "Stages, in order: probe (host facts into probe.csv); conform (every case of fixtures/cases on the "
                + "backend probe picks, into conform.ktap and conform.csv); isa (every fixtures/isa/*.csv vector on the "
                + "emulator, into isa-vectors.csv); kernel (every fixtures/kernel/errno-*.csv row on the kernel "
                + "model, into kernel-errno.csv); explore (every blocking design x scenario searched exhaustively, into "
                + "explore.csv and traces/); bench (a short latency run of every mechanism: latency.csv, "
                + "host.csv, relative.csv, latency.png)."},
        footer = {"", "summary.csv in the run folder lists each stage with its status and seconds."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Shorter stages (fewer iterations): a smoke test, as CI runs it.")
    boolean quick;

    @Option(names = "--reports", paramLabel = "<dir>",
            description = "Reports root; the run folder is created under <dir>/runs/. Default: reports/ of the repository.")
    Path reports;

    /** The stages, in order. Each issue that lands adds its stage here. */
    static List<RunStage> stages() {
        return List.of(new ProbeStage(), new ConformStage(), new IsaVectorsStage(), new KernelErrnoStage(), new ExploreStage(),
                new BenchStage());
    }

    /** A finished stage, as summary.csv lists it. */
    record StageResult(String stage, String status, int exitCode, double seconds, String note) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        HostFacts host = HostProbe.probe();
        RunFolder folder = RunFolder.create(reports != null ? reports : HarnessPaths.reports());
        out.println("run folder: " + folder.dir());
        RunContext ctx = new RunContext(folder, host, out, quick);
        List<RunStage> stages = stages();
        List<StageResult> results = new ArrayList<>();
        int i = 0;
        for (RunStage stage : stages) {
            i++;
            out.printf("== [%d/%d] %s ==%n", i, stages.size(), stage.name());
            out.flush();
            long t0 = System.nanoTime();
            int code;
            String note = "";
            try {
                code = stage.run(ctx);
            } catch (dev.uintr.BadInputException e) {
                code = ExitCodes.USAGE;
                note = e.getMessage();
                spec.commandLine().getErr().println("uintr-harness: " + stage.name() + ": " + e.getMessage());
            } catch (Exception | StackOverflowError e) {
                code = ExitCodes.INTERNAL;
                note = e.toString();
                spec.commandLine().getErr().println("uintr-harness: " + stage.name() + " failed with an internal error:");
                e.printStackTrace(spec.commandLine().getErr());
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            results.add(new StageResult(stage.name(), status(code), code, secs, note));
            writeSummary(folder, results);
            out.printf("-- %s: %s (%.1f s)%n", stage.name(), status(code), secs);
            out.flush();
        }
        out.println("summary: " + folder.file("summary.csv"));
        return overall(results);
    }

    static String status(int code) {
        switch (code) {
            case ExitCodes.OK: return "PASS";
            case ExitCodes.FAILED: return "FAIL";
            case ExitCodes.ALL_SKIPPED: return "SKIP";
            case ExitCodes.USAGE: return "BAD-INPUT";
            default: return "ERROR";
        }
    }

    /** 4 when every stage skipped, else the worst code of all stages. */
    static int overall(List<StageResult> results) {
        if (!results.isEmpty() && results.stream().allMatch(r -> r.exitCode() == ExitCodes.ALL_SKIPPED)) {
            return ExitCodes.ALL_SKIPPED;
        }
        int code = ExitCodes.OK;
        for (StageResult r : results) {
            if (r.exitCode() != ExitCodes.ALL_SKIPPED) {
                code = ExitCodes.worst(code, r.exitCode());
            }
        }
        return code;
    }

    private static void writeSummary(RunFolder folder, List<StageResult> results) {
        AtomicFiles.write(folder.file("summary.csv"), w -> {
            try {
                CSVPrinter p = CSVFormat.RFC4180.builder()
                        .setHeader("stage", "status", "exit_code", "seconds", "note").get().print(w);
                for (StageResult r : results) {
                    p.printRecord(r.stage(), r.status(), r.exitCode(), String.format("%.3f", r.seconds()), r.note());
                }
                p.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
