package dev.uintr.cli;

import dev.uintr.AbiProfile;
import dev.uintr.backend.Backend;
import dev.uintr.backend.BackendKind;
import dev.uintr.backend.EmulatedBackend;
import dev.uintr.backend.NativeBackend;
import dev.uintr.conform.CaseResult;
import dev.uintr.conform.ConformRunner;
import dev.uintr.conform.CsvReport;
import dev.uintr.conform.JunitXmlReport;
import dev.uintr.conform.KtapReport;
import dev.uintr.conform.Status;
import dev.uintr.program.CaseParser;
import dev.uintr.program.CaseSpec;
import dev.uintr.report.AtomicFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Run stage "conform": every case of fixtures/cases under both profiles on the backend the
 * probe picked ({@code ctx.host().autoBackend()}); KTAP into conform.ktap, one row per
 * case into conform.csv and JUnit XML for CI reporters into conform-junit.xml in the run folder. Quick runs take 5 seeds instead of 20.
 */
public final class ConformStage implements RunStage {
    private final Path cases;

    public ConformStage() {
        this(HarnessPaths.fixtures().resolve("cases"));
    }

    public ConformStage(Path cases) {
        this.cases = cases;
    }

    @Override
    public String name() {
        return "conform";
    }

    @Override
    public int run(RunContext ctx) {
        List<CaseSpec> specs = CaseParser.loadDir(cases);
        Backend b = ctx.host().autoBackend() == BackendKind.NATIVE ? new NativeBackend(ctx.host()) : new EmulatedBackend();
        List<CaseResult> results = ConformRunner.run(specs, b, List.of(AbiProfile.RFC_V1, AbiProfile.LATER),
                ctx.quick() ? 5 : 20, null);
        AtomicFiles.writeString(ctx.folder().file("conform.ktap"), KtapReport.render(results));
        AtomicFiles.writeString(ctx.folder().file("conform.csv"), CsvReport.render(results));
        AtomicFiles.writeString(ctx.folder().file("conform-junit.xml"), JunitXmlReport.render(results));
        long pass = results.stream().filter(r -> r.status() == Status.PASS).count();
        long skip = results.stream().filter(r -> r.status() == Status.SKIP).count();
        ctx.out().println("conform: " + pass + "/" + results.size() + " cases passed on " + b.kind() + ", " + skip
                + " skipped (conform.ktap, conform.csv, conform-junit.xml)");
        return ConformRunner.exitCode(results);
    }
}
