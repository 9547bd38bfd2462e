package dev.uintr.cli;

import dev.uintr.backend.BackendKind;
import dev.uintr.conform.BackendComparison;
import dev.uintr.conform.ConformPlan;
import dev.uintr.conform.ConformResults;
import dev.uintr.hybrid.HybridAvailability;
import dev.uintr.report.AtomicFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Run stage "conform": every case of fixtures/cases under both profiles on the backend the
 * probe picked ({@code ctx.host().autoBackend()}); KTAP into conform.ktap, one row per
 * case into conform.csv and JUnit XML for CI reporters into conform-junit.xml in the run folder. Quick runs take 5 seeds instead of 20.
 * Where the native backend is unavailable and hybrid is, the cases also run under hybrid (the
 * native runner on the models: conform-hybrid.*) and conform-comparison.csv lists every
 * observation seen on one backend only. The hybrid pass is a second opinion: its failures are
 * printed as a warning and written, the stage's exit code follows the first pass.
 */
public final class ConformStage implements RunStage {
    private final Path cases;

    public ConformStage() {
        this(HarnessPaths.fixtures().resolve("cases"));
    }

    public ConformStage(Path cases) {
        this.cases = cases;
    }

    @Override
    public String name() {
        return "conform";
    }

    @Override
    public int run(RunContext ctx) {
        ConformPlan plan = ConformPlan.of(cases, List.of(), "auto", "all", ctx.quick() ? 5 : 20, ctx.host());
        ConformResults results = ConformResults.run(plan, null);
        results.write(ctx.folder());
        ctx.out().println("conform: " + results.summary() + " (" + String.join(", ", ConformResults.FILES) + ")");
        int code = results.verdict().exitCode();
        if (ctx.host().autoBackend() != BackendKind.NATIVE && HybridAvailability.available()) {
            ConformPlan hybridPlan = ConformPlan.of(cases, List.of(), "hybrid", "all", ctx.quick() ? 2 : 5, ctx.host());
            ConformResults hybrid = ConformResults.run(hybridPlan, null);
            hybrid.write(ctx.folder(), "conform-hybrid");
            BackendComparison cmp = BackendComparison.of(results, hybrid);
            AtomicFiles.writeString(ctx.folder().file("conform-comparison.csv"), cmp.csv());
            ctx.out().println("conform: " + hybrid.summary() + " (conform-hybrid.ktap, conform-hybrid.csv, conform-hybrid-junit.xml)");
            ctx.out().println("conform: " + cmp.summary() + " (conform-comparison.csv)");
            if (hybrid.verdict().exitCode() == ExitCodes.FAILED) {
                // A second opinion, not the verdict: its timing-sensitive cases run the real code with
                // every stop answered by the tracer, which widens races on a loaded host. Loud, not fatal.
                ctx.out().println("conform: WARNING: the hybrid pass saw failures (conform-hybrid.ktap); run's exit code "
                        + "follows the " + results.backend() + " pass, `conform --backend hybrid` fails on them");
            }
        }
        return code;
    }
}
