package dev.uintr.cli;

import dev.uintr.BadInputException;
import dev.uintr.isa.Decoded;
import dev.uintr.isa.Decoder;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code uintr-harness isa decode HEXBYTES}. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        header = "Decode machine-code bytes as one of the five UINTR instructions.",
        description = {
            "Decodes 64-bit-mode bytes (prefixes, REX.B, ModRM.rm) as SENDUIPI, UIRET, TESTUI, CLUI "
                + "or STUI, and names the look-alike otherwise (VMXON, RDRAND, RDPID, RDPKRU, WRPKRU)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:the bytes are a UINTR instruction", " 1:they are not", " 2:not hex bytes"},
        footer = {"", "Example: uintr-harness isa decode f3410fc7f2   ->  senduipi %%r10 (5 bytes)"})
final class IsaDecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "HEXBYTES", arity = "1..*", description = "the bytes in hex; spaces allowed (f3 0f 01 ec)")
    List<String> hex;

    @Override
    public Integer call() {
        String joined = String.join("", hex).replaceAll("\\s+", "");
        if (joined.isEmpty() || joined.length() % 2 != 0 || !joined.matches("[0-9a-fA-F]+")) {
            throw new BadInputException("isa decode: '" + String.join(" ", hex) + "' is not hex bytes (e.g. f30fc7f0)");
        }
        byte[] bytes = java.util.HexFormat.of().parseHex(joined.toLowerCase(java.util.Locale.ROOT));
        Decoded d = Decoder.decode(bytes);
        PrintWriter out = spec.commandLine().getOut();
        if (d.isUintr()) {
            out.println(d.text() + " (" + d.length() + " bytes)");
        } else {
            out.println(d.text());
        }
        out.flush();
        return d.isUintr() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
