package dev.uintr.cli;

import dev.uintr.backend.HostFacts;
import dev.uintr.backend.HostProbe;
import dev.uintr.report.AtomicFiles;
import dev.uintr.report.OutputFiles;
import dev.uintr.report.RunFolder;
import java.io.PrintWriter;
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
                + "backend probe picks, into conform.ktap, conform.csv, conform-junit.xml and conform-observations.csv, "
                + "and where hybrid runs here and native does not, under hybrid too with conform-comparison.csv); isa (every fixtures/isa/*.csv vector on the "
                + "emulator, into isa-vectors.csv); kernel (every fixtures/kernel/errno-*.csv row on the kernel "
                + "model, into kernel-errno.csv); explore (every blocking design x scenario searched exhaustively, into "
                + "explore.csv, traces/, debate.md and debate-cost.png); bench (a short latency run of every mechanism: latency.csv, "
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

    private final List<RunStage> stages;

    public RunCommand() {
        this(stages());
    }

    /** With other stages (tests: a stage that fails, fills the disk or watches the summary). */
    RunCommand(List<RunStage> stages) {
        this.stages = List.copyOf(stages);
    }

    /** A finished stage, as summary.csv lists it. */
    record StageResult(String stage, String status, int exitCode, double seconds, String note) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HostFacts host = HostProbe.probe();
        RunFolder folder = RunFolder.create(reports != null ? OutputFiles.reportsRoot("--reports", reports) : HarnessPaths.reports());
        out.println("run folder: " + folder.dir());
        RunContext ctx = new RunContext(folder, host, out, quick);
        List<StageResult> results = new ArrayList<>();
        long start = System.nanoTime();
        int i = 0;
        for (RunStage stage : stages) {
            i++;
            writeSummary(folder, results, stages, start, false, err);   // this stage RUNNING, the rest NOT-RUN
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
                err.println("uintr-harness: " + stage.name() + ": " + e.getMessage());
            } catch (OutOfMemoryError e) {
                code = ExitCodes.INTERNAL;
                note = "out of memory: " + e.getMessage();
                err.println("uintr-harness: " + stage.name() + " ran out of memory (a limit is missing: please report it); "
                        + "the other stages go on");
            } catch (Exception | StackOverflowError e) {
                code = ExitCodes.INTERNAL;
                note = e.toString();
                err.println("uintr-harness: " + stage.name() + " failed with an internal error:");
                e.printStackTrace(err);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            results.add(new StageResult(stage.name(), status(code), code, secs, note));
            out.printf("-- %s: %s (%.1f s)%n", stage.name(), status(code), secs);
            out.flush();
        }
        writeSummary(folder, results, stages, start, true, err);
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

    /**
     * Rewrites summary.csv: the finished stages, then (while the run goes on) the stage now
     * running as RUNNING and the later ones as NOT-RUN, and a last row {@code run} that stays
     * PARTIAL until every stage has finished. A folder left by an interrupted run (Ctrl-C, kill,
     * a crash) therefore says so. A summary that cannot be written (a full disk) is reported and
     * the run goes on.
     */
    private static void writeSummary(RunFolder folder, List<StageResult> results, List<RunStage> stages, long start,
            boolean finished, PrintWriter err) {
        double total = (System.nanoTime() - start) / 1e9;
        try {
            AtomicFiles.write(folder.file("summary.csv"), w -> {
                CSVPrinter p = CSVFormat.RFC4180.builder()
                        .setHeader("stage", "status", "exit_code", "seconds", "note").setRecordSeparator('\n').get().print(w);
                for (StageResult r : results) {
                    p.printRecord(r.stage(), r.status(), r.exitCode(), String.format(java.util.Locale.ROOT, "%.3f", r.seconds()), r.note());
                }
                for (int k = results.size(); k < stages.size(); k++) {
                    p.printRecord(stages.get(k).name(), k == results.size() ? RUNNING : NOT_RUN, "", "",
                            k == results.size() ? "started; no result was recorded (the run was interrupted if this stays)" : "");
                }
                if (finished) {
                    int code = overall(results);
                    p.printRecord("run", status(code), code, String.format(java.util.Locale.ROOT, "%.3f", total), "");
                } else {
                    p.printRecord("run", PARTIAL, "", "", results.size() + " of " + stages.size()
                            + " stages finished; the run has not ended (or was interrupted)");
                }
                p.flush();
            });
        } catch (dev.uintr.BadInputException e) {
            err.println("uintr-harness: " + e.getMessage() + " (the run goes on)");
        }
    }

    /** summary.csv status of the stage running now (stays if the run is interrupted). */
    static final String RUNNING = "RUNNING";
    /** summary.csv status of a stage not started yet. */
    static final String NOT_RUN = "NOT-RUN";
    /** summary.csv status of the last row, {@code run}, until every stage has finished. */
    static final String PARTIAL = "PARTIAL";
}
