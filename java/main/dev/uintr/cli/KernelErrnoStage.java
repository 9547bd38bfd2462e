package dev.uintr.cli;

import dev.uintr.fixture.ErrnoCheck;
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
        List<Path> files = ErrnoCheck.fixturesIn(fixtures);
        if (files.isEmpty()) {
            ctx.out().println("kernel: SKIP no errno fixtures under " + fixtures);
            return ExitCodes.ALL_SKIPPED;
        }
        List<ErrnoCheck.FileResult> results = ErrnoCheck.run(files, null);
        ErrnoCheck.writeCsv(ctx.folder().file("kernel-errno.csv"), results);
        long rows = results.stream().mapToLong(f -> f.rows().size()).sum();
        long bad = results.stream().flatMap(f -> f.rows().stream()).filter(r -> !r.passed()).count();
        ctx.out().println("kernel: " + (rows - bad) + "/" + rows + " errno rows passed (kernel-errno.csv)");
        return bad == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
