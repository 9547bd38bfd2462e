package dev.uintr.cli;

import dev.uintr.bench.RunComparison;
import dev.uintr.report.OutputFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uintr-harness report}: work with finished runs. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        header = "Work with finished bench runs (reports/runs/...).",
        subcommands = {ReportCommand.Compare.class})
public final class ReportCommand extends GroupCommand {
    /** {@code report compare RUN...}. */
    @Command(name = "compare",
            mixinStandardHelpOptions = true,
            header = "Put several bench runs side by side.",
            description = "For each mechanism and mode: every run's p50 and p99, and the change of each later "
                    + "run's p50 against the first run's (reproducibility: under 10%% on a quiet machine).",
            footer = {"", "Example: uintr-harness report compare reports/runs/20250101-120000-host reports/runs/20250101-121500-host"})
    public static final class Compare implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "RUN", description = "A run folder (holding latency.csv) or a latency.csv file.")
        List<Path> runs;

        @Option(names = "--csv", paramLabel = "<file>", description = "Also write the table as CSV to this new file (an existing file is never written over).")
        Path csv;

        @Override
        public Integer call() {
            if (csv != null) {
                OutputFiles.newFile("--csv", csv);
            }
            RunComparison c = RunComparison.load(runs);
            spec.commandLine().getOut().print(c.render());
            spec.commandLine().getOut().flush();
            if (csv != null) {
                c.writeCsv(csv);
            }
            return ExitCodes.OK;
        }
    }
}
