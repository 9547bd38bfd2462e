package dev.uintr.cli;

import dev.uintr.BadInputException;
import dev.uintr.explore.ShardMerge;
import dev.uintr.report.AtomicFiles;
import dev.uintr.report.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code explore merge RUN...}: one run from the explore output of several (the shards of a CI matrix). */
@Command(name = "merge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Join the explore.csv and traces/ of several runs (explore --shard I/N --out RUN) into one run.",
        description = {"Rows are put in matrix order (scenario, profile, design); a cell in two runs must have the same "
                + "result. Trace files of the same design and scenario from different runs are joined in profile order. "
                + "The merged run is what one unsharded run writes (wall times aside)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:merged; every row matches its declared expectation",
            " 1:merged; some row says MISMATCH",
            " 2:bad input: a run without explore.csv, a malformed row, conflicting cells"})
public final class ExploreMergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "run folders holding explore.csv (and traces/)")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "<dir>",
            description = "where the merged run goes (default: a new run folder under reports/runs)")
    Path outDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ShardMerge.Csv> csvs = new ArrayList<>();
        Map<String, List<String>> traces = new TreeMap<>();
        for (Path run : runs) {
            Path csv = run.resolve("explore.csv");
            if (!Files.isRegularFile(csv)) {
                throw new BadInputException("explore merge: " + run + " has no explore.csv");
            }
            csvs.add(new ShardMerge.Csv(csv.toString(), read(csv)));
            Path dir = run.resolve("traces");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path t : s.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                        traces.computeIfAbsent(t.getFileName().toString(), k -> new ArrayList<>()).add(read(t));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        String merged = ShardMerge.csv(csvs);
        RunFolder folder = outDir != null ? RunFolder.at(outDir) : RunFolder.create(HarnessPaths.reports());
        AtomicFiles.writeString(folder.file("explore.csv"), merged);
        for (var e : traces.entrySet()) {
            AtomicFiles.writeString(folder.file("traces").resolve(e.getKey()), ShardMerge.trace(e.getKey(), e.getValue()));
        }
        long rows = merged.lines().count() - 1;
        long bad = ShardMerge.mismatches(merged);
        out.println("explore merge: " + runs.size() + " runs, " + rows + " rows, " + traces.size() + " trace files → "
                + folder.dir() + (bad == 0 ? "" : "; " + bad + " row(s) say MISMATCH"));
        out.flush();
        return bad == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
