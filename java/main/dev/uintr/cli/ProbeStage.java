package dev.uintr.cli;

import dev.uintr.report.ProbeResults;

/** Stage 1 of {@code run}: the host facts (probed once for the whole run), as probe.csv and on the console. */
public final class ProbeStage implements RunStage {
    @Override
    public String name() {
        return "probe";
    }

    @Override
    public int run(RunContext ctx) {
        ProbeResults results = new ProbeResults(ctx.host());
        results.write(ctx.folder());
        ctx.out().print(results.render("table"));
        return results.verdict().exitCode();
    }
}
