package dev.uintr.cli;

import dev.uintr.AbiProfile;
import dev.uintr.explore.Bound;
import dev.uintr.explore.DesignComparison;
import dev.uintr.explore.ExploreResults;
import dev.uintr.explore.Matrix;
import dev.uintr.explore.SearchOptions;
import dev.uintr.explore.Invariant;
import dev.uintr.explore.PairResult;
import dev.uintr.explore.Scenario;
import dev.uintr.explore.ScenarioParser;
import dev.uintr.kernel.BlockingDesign;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run stage "explore": every design × scenario × profile explored within a bound
 * ({@link Bound#DEFAULT}; {@link Bound#QUICK} with --quick), the large scenarios of
 * fixtures/scenarios/large too ({@link #LARGE}; {@link #QUICK_LARGE} with --quick; left out of
 * the debate report), on every core (the result does not depend on it), the comparison in explore.csv
 * and the counterexamples in traces/&lt;design&gt;-&lt;scenario&gt;.txt (both profiles in one file), and the
 * debate report: debate.md with debate-cost.png (weights from fixtures/costs/weights.txt).
 */
public final class ExploreStage implements RunStage {
    /** The bound of the large scenarios (fixtures/scenarios/large) in full mode. */
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

    @Override
    public String name() {
        return "explore";
    }

    @Override
    public int run(RunContext ctx) {
        List<Scenario> all = java.nio.file.Files.isDirectory(scenarios) ? ScenarioParser.loadAll(scenarios) : List.of();
        if (all.isEmpty()) {
            ctx.out().println("explore: SKIP no scenario files under " + scenarios);
            return ExitCodes.ALL_SKIPPED;
        }
        Bound bound = ctx.quick() ? Bound.QUICK : Bound.DEFAULT;
        List<AbiProfile> profiles = List.of(AbiProfile.RFC_V1, AbiProfile.LATER);
        List<BlockingDesign> designs = List.of(BlockingDesign.values());
        SearchOptions options = SearchOptions.DEFAULT.withWorkers(Runtime.getRuntime().availableProcessors());
        List<PairResult> small = DesignComparison.run(Matrix.cells(all, profiles, designs), bound, options, null);
        List<Scenario> large = java.nio.file.Files.isDirectory(largeScenarios) ? ScenarioParser.loadAll(largeScenarios)
                : List.of();                                            // a scenario folder without large/ is fine
        List<PairResult> rows = new ArrayList<>(small);
        rows.addAll(DesignComparison.run(Matrix.cells(large, profiles, designs), ctx.quick() ? QUICK_LARGE : LARGE,
                options, null));
        ExploreResults results = new ExploreResults(rows);
        int traces = results.write(ctx.folder());
        DebateFiles.write(small, bound, DebateFiles.weights(null), dev.uintr.explore.Debate.DEFAULT_REFERENCE,
                ctx.folder().file("debate.md"));
        long explored = results.applicable();
        List<PairResult> bad = results.mismatches();
        ctx.out().println("explore: " + (explored - bad.size()) + "/" + explored + " verdicts match their scenario files, "
                + results.states() + " states, " + traces + " trace files (explore.csv, traces/, debate.md, "
                + dev.uintr.explore.DebateReport.CHART + ")"
                + (large.isEmpty() ? "" : "; with " + large.size() + " large scenarios" + (ctx.quick() ? " within the quick bound" : "")));
        for (PairResult r : bad) {
            ctx.out().println("explore:   MISMATCH " + r.scenario().name() + " " + r.profile().id() + " "
                    + r.design().id() + ": found " + r.verdictText() + ", expected " + Invariant.render(r.expected()));
        }
        return bad.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
