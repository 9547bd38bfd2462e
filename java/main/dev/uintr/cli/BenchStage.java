package dev.uintr.cli;

import dev.uintr.bench.BenchConfig;
import dev.uintr.bench.BenchResults;
import dev.uintr.bench.BenchSession;

/**
 * The bench stage of {@code uintr-harness run}: a short bench of every mechanism into the
 * run folder (200 iterations with ctx.quick(), as CI runs it; 5000 otherwise).
 */
public final class BenchStage implements RunStage {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public int run(RunContext ctx) {
        BenchConfig cfg = BenchConfig.forStage(ctx.quick());
        return BenchResults.run(cfg, ctx.host(), ctx.folder(), ctx.out(), BenchSession.DEFAULT_HYBRID_PROFILE).verdict()
                .exitCode();
    }
}
