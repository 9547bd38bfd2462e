package dev.uintr.cli;

import dev.uintr.conform.ConformPlan;
import dev.uintr.conform.ConformResults;
import java.nio.file.Path;

/**
 * Run stage "conform": every case of fixtures/cases under both profiles on the backend the
 * probe picked ({@code ctx.host().autoBackend()}); KTAP into conform.ktap, one row per
 * case into conform.csv and JUnit XML for CI reporters into conform-junit.xml in the run folder. Quick runs take 5 seeds instead of 20.
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
        ConformPlan plan = ConformPlan.of(cases, null, "auto", "all", ctx.quick() ? 5 : 20, ctx.host());
        ConformResults results = ConformResults.run(plan, null);
        results.write(ctx.folder());
        ctx.out().println("conform: " + results.summary() + " (" + String.join(", ", ConformResults.FILES) + ")");
        return results.verdict().exitCode();
    }
}
