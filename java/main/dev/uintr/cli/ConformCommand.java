package dev.uintr.cli;

import dev.uintr.Verdict;
import dev.uintr.backend.HostProbe;
import dev.uintr.conform.BackendComparison;
import dev.uintr.conform.ConformPlan;
import dev.uintr.conform.ObservationRecord;
import dev.uintr.report.AtomicFiles;
import dev.uintr.report.OutputFiles;
import dev.uintr.conform.ConformResults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code conform}: the common conformance suite on one backend. */
@Command(name = "conform",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Run the conformance cases (fixtures/cases/*.case) on the native or the emulated backend.",
        description = {"Each case is a small program per thread (register_handler, vector_fd, senduipi, uintr_wait, "
                + "...) with graded outcomes (ACCEPTABLE, ACCEPTABLE_INTERESTING, FORBIDDEN). The emulated backend "
                + "runs it on the kernel model once per seed (each seed one interleaving); the native backend runs "
                + "it with the real instructions in a forked child, killed on timeout. A case the backend cannot run "
                + "here is SKIP with the missing fact. Names are area.case.backend.profile.",
            "",
            "Record once on a uintr machine (--record FILE), then compare every other run against it "
                + "(--compare FILE|RUN): e.g. conform --backend emulated --compare native-box.csv."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:every case that ran passed (some may be skipped)",
            " 1:a case failed, errored or timed out; with --compare also when one side saw an observation the other "
                + "side's case forbids",
            " 2:bad input: malformed case file (file:line), unknown option value, --case matching nothing, an existing "
                + "--record file, a missing or malformed --compare file (file:line)",
            " 4:every case was skipped; with --compare also when no case ran on both sides"},
        footer = {"", "Case file format: fixtures/cases/README.md and README.md, section \"Conformance\"."})
public final class ConformCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--backend", paramLabel = "<auto|emulated|native|hybrid>", defaultValue = "auto",
            description = "where cases run; auto = what the probe picks for this host (default: ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--profile", paramLabel = "<rfc-v1|later|all>", defaultValue = "all",
            description = "ABI profiles to run each case under (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--case", paramLabel = "<glob>", description = "only cases whose name matches, e.g. 'senduipi.*'; "
            + "repeatable (a case runs when any matches; each must match some case)")
    List<String> caseGlobs;

    @Option(names = "--record", paramLabel = "<file>", description = "also write every case's distinct observations "
            + "with counts and grades, and its outcomes, to this new CSV file (fixtures/cases/README.md, \"Record and "
            + "compare\"); an existing file is never written over")
    Path record;

    @Option(names = "--compare", paramLabel = "<file|run>", description = "compare this run with a recorded one (a "
            + "--record file, a run folder holding conform-observations.csv, or a run's name in reports/runs/): the "
            + "observations seen on one side only, "
            + "on stderr; exit 1 when one side saw what the other side's case forbids")
    Path compare;

    @Option(names = "--format", paramLabel = "<ktap|csv|table|junit-xml>", defaultValue = "ktap",
            description = "output format; junit-xml is the Surefire-style XML that CI test reporters read "
                    + "(default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--seeds", paramLabel = "<n>", defaultValue = "20",
            description = "samples per case: emulated seeds 0..n-1, native runs; 1..10000 (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--cases", paramLabel = "<dir>", description = "case folder (default: fixtures/cases)")
    Path caseDir;

    @Option(names = "--design", paramLabel = "<design>", description = "blocking design of the rfc-v1 runs (naive, "
            + "kernel-vector, kernel-vector-checked, gp-fault, send-wrapper, send-wrapper-post-first, affinity); a case's "
            + "own design line wins; native runs of a design a real kernel lacks are SKIP")
    String design;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConformResults.requireFormat(format);
        if (record != null) {
            OutputFiles.newFile("--record", record);
        }
        ObservationRecord recorded = compare == null ? null
                : ObservationRecord.read(compare, HarnessPaths.reports().resolve("runs"));   // bad input before the run
        Path dir = caseDir != null ? caseDir : HarnessPaths.fixtures().resolve("cases");
        ConformPlan plan = ConformPlan.of(dir, caseGlobs, backend, profile, seeds, HostProbe.probe()).withDesign(design);
        PrintWriter err = spec.commandLine().getErr();
        if (plan.cases().isEmpty()) {
            err.println("conform: no *.case files in " + dir + ": nothing to run");
            err.flush();
        }
        long[] last = {System.nanoTime()};
        int[] done = {0};
        ConformResults results = ConformResults.run(plan, r -> {   // progress on stderr, at most every 5 s
            done[0]++;
            if (System.nanoTime() - last[0] > 5_000_000_000L) {
                last[0] = System.nanoTime();
                err.printf("conform: %d results so far (%d cases x %d profiles, %d samples each)%n", done[0],
                        plan.cases().size(), plan.profiles().size(), plan.samples());
                err.flush();
            }
        });
        out.print(results.render(format));
        out.flush();
        Verdict verdict = results.verdict();
        if (record != null) {
            String csv = results.record().csv();
            AtomicFiles.writeNew(record, w -> w.write(csv));
            err.println("conform: recorded " + results.cases().size() + " case runs in " + record);
        }
        if (recorded != null) {
            BackendComparison cmp = BackendComparison.of(results.record(), recorded);
            err.print(cmp.report().lines().map(l -> "conform: compare: " + l + "\n").reduce("", String::concat));
            verdict = verdict.worst(cmp.verdict());
        }
        err.flush();
        return verdict.exitCode();
    }
}
