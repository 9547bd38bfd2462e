package dev.uintr.cli;

import dev.uintr.fixture.IsaResults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code uintr-harness isa check FILE...}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Run ISA vector files on the emulator; print a field-by-field diff per failing row.",
        description = {
            "Each row of a vector file is one architectural step with the state before and the "
                + "change after (spec/isa-vectors.md). Every file is parsed first: a malformed row "
                + "stops the check with exit code 2, naming file, line and the bad item. Then every "
                + "row runs on a fresh one-processor emulated machine; a failing row prints one line "
                + "with the differences, and a summary 'N passed, M failed' closes the output."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:every row passed", " 1:a row failed", " 2:a malformed file or row (the message names it)",
            " 4:nothing to check: no rows (an empty folder or files with a header only)"},
        footer = {"", "Example: uintr-harness isa check fixtures/isa/senduipi.csv"})
final class IsaCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "vector files (*.csv); a folder stands for its *.csv files")
    List<Path> files;

    @Option(names = {"-v", "--verbose"}, description = "also print a line for every passing row, with the fault it raised and why")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        IsaResults results = IsaResults.check(files);
        if (results.rows().isEmpty()) {
            out.println("nothing to check: no vector rows in " + files + " (a folder stands for its *.csv files)");
        } else {
            results.printRows(out, "", verbose);
            out.println(results.summary());
        }
        out.flush();
        return results.verdict().exitCode();
    }
}
