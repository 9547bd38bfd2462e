package dev.uintr.cli;

import dev.uintr.BadInputException;
import dev.uintr.Verdict;
import dev.uintr.explore.Bound;
import dev.uintr.explore.CostWeights;
import dev.uintr.explore.Debate;
import dev.uintr.explore.DesignComparison;
import dev.uintr.explore.Matrix;
import dev.uintr.explore.SearchOptions;
import dev.uintr.explore.ExploreResults;
import dev.uintr.explore.Scenario;
import dev.uintr.explore.ScenarioParser;
import dev.uintr.explore.Selection;
import dev.uintr.report.OutputFiles;
import dev.uintr.report.RunFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code explore}: exhaustive interleaving search over the blocking designs. */
@Command(name = "explore",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Settle the blocking-design debate: search every interleaving of each scenario under each design.",
        description = {"Runs each scenario of fixtures/scenarios/*.txt on the emulated kernel under each blocking "
                + "design (naive, kernel-vector, kernel-vector-checked, gp-fault, send-wrapper, send-wrapper-post-first, "
                + "affinity) and ABI profile, explores every "
                + "interleaving of the actors' steps and the kernel's pending events (visited states deduplicated, "
                + "fewest CPU switches first, then fewest events), and checks: no lost wake-up, no victim interrupt, "
                + "no mass wake-up, no use-after-free, no interrupt on an isolated CPU.",
            "",
            "Prints the design comparison table, then the shortest counterexample of each pair that violates "
                + "something. A search that hits --max-states or --max-depth says 'within bound', never 'proved'.",
            "",
            "--debate writes the report that answers the seed's question: designs × scenarios × invariants, exact "
                + "costs per post, an estimate in cycles from --weights, a verdict per design and a chart."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:every verdict matches the expectation its scenario file declares",
            " 1:a verdict differs from its declared expectation",
            " 2:bad input: unknown option value, malformed scenario or weights file (file:line), --debate file exists",
            " 4:nothing to explore (no scenario, or every pair is n/a)"},
        subcommands = ExploreMergeCommand.class,
        footer = {"", "Scenario file format: fixtures/scenarios/README.md; the report: README.md, section \"Explore\"."})
