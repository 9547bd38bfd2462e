package dev.uintr.cli;

import dev.uintr.AbiProfile;
import dev.uintr.explore.Bound;
import dev.uintr.explore.DesignComparison;
import dev.uintr.explore.PairResult;
import dev.uintr.explore.Scenario;
import dev.uintr.explore.ScenarioParser;
import dev.uintr.kernel.BlockingDesign;
import dev.uintr.report.AtomicFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        List<Scenario> all = ScenarioParser.loadAll(scenarios);
        if (all.isEmpty()) {
            ctx.out().println("explore: SKIP no scenario files under " + scenarios);
            return ExitCodes.ALL_SKIPPED;
        }
        List<PairResult> rows = DesignComparison.run(all, List.of(AbiProfile.RFC_V1, AbiProfile.LATER),
                List.of(BlockingDesign.values()), ctx.quick() ? Bound.QUICK : Bound.DEFAULT);
        AtomicFiles.writeString(ctx.folder().file("explore.csv"), DesignComparison.csv(rows));
        Map<String, StringBuilder> traces = new LinkedHashMap<>();
        for (PairResult r : rows) {
            if (r.applicable() && !r.result().found().isEmpty()) {
                traces.computeIfAbsent(r.design().id() + "-" + r.scenario().name(), k -> new StringBuilder())
                        .append(DesignComparison.traces(r));
            }
        }
        for (var e : traces.entrySet()) {
            AtomicFiles.writeString(ctx.folder().file("traces").resolve(e.getKey() + ".txt"), e.getValue().toString());
        }
        Bound bound = ctx.quick() ? Bound.QUICK : Bound.DEFAULT;
        DebateFiles.write(rows, bound, DebateFiles.weights(null), dev.uintr.explore.Debate.DEFAULT_REFERENCE,
                ctx.folder().file("debate.md"));
        long explored = rows.stream().filter(PairResult::applicable).count();
        long bad = rows.stream().filter(PairResult::mismatch).count();
        long states = rows.stream().filter(PairResult::applicable).mapToLong(r -> r.result().states()).sum();
        ctx.out().println("explore: " + (explored - bad) + "/" + explored + " verdicts match their scenario files, "
                + states + " states, " + traces.size() + " trace files (explore.csv, traces/, debate.md, "
                + dev.uintr.explore.DebateReport.CHART + ")");
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
