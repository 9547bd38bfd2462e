package dev.uintr.cli;

import picocli.CommandLine.Command;

/** {@code uintr-harness isa}: the bit-exact ISA model's own tools. */
@Command(name = "isa", mixinStandardHelpOptions = true,
        header = "Check ISA vector files, decode UINTR instruction bytes, benchmark the emulated ISA path.",
        description = {
            "The emulated backend's ISA model (spec/uintr-isa.md): 'check' runs vector files "
                + "(fixtures/isa/*.csv, format in spec/isa-vectors.md) and diffs every row, "
                + "'decode' decodes machine-code bytes, 'bench' measures the emulated "
                + "SENDUIPI -> IPI -> notification -> delivery -> UIRET round trip."},
        subcommands = {IsaCheckCommand.class, IsaDecodeCommand.class, IsaBenchCommand.class},
        footer = {"", "Example: uintr-harness isa check fixtures/isa", ""})
public final class IsaCommand extends GroupCommand {
}