public final class ExploreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Largest --max-states. */
    static final int MAX_STATES = 10_000_000;
    /** Largest --max-depth. */
    static final int MAX_DEPTH = 10_000;

    @Option(names = "--design", paramLabel = "<design>", defaultValue = "all", showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
            description = "naive, kernel-vector, kernel-vector-checked, gp-fault, send-wrapper, send-wrapper-post-first, affinity or all")
    String design;

    @Option(names = "--scenario", paramLabel = "<name>", defaultValue = "all", showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
            description = "a scenario name (its 'scenario' line) or all")
    String scenario;

    @Option(names = "--profile", paramLabel = "<profile>", defaultValue = "all", showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
            description = "rfc-v1, later or all")
    String profile;

    @Option(names = "--max-states", paramLabel = "<n>", description = "stop a search after this many distinct states, 1..10000000 (default ${DEFAULT-VALUE})",
            defaultValue = "200000")
    int maxStates;

    @Option(names = "--max-depth", paramLabel = "<n>", description = "longest interleaving explored, in events, 1..10000 (default ${DEFAULT-VALUE})",
            defaultValue = "60")
    int maxDepth;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
            description = "table (comparison + counterexamples) or csv (explore.csv columns)")
    String format;

    @Option(names = "--scenarios", paramLabel = "<dir>", description = "folder of scenario files (default fixtures/scenarios;"
            + " the large ones are in fixtures/scenarios/large)")
    Path dir;

    @Option(names = "--workers", paramLabel = "<n>", defaultValue = "1",
            description = "threads per search, 0 = every core (default ${DEFAULT-VALUE}); results do not depend on it")
    int workers;

    @Option(names = "--max-memory", paramLabel = "<size>",
            description = "stop a search ('within bound') when its visited set and frontier would hold more than this "
                    + "(e.g. 512m, 4g; default: half the JVM's maximum heap)")
    String maxMemory;

    @Option(names = "--shard", paramLabel = "<i/n>",
            description = "run only shard i of n of the scenario x profile x design matrix (cell k goes to shard k mod n + 1)")
    String shard;

    @Option(names = "--out", paramLabel = "<dir>",
            description = "also write explore.csv and traces/ into this folder, as the run stage does (for 'explore merge')")
    Path outDir;

    @Option(names = "--progress", paramLabel = "<when>", defaultValue = "auto",
            description = "auto (a progress line on stderr while a search runs longer than a second or ten) or off")
    String progress;

    @Option(names = "--bench",
            description = "measure the search's speed instead of printing the table: each selected search runs "
                    + "unmeasured until the JIT has compiled it (at most 4 times), then --bench-runs times measured; one "
                    + "line each with states, wall and CPU seconds (the search's threads), states/s by both, the busiest "
                    + "thread's CPU, the JIT's and GC's CPU, and the load average; a median line after several runs")
    boolean bench;

    @Option(names = "--bench-runs", paramLabel = "<n>", defaultValue = "1",
            description = "measured runs per search with --bench, 1..100 (default ${DEFAULT-VALUE})")
    int benchRuns;

    @Option(names = "--debate", paramLabel = "<file.md>",
            description = "also write the debate report (a new file) and its chart next to it (<name>-cost.png)")
    Path debate;

    @Option(names = "--weights", paramLabel = "<file>",
            description = "cycles per event for the report's cost estimate (default fixtures/costs/weights.txt)")
    Path weights;

    @Option(names = "--cost-scenario", paramLabel = "<name>", defaultValue = Debate.DEFAULT_REFERENCE,
            description = "the scenario of the report's cost table and chart (default ${DEFAULT-VALUE})")
    String costScenario;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("table") && !format.equals("csv")) {
            throw new BadInputException("--format: unknown format '" + format + "' (expected table or csv)");
        }
        requireRange("--max-states", maxStates, MAX_STATES);
        requireRange("--max-depth", maxDepth, MAX_DEPTH);
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new BadInputException("--scenarios: '" + dir + "' is not a folder");
        }
        if (workers < 0) {
            throw new BadInputException("--workers: must be 0 (every core) or more, was " + workers);
        }
        if (!progress.equals("auto") && !progress.equals("off")) {
            throw new BadInputException("--progress: expected auto or off, was '" + progress + "'");
        }
        long memory = maxMemory == null ? Runtime.getRuntime().maxMemory() / 2 : ByteSize.parse("--max-memory", maxMemory);
        Bound bound = new Bound(maxStates, maxDepth, memory);                // MAX_DEPTH is below Bound.DEPTH_LIMIT
        int threads = workers == 0 ? Runtime.getRuntime().availableProcessors() : workers;
        Matrix.Shard slice = shard == null ? Matrix.Shard.ALL : Matrix.Shard.parse(shard);
        CostWeights w = null;
        if (debate != null) {
            OutputFiles.newFile("--debate", debate);
            OutputFiles.newFile("--debate (its chart)", DebateFiles.chartFor(debate));
            w = DebateFiles.weights(weights);
        } else if (weights != null) {
            throw new BadInputException("--weights: only used with --debate");
        }
        Path folder = dir != null ? dir : HarnessPaths.fixtures().resolve("scenarios");
        List<Scenario> all = ScenarioParser.loadAll(folder);
        List<Scenario> chosen = Selection.scenarios(all, scenario);
        List<Matrix.Cell> selected = Matrix.cells(chosen, Selection.profiles(profile), Selection.designs(design));
        List<Matrix.Cell> cells = Matrix.shard(selected, slice);
        requireRange("--bench-runs", benchRuns, 100);
        if (bench) {
            if (debate != null || outDir != null) {
                throw new BadInputException("--bench: not with --debate or --out (it measures, it does not report)");
            }
            return ExploreBench.run(cells, bound, threads, benchRuns, out);
        }
        ExploreProgress shown = new ExploreProgress(spec.commandLine().getErr(), System.console() != null);
        SearchOptions options = SearchOptions.DEFAULT.withWorkers(threads)
                .withProgress(null, shown.everyMillis());
        ExploreResults results = new ExploreResults(DesignComparison.run(cells, bound, options,
                progress.equals("off") ? null : shown::update));
        shown.done();
        if (outDir != null) {
            results.write(RunFolder.at(outDir));
        }
        if (cells.isEmpty() && !selected.isEmpty()) {
            out.println("explore: shard " + slice + " has no cell of the " + selected.size() + " selected");
            out.flush();
            return ExitCodes.ALL_SKIPPED;
        }
        if (results.verdict() == Verdict.ALL_SKIPPED) {
            out.println("explore: nothing to explore" + (all.isEmpty() ? ": no scenario files under " + folder : ": every pair is n/a"));
            out.flush();
            return ExitCodes.ALL_SKIPPED;
        }
        if (debate != null) {
            if (results.rows().stream().noneMatch(r -> r.scenario().name().equals(costScenario))) {
                throw new BadInputException("--cost-scenario: '" + costScenario + "' is not among the scenarios explored");
            }
            DebateFiles.write(results.rows(), new Bound(maxStates, maxDepth), w, costScenario, debate);
        }
        if (format.equals("csv")) {
            out.print(results.csv());
        } else {
            results.printTable(out);
        }
        out.flush();
        return results.verdict().exitCode();
    }

    /** Bad input unless {@code value} of {@code option} is 1..{@code max}. */
    private static void requireRange(String option, int value, int max) {
        if (value < 1 || value > max) {
            throw new BadInputException(option + ": must be 1.." + max + ", was " + value);
        }
    }
}
