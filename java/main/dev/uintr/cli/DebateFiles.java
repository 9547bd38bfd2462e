package dev.uintr.cli;

import dev.uintr.BadInputException;
import dev.uintr.explore.Bound;
import dev.uintr.explore.CostWeights;
import dev.uintr.explore.Debate;
import dev.uintr.explore.DebateChart;
import dev.uintr.explore.DebateReport;
import dev.uintr.explore.PairResult;
import dev.uintr.report.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes debate.md and debate-cost.png (explore --debate, and the run stage explore). */
final class DebateFiles {
    private DebateFiles() {}

    /** The shipped weights of the estimate. */
    static Path defaultWeights() {
        return HarnessPaths.fixtures().resolve("costs").resolve("weights.txt");
    }

    /**
     * The weights from {@code file}, or from the shipped file when null; null (no estimate) when
     * the shipped file is missing. A file the user named that is missing or malformed is bad input.
     */
    static CostWeights weights(Path file) {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("--weights: '" + file + "' is not a file");
            }
            return CostWeights.load(file);
        }
        Path shipped = defaultWeights();
        return Files.isRegularFile(shipped) ? CostWeights.load(shipped) : null;
    }

    /** The chart written next to {@code markdown}: debate.md → debate-cost.png, x.md → x-cost.png. */
    static Path chartFor(Path markdown) {
        String n = markdown.getFileName().toString();
        String stem = n.endsWith(".md") ? n.substring(0, n.length() - 3) : n;
        return markdown.resolveSibling(stem + "-cost.png");
    }

    /**
     * Computes the costs and writes {@code markdown} and its chart ({@link #chartFor}); both are
     * replaced atomically (callers check first that a user-named file is new). Returns the debate.
     */
    static Debate write(List<PairResult> rows, Bound bound, CostWeights weights, String reference, Path markdown) {
        Debate db = Debate.of(rows, bound, weights, reference);
        byte[] png = DebateChart.png(db);
        Path chart = chartFor(markdown);
        AtomicFiles.writeString(markdown, DebateReport.markdown(db, png == null ? null : chart.getFileName().toString()));
        if (png != null) {
            AtomicFiles.writeBytes(chart, png);
        }
        return db;
    }
}
