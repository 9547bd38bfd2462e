package dev.uintr.cli;

import dev.uintr.AbiProfile;
import dev.uintr.fixture.KernelResults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kernel}: the emulated uintr kernel model. */
@Command(name = "kernel",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Check the emulated uintr kernel model (errno fixtures of both ABI generations).",
        description = "The kernel model behind the emulated backend: RFC v1 (syscalls 449-454) and the later "
                + "tree (471-479), errno for errno.",
        subcommands = {KernelCommand.Check.class},
        footer = {"", "Fixture format: README.md, section \"Kernel model\"."})
public final class KernelCommand extends GroupCommand {
    /** {@code kernel check [FILE...]}. */
    @Command(name = "check",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            header = "Run errno fixture rows against the kernel model.",
            description = {"Runs every row of the given errno fixtures (default: fixtures/kernel/errno-*.csv) on a "
                    + "fresh kernel model and prints KTAP; failing rows are shown with file:line, expected and "
                    + "observed values. The ABI profile comes from the file name (errno-rfc-v1.csv, "
                    + "errno-later.csv) unless --profile is given."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {" 0:every row passed", " 1:a row failed or its setup failed",
                " 2:bad input: malformed row (file:line), unknown option or profile", " 4:no fixture file found"})
    public static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "<file>", arity = "0..*", description = "errno fixture CSV files")
        List<Path> files;

        @Option(names = "--profile", paramLabel = "<profile>",
                description = "run every file under this ABI profile (rfc-v1 or later) instead of the one its name gives")
        String profile;

        @Option(names = {"-v", "--verbose"}, description = "print passing rows too")
        boolean verbose;

        /** --profile: rfc-v1 or later (none has no uintr syscalls to check). */
        static AbiProfile profileOption(String text) {
            return AbiProfile.uintrOption(text, "none has no uintr syscalls to check", "rfc-v1 or later");
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AbiProfile p = profile == null ? null : profileOption(profile);
            List<Path> list = files == null || files.isEmpty() ? KernelResults.fixturesIn(HarnessPaths.fixtures().resolve("kernel")) : files;
            if (list.isEmpty()) {
                out.println("KTAP version 1");
                out.println("1..0 # SKIP no errno fixtures found under fixtures/kernel");
                out.flush();
                return ExitCodes.ALL_SKIPPED;
            }
            KernelResults results = KernelResults.run(list, p);
            results.printKtap(out, verbose);
            return results.verdict().exitCode();
        }
    }
}
