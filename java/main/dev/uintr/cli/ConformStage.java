package dev.uintr.cli;

import dev.uintr.conform.ConformSuite;
import java.nio.file.Path;

/**
 * Run stage "conform": the suite of fixtures/cases as {@link ConformSuite} runs it (the probe's
 * backend, then a hybrid second opinion where native is unavailable and hybrid is), written into
 * the run folder, its lines on the console. Quick runs take fewer seeds.
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
        return ConformSuite.run(cases, ctx.quick(), ctx.host(), ctx.folder(), ctx.out()::println).exitCode();
    }
}
