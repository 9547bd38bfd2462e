package dev.uintr.conform;

import dev.uintr.Verdict;
import dev.uintr.backend.BackendKind;
import dev.uintr.backend.HostFacts;
import dev.uintr.hybrid.HybridAvailability;
import dev.uintr.report.AtomicFiles;
import dev.uintr.report.RunFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The whole suite as a run does it: every case under both profiles on the backend the probe
 * picked ({@code host.autoBackend()}), written as conform.ktap / .csv / -junit.xml /
 * -observations.csv. Where the native backend is unavailable and hybrid is, the cases run
 * again under hybrid (the native runner on the models: conform-hybrid.*) and
 * conform-comparison.csv lists every observation seen on one backend only. The hybrid pass is a
 * second opinion: its failures are a warning, the verdict follows the first pass.
 */
public final class ConformSuite {
    /** The hybrid pass's report files' stem (STEM.ktap, STEM.csv, STEM-junit.xml, STEM-observations.csv). */
    public static final String HYBRID_STEM = "conform-hybrid";
    /** The two passes compared. */
    public static final String COMPARISON_FILE = "conform-comparison.csv";

    private ConformSuite() {}

    /**
     * Runs the suite of {@code cases} ({@code quick}: 5 seeds instead of 20, 2 hybrid runs instead
     * of 5), writing each pass into {@code folder} as soon as it is done, and {@code say}ing one
     * line per file group. Returns the first pass's verdict.
     */
    public static Verdict run(Path cases, boolean quick, HostFacts host, RunFolder folder, Consumer<String> say) {
        ConformResults first = pass(cases, "auto", quick ? 5 : 20, host);
        first.write(folder);
        say.accept("conform: " + first.summary() + " (" + String.join(", ", ConformResults.FILES) + ")");
        if (host.autoBackend() != BackendKind.NATIVE && HybridAvailability.available()) {
            ConformResults hybrid = pass(cases, "hybrid", quick ? 2 : 5, host);
            hybrid.write(folder, HYBRID_STEM);
            BackendComparison cmp = BackendComparison.of(first, hybrid);
            AtomicFiles.writeString(folder.file(COMPARISON_FILE), cmp.csv());
            say.accept("conform: " + hybrid.summary() + " (" + HYBRID_STEM + ".ktap, " + HYBRID_STEM + ".csv, "
                    + HYBRID_STEM + "-junit.xml)");
            say.accept("conform: " + cmp.summary() + " (" + COMPARISON_FILE + ")");
            if (hybrid.verdict() == Verdict.FAILED) {
                // A second opinion, not the verdict: its timing-sensitive cases run the real code with
                // every stop answered by the tracer, which widens races on a loaded host. Loud, not fatal.
                say.accept("conform: WARNING: the hybrid pass saw failures (" + HYBRID_STEM + ".ktap); run's exit code "
                        + "follows the " + first.backend() + " pass, `conform --backend hybrid` fails on them");
            }
        }
        return first.verdict();
    }

    private static ConformResults pass(Path cases, String backend, int samples, HostFacts host) {
        return ConformResults.run(ConformPlan.of(cases, List.of(), backend, "all", samples, host), null);
    }
}
