package dev.uintr.cli;

import dev.uintr.BadInputException;
import dev.uintr.fixture.VectorCheck;
import dev.uintr.fixture.VectorResult;
import dev.uintr.report.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The {@code isa} stage of {@code uintr-harness run}: every {@code fixtures/isa/*.csv} row on the
 * emulator, written to {@code isa-vectors.csv} (file, id, verdict, diff; one row per vector) in
 * the run folder. Returns OK, FAILED (a row failed), USAGE (a malformed file: nothing is run)
 * or ALL_SKIPPED (no vector files).
 */
public final class IsaVectorsStage implements RunStage {
    /** The report file name in the run folder. */
    public static final String REPORT = "isa-vectors.csv";
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
        List<VectorResult> results;
        try {
            results = VectorCheck.check(List.of(fixtures));
        } catch (BadInputException e) {
            ctx.out().println("isa: " + e.getMessage());
            ctx.out().flush();
            return ExitCodes.USAGE;
        }
        AtomicFiles.write(ctx.folder().file(REPORT), w -> {
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                    .setHeader("file", "id", "verdict", "diff").setRecordSeparator('\n').get())) {
                for (VectorResult r : results) {
                    p.printRecord(Path.of(r.row().file()).getFileName().toString(), r.row().id(), r.verdict(), r.diff());
                }
            }
        });
        for (VectorResult r : results) {
            if (!r.passed()) {
                ctx.out().println("isa: " + r.failureLine());
            }
        }
        ctx.out().println("isa: " + VectorCheck.summary(results) + " (" + REPORT + ")");
        ctx.out().flush();
        return results.stream().allMatch(VectorResult::passed) ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
