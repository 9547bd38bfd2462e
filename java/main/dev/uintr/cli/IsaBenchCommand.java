package dev.uintr.cli;

import dev.uintr.bench.RoundTripBench;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code uintr-harness isa bench}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure the emulated SENDUIPI -> IPI -> notification -> delivery -> UIRET round trip.",
        description = {
            "One processor runs the whole emulated path in a loop (every step's result is checked). "
                + "After the warm-up rounds each timed round reports its rate per second of the benchmark "
                + "thread's CPU time (one core's throughput, whatever else runs on the host) and per wall "
                + "second; the median per CPU second is the figure. "
                + "These are emulator numbers, not hardware latencies."},
        footer = {"", "Example: uintr-harness isa bench --rounds 9"})
final class IsaBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Largest --iterations (a round of 10^8 takes about 10-20 s). */
    static final long MAX_ITERATIONS = 100_000_000L;
    /** Largest --rounds and --warmup. */
    static final int MAX_ROUNDS = 1000;

    @Option(names = "--warmup", paramLabel = "<n>", defaultValue = "5", showDefaultValue = picocli.CommandLine.Help.Visibility.ALWAYS,
            description = "warm-up rounds (not timed), 0..1000")
    int warmup;

    @Option(names = "--rounds", paramLabel = "<n>", defaultValue = "9", showDefaultValue = picocli.CommandLine.Help.Visibility.ALWAYS,
            description = "timed rounds, 1..1000")
    int rounds;

    @Option(names = "--iterations", paramLabel = "<n>", defaultValue = "2000000", showDefaultValue = picocli.CommandLine.Help.Visibility.ALWAYS,
            description = "round trips per round, 1..100000000")
    long iterations;

    private static String rates(double[] xs) {
        StringBuilder sb = new StringBuilder();
        for (double x : xs) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2fM", x / 1e6));
        }
        return sb.toString();
    }

    @Override
    public Integer call() {
        if (rounds < 1 || rounds > MAX_ROUNDS || warmup < 0 || warmup > MAX_ROUNDS) {
            throw new dev.uintr.BadInputException("isa bench: --rounds must be 1.." + MAX_ROUNDS + ", --warmup 0.." + MAX_ROUNDS
                    + " (got " + rounds + ", " + warmup + ")");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new dev.uintr.BadInputException("isa bench: --iterations must be 1.." + MAX_ITERATIONS + ", got " + iterations);
        }
        PrintWriter err = spec.commandLine().getErr();
        int total = warmup + rounds;
        RoundTripBench.Result r = RoundTripBench.measure(warmup, rounds, iterations, done -> {
            err.printf("isa bench: round %d/%d done%n", done, total);  // progress: a round can take seconds
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "emulated round trips (SENDUIPI->IPI->notification->delivery->UIRET), one core, %d rounds x %d:%n",
                rounds, r.iterationsPerRound());
        out.println("per CPU second:  " + rates(r.roundsPerSecond()));
        out.println("per wall second: " + rates(r.roundsPerWallSecond()));
        out.printf(Locale.ROOT, "median: %.2f million round trips/s per CPU second%s (%.1f ns each); %.2f million per wall second%n",
                r.medianPerSecond() / 1e6, r.cpuTimeMeasured() ? "" : " (no thread CPU clock: wall time)",
                1e9 / r.medianPerSecond(), r.medianPerWallSecond() / 1e6);
        out.flush();
        return ExitCodes.OK;
    }
}
