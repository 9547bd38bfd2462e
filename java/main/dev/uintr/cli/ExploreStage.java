package dev.uintr.cli;

import dev.uintr.AbiProfile;
import dev.uintr.explore.Bound;
import dev.uintr.explore.DesignComparison;
import dev.uintr.explore.Matrix;
import dev.uintr.explore.SearchOptions;
import dev.uintr.explore.PairResult;
import dev.uintr.explore.Scenario;
import dev.uintr.explore.ScenarioParser;
import dev.uintr.kernel.BlockingDesign;
import dev.uintr.report.AtomicFiles;
import dev.uintr.report.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run stage "explore": every design × scenario × profile explored within a bound
 * ({@link Bound#DEFAULT}; {@link Bound#QUICK} with --quick), the large scenarios of
 * fixtures/scenarios/large too ({@link #LARGE}; {@link #QUICK_LARGE} with --quick), on every core
 * (the result does not depend on it), the comparison in explore.csv
 * and the counterexamples in traces/&lt;design&gt;-&lt;scenario&gt;.txt (both profiles in one file).
 */
public final class ExploreStage implements RunStage {
    /** The bound of the large scenarios (fixtures/scenarios/large) in full mode: each fits it exhaustively. */
    public static final Bound LARGE = new Bound(1_000_000, 80);
    /** Their bound with --quick: the shortest violation of every declared verdict is within it. */
    public static final Bound QUICK_LARGE = new Bound(100_000, 40);

    private final Path scenarios;
    private final Path largeScenarios;

    public ExploreStage() {
        this(HarnessPaths.fixtures().resolve("scenarios"));
    }

    /** The scenarios of {@code scenarios}, and the large ones of its subfolder "large". */
    public ExploreStage(Path scenarios) {
        this(scenarios, scenarios.resolve("large"));
    }

    public ExploreStage(Path scenarios, Path largeScenarios) {
        this.scenarios = scenarios;
        this.largeScenarios = largeScenarios;
    }

    /**
     * Writes explore.csv and traces/&lt;design&gt;-&lt;scenario&gt;.txt (every counterexample of
     * the pair's profiles, in row order) into {@code folder}; returns the number of trace files.
     */
    public static int write(RunFolder folder, List<PairResult> rows) {
        AtomicFiles.writeString(folder.file("explore.csv"), DesignComparison.csv(rows));
        Map<String, StringBuilder> traces = new LinkedHashMap<>();
        for (PairResult r : rows) {
            if (r.applicable() && !r.result().found().isEmpty()) {
                traces.computeIfAbsent(r.design().id() + "-" + r.scenario().name(), k -> new StringBuilder())
                        .append(DesignComparison.traces(r));
            }
        }
        for (var e : traces.entrySet()) {
            AtomicFiles.writeString(folder.file("traces").resolve(e.getKey() + ".txt"), e.getValue().toString());
        }
        return traces.size();
    }

    @Override
    public String name() {
        return "explore";
    }

    @Override
    public int run(RunContext ctx) {
        List<Scenario> all = ScenarioParser.loadAll(scenarios);
        if (all.isEmpty()) {
            ctx.out().println("explore: SKIP no scenario files under " + scenarios);
            return ExitCodes.ALL_SKIPPED;
        }
        List<Scenario> large = ScenarioParser.loadAll(largeScenarios);
        List<AbiProfile> profiles = List.of(AbiProfile.RFC_V1, AbiProfile.LATER);
        List<BlockingDesign> designs = List.of(BlockingDesign.values());
        SearchOptions options = SearchOptions.DEFAULT.withWorkers(Runtime.getRuntime().availableProcessors());
        List<PairResult> rows = new ArrayList<>(DesignComparison.run(Matrix.cells(all, profiles, designs),
                ctx.quick() ? Bound.QUICK : Bound.DEFAULT, options, null));
        rows.addAll(DesignComparison.run(Matrix.cells(large, profiles, designs), ctx.quick() ? QUICK_LARGE : LARGE,
                options, null));
        int traceFiles = write(ctx.folder(), rows);
        long explored = rows.stream().filter(PairResult::applicable).count();
        long bad = rows.stream().filter(PairResult::mismatch).count();
        long states = rows.stream().filter(PairResult::applicable).mapToLong(r -> r.result().states()).sum();
        ctx.out().println("explore: " + (explored - bad) + "/" + explored + " verdicts match their scenario files, "
                + states + " states, " + traceFiles + " trace files (explore.csv, traces/)"
                + (large.isEmpty() ? "" : "; " + large.size() + " large scenarios" + (ctx.quick() ? " within the quick bound" : "")));
        for (PairResult r : rows) {
            if (r.mismatch()) {
                ctx.out().println("explore:   MISMATCH " + r.scenario().name() + " " + r.profile().id() + " "
                        + r.design().id() + ": found " + r.verdictText() + ", expected "
                        + dev.uintr.explore.Invariant.render(r.expected()));
            }
        }
        return bad == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
