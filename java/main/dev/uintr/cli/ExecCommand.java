package dev.uintr.cli;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.hybrid.HybridAvailability;
import dev.uintr.hybrid.HybridSession;
import dev.uintr.hybrid.HybridTrace;
import dev.uintr.hybrid.ProgramCheck;
import dev.uintr.kernel.BlockingDesign;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code exec}: an unmodified UINTR program on this host, its UINTR instructions and syscalls answered by the models. */
@Command(name = "exec",
        header = "Run a program built with gcc -muintr as if on a UINTR machine with a uintr kernel (hybrid backend).",
        description = {
            "The program runs for real under ptrace: its threads, memory, scheduling and every other syscall "
                + "are this host's. Only what this CPU and kernel lack is trapped and answered by the models: "
                + "SENDUIPI, UIRET, STUI, CLUI, TESTUI (#UD here) and the profile's uintr syscalls (stopped by a "
                + "seccomp filter). Deliveries are written onto the thread's real stack as the ISA model builds them.",
            "",
            "stdin, stdout and stderr pass through; the program sees UINTR_HARNESS_PROFILE=<profile>. The exit "
                + "status is the program's (a death by signal N is 128+N); 124 when --timeout killed it; messages "
                + "of the harness itself start with 'uintr-harness:'."},
        footer = {"", "Example: uintr-harness exec --profile later --trace uintr.trace -- ./ping-pong 1000"})
public final class ExecCommand implements Callable<Integer> {
    /** The exit status when --timeout ended the program (as timeout(1) reports it). */
    public static final int TIMED_OUT = 124;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "<rfc-v1|later>", defaultValue = "later",
            description = "uintr kernel ABI to emulate (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--design", paramLabel = "<design>",
            description = "blocking design of the model kernel (a name explore --help lists, e.g. kernel-vector or gp-fault; "
                    + "default: the profile's own)")
    String design;

    @Option(names = "--trace", paramLabel = "<file>", description = "write one line per UINTR event to this new file (an existing one is never written over)")
    Path trace;

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "0",
            description = "kill the program tree after this many seconds, exit 124 (default: no limit)")
    long timeoutSeconds;

    @Parameters(paramLabel = "PROGRAM ARGS", arity = "1..*", description = "the program and its arguments (after --)")
    List<String> argv;

    @Override
    public Integer call() throws IOException {
        AbiProfile p = AbiProfile.parse(profile);
        if (p == AbiProfile.NONE) {
            throw new BadInputException("--profile none has no uintr syscalls to emulate (expected rfc-v1 or later)");
        }
        BlockingDesign d = design == null ? null : BlockingDesign.parse(design);
        if (timeoutSeconds < 0 || timeoutSeconds > 86_400) {
            throw new BadInputException("--timeout " + timeoutSeconds + " is out of range (0..86400 seconds)");
        }
        ProgramCheck.resolve(argv.get(0));
        if (trace != null) {
            dev.uintr.report.OutputFiles.newFile("--trace", trace);      // never written over (issue 12)
        }
        String why = HybridAvailability.reason();
        if (why != null) {
            spec.commandLine().getErr().println("uintr-harness: the hybrid backend is not available here: " + why);
            return ExitCodes.ALL_SKIPPED;
        }
        Writer traceOut = null;
        if (trace != null) {
            try {
                traceOut = Files.newBufferedWriter(trace, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
            } catch (java.io.IOException e) {
                throw new BadInputException("--trace " + trace + ": cannot create it: " + dev.uintr.FixtureText.reason(e), e);
            }
        }
        HybridSession.Outcome o;
        try {
            o = new HybridSession(p, HybridSession.config(p, d), new HybridTrace(traceOut))
                    .exec(argv, (int) Math.min(Integer.MAX_VALUE, timeoutSeconds * 1000));
        } finally {
            if (traceOut != null) {
                traceOut.close();
            }
        }
        if (o.error() != null) {
            spec.commandLine().getErr().println("uintr-harness: " + o.error());
            return ExitCodes.FAILED;
        }
        if (o.timedOut()) {
            spec.commandLine().getErr().println("uintr-harness: " + argv.get(0) + " killed after --timeout " + timeoutSeconds + " s");
            return TIMED_OUT;
        }
        return o.exitCode();
    }
}
