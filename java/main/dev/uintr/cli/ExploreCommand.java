package dev.uintr.cli;

import dev.uintr.BadInputException;
import dev.uintr.explore.Bound;
import dev.uintr.explore.Counterexample;
import dev.uintr.explore.DesignComparison;
import dev.uintr.explore.PairResult;
import dev.uintr.explore.Scenario;
import dev.uintr.explore.ScenarioParser;
import dev.uintr.explore.Selection;
import dev.uintr.explore.TraceFormatter;
import dev.uintr.explore.World;
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
                + "design (naive, kernel-vector, kernel-vector-checked, gp-fault) and ABI profile, explores every "
                + "interleaving of the actors' steps and the kernel's pending events (visited states deduplicated, "
                + "fewest CPU switches first, then fewest events), and checks: no lost wake-up, no victim interrupt, "
                + "no mass wake-up, no use-after-free.",
            "",
            "Prints the design comparison table, then the shortest counterexample of each pair that violates "
                + "something. A search that hits --max-states or --max-depth says 'within bound', never 'proved'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:every verdict matches the expectation its scenario file declares",
            " 1:a verdict differs from its declared expectation",
            " 2:bad input: unknown option value, malformed scenario file (file:line)",
            " 4:nothing to explore (no scenario, or every pair is n/a)"},
        footer = {"", "Scenario file format: README.md, section \"Explore\"."})
public final class ExploreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Largest --max-states. */
    static final int MAX_STATES = 10_000_000;
    /** Largest --max-depth. */
    static final int MAX_DEPTH = 10_000;

    @Option(names = "--design", paramLabel = "<design>", defaultValue = "all", showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
            description = "naive, kernel-vector, kernel-vector-checked, gp-fault or all")
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

    @Option(names = "--scenarios", paramLabel = "<dir>", description = "folder of scenario files (default fixtures/scenarios)")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("table") && !format.equals("csv")) {
            throw new BadInputException("--format: unknown format '" + format + "' (expected table or csv)");
        }
        if (maxStates < 1 || maxStates > MAX_STATES) {
            throw new BadInputException("--max-states: must be 1.." + MAX_STATES + ", was " + maxStates);
        }
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new BadInputException("--max-depth: must be 1.." + MAX_DEPTH + ", was " + maxDepth);
        }
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new BadInputException("--scenarios: '" + dir + "' is not a folder");
        }
        Path folder = dir != null ? dir : HarnessPaths.fixtures().resolve("scenarios");
        List<Scenario> all = ScenarioParser.loadAll(folder);
        List<Scenario> chosen = Selection.scenarios(all, scenario);
        List<PairResult> rows = DesignComparison.run(chosen, Selection.profiles(profile), Selection.designs(design),
                new Bound(maxStates, maxDepth));
        if (rows.stream().noneMatch(PairResult::applicable)) {
            out.println("explore: nothing to explore" + (all.isEmpty() ? ": no scenario files under " + folder : ": every pair is n/a"));
            out.flush();
            return ExitCodes.ALL_SKIPPED;
        }
        if (format.equals("csv")) {
            out.print(DesignComparison.csv(rows));
        } else {
            DesignComparison.printTable(rows, out);
            for (PairResult r : rows) {
                Counterexample c = r.applicable() ? DesignComparison.shortest(r) : null;
                if (c != null) {
                    out.println();
                    out.print(TraceFormatter.render(World.build(r.scenario(), r.profile(), r.design()), c));
                }
            }
            long bad = rows.stream().filter(PairResult::mismatch).count();
            out.println();
            out.println(bad == 0 ? "explore: every verdict matches its declared expectation"
                    : "explore: " + bad + " verdict(s) differ from the declared expectation (STATUS MISMATCH)");
        }
        out.flush();
        return rows.stream().anyMatch(PairResult::mismatch) ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
