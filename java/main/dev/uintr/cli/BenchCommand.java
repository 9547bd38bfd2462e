package dev.uintr.cli;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.bench.BenchBackend;
import dev.uintr.bench.BenchConfig;
import dev.uintr.backend.HostProbe;
import dev.uintr.bench.BenchResults;
import dev.uintr.bench.BenchSession;
import dev.uintr.bench.CpuPair;
import dev.uintr.bench.Mechanism;
import dev.uintr.report.OutputFiles;
import dev.uintr.report.RunFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uintr-harness bench}: latency of the notification mechanisms, into CSV reports. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        header = "Measure notification latency (UIPI, signal, eventfd, pipe, unix, futex, shm-spin) into CSV reports.",
        description = {
            "Each mechanism runs as a ping-pong between two threads pinned to --cpus, in a forked child "
                + "with a timeout. Timestamps are RDTSCP inside the C loops; the TSC is calibrated against "
                + "CLOCK_MONOTONIC_RAW and the timer's own overhead is reported. Round trip always; one-way "
                + "too where the TSC is invariant.",
            "",
            "uipi and uipi-blocked run only on UINTR hardware with a uintr kernel and KPTI off; elsewhere "
                + "they are reported as skipped with the reason.",
            "",
            "--backend emulated (or both, or auto where the native uipi round trip was skipped) adds uipi "
                + "round-trip rows with backend 'emulated': the ISA emulator's SENDUIPI -> IPI -> notification -> "
                + "delivery -> UIRET path, on one emulated CPU (self-IPI) and as a ping-pong between two, timed in "
                + "Java over batches of 1000 round trips. They are the emulation cost of the Java model, not "
                + "hardware latency: never in relative.csv, dashed grey in latency.png.",
            "",
            "--backend hybrid (or auto where a native uipi round trip was skipped and the hybrid backend runs here) "
                + "adds round-trip rows with backend 'hybrid' for uipi and uipi-blocked: the real C loops under the "
                + "hybrid supervisor, their SENDUIPI/UIRET/STUI and uintr syscalls answered by the models of --profile. "
                + "They prove the loops deliver, count and end, and time the supervisor's cost, not hardware latency "
                + "(never in relative.csv). Each is followed by the host's bare ptrace floor, its tracer and tracee pinned "
                + "apart on --cpus (and again both on the first, for information); hybrid-floor.csv and the "
                + "console give hybrid round trips/s, the floor (stops/s, and /6 as round trips/s) and their ratio, "
                + "medians over --rounds. The other mechanisms run natively as usual.",
            "",
            "Mechanisms: uipi, uipi-blocked, signal, eventfd, eventfd-spin, pipe, unix, futex, shm-spin (or all)."},
        footer = {"", "Writes latency.csv, host.csv, relative.csv, latency.png (and hybrid-floor.csv) into reports/runs/<stamp>-<host>/ "
                + "(schema: reports/README.md). Compare runs with 'uintr-harness report compare RUN...'."},
        showDefaultValues = true)
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--mechanisms", split = ",", paramLabel = "<name>",
            description = "Mechanisms to measure, comma-separated (default: all).")
    List<String> mechanisms = List.of("all");

    @Option(names = "--iterations", paramLabel = "<n>", description = "Measured samples per mechanism and mode.")
    int iterations = BenchConfig.DEFAULT_ITERATIONS;

    @Option(names = "--warmup", paramLabel = "<n>", description = "Iterations run first and discarded.")
    int warmup = 1_000;

    @Option(names = "--rounds", paramLabel = "<n>",
            description = "Split the iterations into this many rounds, interleaved across the mechanisms, and merge "
                    + "the samples (a burst of interference then cannot ruin one mechanism's figures).")
    int rounds = BenchConfig.DEFAULT_ROUNDS;

    @Option(names = "--cpus", paramLabel = "<a,b>", description = "CPUs of the initiating and the responding thread.")
    String cpus = CpuPair.DEFAULT.toString();

    @Option(names = "--timeout-ms", paramLabel = "<ms>", description = "A mechanism's measurement is killed after this long.")
    int timeoutMs = 60_000;

    @Option(names = "--expected-interval-ns", paramLabel = "<ns>",
            description = "Add coordinated-omission-corrected figures for this request interval (0: none).")
    long expectedIntervalNs = 0;

    @Option(names = "--normalise-to", paramLabel = "<name>",
            description = "Baseline of relative.csv when uipi was not measured.")
    String normaliseTo = Mechanism.EVENTFD.id();

    @Option(names = "--backend", paramLabel = "<auto|native|emulated|both|hybrid>",
            description = "native: the C loops only; emulated: the emulated uipi round trips only; both; hybrid: native "
                    + "plus uipi and uipi-blocked under the hybrid supervisor with the ptrace floor; auto: native, plus "
                    + "the emulated and hybrid uipi rows where the native uipi round trips are skipped.")
    String backend = BenchBackend.AUTO.id();

    @Option(names = "--profile", paramLabel = "<rfc-v1|later>",
            description = "The ABI profile whose models answer the hybrid rows (syscall numbers and semantics).")
    String profile = BenchSession.DEFAULT_HYBRID_PROFILE.id();

    @Option(names = "--no-one-way", description = "Measure round trips only.")
    boolean noOneWay;

    @Option(names = "--reports", paramLabel = "<dir>", description = "Reports root; the run lands in <dir>/runs/<stamp>-<host>/. Default: reports/ of the repository.")
    Path reports;

    @Override
    public Integer call() {
        Path root = reports != null ? OutputFiles.reportsRoot("--reports", reports) : HarnessPaths.reports();
        BenchConfig cfg = new BenchConfig(Mechanism.parseList(mechanisms, "--mechanisms"), iterations, warmup,
                CpuPair.parse(cpus, "--cpus").requireAllowed(CpuPair.allowedListOfThisProcess(), "--cpus"), timeoutMs, expectedIntervalNs,
                Mechanism.parse(normaliseTo, "--normalise-to"), !noOneWay, rounds,
                BenchBackend.parse(backend, "--backend"));
        AbiProfile p;
        try {
            p = AbiProfile.parse(profile);
        } catch (BadInputException e) {
            throw new BadInputException("--profile: " + e.getMessage(), e);
        }
        if (p == AbiProfile.NONE) {
            throw new BadInputException("--profile none has no uintr syscalls to emulate (expected rfc-v1 or later)");
        }
        RunFolder folder = RunFolder.create(root);
        return BenchResults.run(cfg, HostProbe.probe(), folder, spec.commandLine().getOut(), p).verdict().exitCode();
    }
}
