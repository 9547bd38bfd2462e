package dev.uintr.cli;

import dev.uintr.BadInputException;
import dev.uintr.fixture.IsaResults;
import dev.uintr.fixture.VectorCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code isa} stage of {@code uintr-harness run}: every {@code fixtures/isa/*.csv} row on the
 * emulator, written to {@code isa-vectors.csv} (file, id, verdict, diff; one row per vector) in
 * the run folder, through {@link IsaResults}. Returns OK, FAILED (a row failed), USAGE (a malformed
 * file: nothing is run) or ALL_SKIPPED (no vector files, or files without rows).
 */
public final class IsaVectorsStage implements RunStage {
    /** The report file name in the run folder. */
    public static final String REPORT = IsaResults.FILE;
    private final Path fixtures;

    /** Reads {@code fixtures/isa} of the repository (see {@link HarnessPaths}). */
    public IsaVectorsStage() {
        this(HarnessPaths.fixtures().resolve("isa"));
    }

    public IsaVectorsStage(Path fixtures) {
        this.fixtures = fixtures;
    }

    @Override
    public String name() {
        return "isa";
    }

    @Override
    public int run(RunContext ctx) throws Exception {
        if (!Files.isDirectory(fixtures) || VectorCheck.expand(List.of(fixtures)).isEmpty()) {
            ctx.out().println("isa: SKIP no ISA vector files in " + fixtures);
            ctx.out().flush();
            return ExitCodes.ALL_SKIPPED;
        }
        IsaResults results;
        try {
            results = IsaResults.check(List.of(fixtures));
        } catch (BadInputException e) {
            ctx.out().println("isa: " + e.getMessage());
            ctx.out().flush();
            return ExitCodes.USAGE;
        }
        results.write(ctx.folder());
        results.printRows(ctx.out(), "isa: ", false);
        ctx.out().println("isa: " + results.summary() + " (" + REPORT + ")");
        ctx.out().flush();
        return results.verdict().exitCode();
    }
}
