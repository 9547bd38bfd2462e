package dev.uintr.cli;

import dev.uintr.report.AtomicFiles;
import dev.uintr.report.ProbeReport;

/** Stage 1 of {@code run}: the host facts, as probe.csv and on the console. */
public final class ProbeStage implements RunStage {
    @Override
    public String name() {
        return "probe";
    }

    @Override
    public int run(RunContext ctx) {
        AtomicFiles.write(ctx.folder().file("probe.csv"), w -> ProbeReport.writeCsv(ctx.host(), w));
        ctx.out().print(ProbeReport.table(ctx.host()));
        return ExitCodes.OK;
    }
}
