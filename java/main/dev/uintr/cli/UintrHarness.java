package dev.uintr.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The root command: lists the subcommands, one class each. */
@Command(name = "uintr-harness",
        mixinStandardHelpOptions = true,
        scope = picocli.CommandLine.ScopeType.INHERIT,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.INTERNAL,
        versionProvider = VersionProvider.class,
        header = "Conformance and latency harness for x86 User Interrupts (UINTR).",
        description = {
            "Runs the same cases on the real instructions and uintr syscalls (native backend: "
                + "Sapphire Rapids or later, a uintr kernel, KPTI off) or on a bit-exact emulation "
                + "of the ISA and the kernel (emulated backend: any host).",
            "",
            "Start with 'probe' to see what this host can do, or 'run' for the whole job."},
        subcommands = {
            ProbeCommand.class,
            RunCommand.class,
            IsaCommand.class,
            KernelCommand.class,
            ConformCommand.class,
            ExploreCommand.class,
            BenchCommand.class,
            ExecCommand.class,
            ReportCommand.class,
            HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:everything selected ran and passed (some cases may be skipped)",
            " 1:a case, row or check failed",
            " 2:bad input: unknown option or value, malformed file (the message names it)",
            " 4:nothing could run: everything was skipped",
            "70:internal error (a bug: please report the stack trace)"},
        footer = {"", "See 'uintr-harness help <command>' for each command. Reports land in reports/runs/<stamp>-<host>/."})
public final class UintrHarness extends GroupCommand {
}
