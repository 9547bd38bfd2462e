package dev.uintr.cli;

import dev.uintr.AbiProfile;
import dev.uintr.explore.Bound;
import dev.uintr.explore.ExploreResults;
import dev.uintr.explore.Invariant;
import dev.uintr.explore.PairResult;
import dev.uintr.explore.Scenario;
import dev.uintr.explore.ScenarioParser;
import dev.uintr.kernel.BlockingDesign;
import java.nio.file.Path;
import java.util.List;

/**
 * Run stage "explore": every design × scenario × profile explored within a bound
 * ({@link Bound#DEFAULT}; {@link Bound#QUICK} with --quick), the comparison in explore.csv
 * and the counterexamples in traces/&lt;design&gt;-&lt;scenario&gt;.txt (both profiles in one file), and the
 * debate report: debate.md with debate-cost.png (weights from fixtures/costs/weights.txt).
 */
public final class ExploreStage implements RunStage {
    private final Path scenarios;

    public ExploreStage() {
        this(HarnessPaths.fixtures().resolve("scenarios"));
    }

    public ExploreStage(Path scenarios) {
        this.scenarios = scenarios;
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
        ExploreResults results = ExploreResults.run(all, List.of(AbiProfile.RFC_V1, AbiProfile.LATER),
                List.of(BlockingDesign.values()), bound);
        int traces = results.write(ctx.folder());
        DebateFiles.write(results.rows(), bound, DebateFiles.weights(null), dev.uintr.explore.Debate.DEFAULT_REFERENCE,
                ctx.folder().file("debate.md"));
        long explored = results.applicable();
        List<PairResult> bad = results.mismatches();
        ctx.out().println("explore: " + (explored - bad.size()) + "/" + explored + " verdicts match their scenario files, "
                + results.states() + " states, " + traces + " trace files (explore.csv, traces/, debate.md, "
                + dev.uintr.explore.DebateReport.CHART + ")");
        for (PairResult r : bad) {
            ctx.out().println("explore:   MISMATCH " + r.scenario().name() + " " + r.profile().id() + " "
                    + r.design().id() + ": found " + r.verdictText() + ", expected " + Invariant.render(r.expected()));
        }
        return bad.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
