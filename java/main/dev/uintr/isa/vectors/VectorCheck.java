package dev.uintr.isa.vectors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code isa check}: parses every file first (a malformed row stops everything with a
 * {@link BadInputException} before any row runs), then runs every row.
 */
public final class VectorCheck {
    private VectorCheck() {}

    /** Files as given; a folder stands for its {@code *.csv} files, sorted by name. */
    public static List<Path> expand(List<Path> given) {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                out.addAll(dev.uintr.FixtureText.list(p, n -> n.endsWith(".csv")));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Parses every file, then runs every row; results in file order. */
    public static List<VectorResult> check(List<Path> files) {
        List<VectorRow> rows = new ArrayList<>();
        for (Path f : expand(files)) {
            rows.addAll(VectorParser.parseFile(f));
        }
        return VectorRunner.runAll(rows);
    }

    /** "N passed, M failed". */
    public static String summary(List<VectorResult> results) {
        long failed = results.stream().filter(r -> !r.passed()).count();
        return (results.size() - failed) + " passed, " + failed + " failed";
    }
}
