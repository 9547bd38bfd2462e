package dev.uintr.cli;

import dev.uintr.fixture.KernelResults;
import java.nio.file.Path;
import java.util.List;

/**
 * Run stage "kernel": every fixtures/kernel/errno-*.csv against the kernel model, each under
 * the ABI profile its name gives (the model emulates both generations whatever the host
 * kernel speaks), results in kernel-errno.csv in the run folder.
 */
public final class KernelErrnoStage implements RunStage {
    private final Path fixtures;

    public KernelErrnoStage() {
        this(HarnessPaths.fixtures().resolve("kernel"));
    }

    public KernelErrnoStage(Path fixtures) {
        this.fixtures = fixtures;
    }

    @Override
    public String name() {
        return "kernel";
    }

    @Override
    public int run(RunContext ctx) {
        List<Path> files = KernelResults.fixturesIn(fixtures);
        if (files.isEmpty()) {
            ctx.out().println("kernel: SKIP no errno fixtures under " + fixtures);
            return ExitCodes.ALL_SKIPPED;
        }
        KernelResults results = KernelResults.run(files, null);
        results.write(ctx.folder());
        ctx.out().println("kernel: " + results.summary() + " (" + KernelResults.FILE + ")");
        return results.verdict().exitCode();
    }
}
