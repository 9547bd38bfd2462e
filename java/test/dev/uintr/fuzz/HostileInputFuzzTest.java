package dev.uintr.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.uintr.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our own seeded mutation fuzzer (issue 12) for the four fixture formats (ISA vectors, errno
 * rows, cases, scenarios) and the CLI options. Every input runs through the real command,
 * in-process; the test fails on exit 70, a stack trace, an OutOfMemoryError, a run past its
 * deadline, a file written over that the command did not create, or a file that is malformed on
 * purpose yet accepted (exit 0/1/4 where 2 is due).
 *
 * <p>CI runs {@value #DEFAULT_FILES} mutated files per format and {@value #DEFAULT_LINES} command
 * lines (a few tens of seconds). A release runs it longer, with a fresh seed:
 * <pre>
 * mvn -B -q test -Dtest=HostileInputFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfuzz.files=2000 -Dfuzz.lines=2000 -Dfuzz.seed=$RANDOM
 * </pre>
 * A failure names its seed and index and leaves the input under target/fuzz-failures/.
 */
class HostileInputFuzzTest {
    static final int DEFAULT_FILES = 40;
    static final int DEFAULT_LINES = 60;
    /** Longest one input may take (generous: the test machine is shared). */
    static final int DEADLINE_SECONDS = 60;

    private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    private static final int FILES = Integer.getInteger("fuzz.files", DEFAULT_FILES);
    private static final int LINES = Integer.getInteger("fuzz.lines", DEFAULT_LINES);
    private static final java.util.regex.Pattern STACK_FRAME = java.util.regex.Pattern.compile("\\n\\s+at [a-z][\\w.$]*\\(");
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** One fixture format: where its seeds are, how a file is named, how the CLI runs a folder of it. */
    enum Format {
        ISA("isa", ".csv") {
            @Override
            String[] command(Path dir, Path file) {
                return new String[] {"isa", "check", file.toString()};
            }
        },
        ERRNO("kernel", ".csv") {
            @Override
            String[] command(Path dir, Path file) {
                return new String[] {"kernel", "check", file.toString()};
            }
        },
        CASES("cases", ".case") {
            @Override
            String[] command(Path dir, Path file) {
                return new String[] {"conform", "--backend", "emulated", "--cases", dir.toString(), "--seeds", "2"};
            }
        },
        SCENARIOS("scenarios", ".txt") {
            @Override
            String[] command(Path dir, Path file) {
                return new String[] {"explore", "--scenarios", dir.toString(), "--max-states", "3000", "--format", "csv"};
            }
        };

        final String folder;
        final String ext;

        Format(String folder, String ext) {
            this.folder = folder;
            this.ext = ext;
        }

        abstract String[] command(Path dir, Path file);

        List<Path> seeds() throws IOException {
            try (var s = Files.list(Path.of("fixtures", folder))) {
                return s.filter(p -> p.getFileName().toString().endsWith(ext)).sorted().toList();
            }
        }
    }

    /** What one run printed and returned, or how it failed to return. */
    private record Outcome(int code, String out, String err, String problem) {}

    private static Outcome runBounded(String... args) {
        Future<CliRunner.Result> f = pool.submit(() -> CliRunner.run(args));
        try {
            CliRunner.Result r = f.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
            return new Outcome(r.exitCode(), r.out(), r.err(), null);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Outcome(-1, "", "", "no answer within " + DEADLINE_SECONDS + " s (a hang)");
        } catch (java.util.concurrent.ExecutionException e) {
            return new Outcome(-1, "", "", "escaped the CLI: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "", "", "interrupted");
        }
    }

    /** Null when the outcome is acceptable for any input; else what is wrong. */
    private static String verdict(Outcome o) {
        if (o.problem() != null) {
            return o.problem();
        }
        if (o.code() == 70) {
            return "exit 70 (internal error)";
        }
        if (o.code() != 0 && o.code() != 1 && o.code() != 2 && o.code() != 4) {
            return "exit " + o.code();
        }
        String all = o.out() + o.err();
        if (STACK_FRAME.matcher(all).find() || all.contains("Exception in") || all.contains("OutOfMemoryError")
                || all.contains("StackOverflowError") || all.contains("uintr-harness: internal error")) {
            return "a stack trace or internal error in the output";
        }
        return null;
    }

    private static void record(List<String> failures, String what, String problem, Path input, String[] args, Outcome o)
            throws IOException {
        Path dir = Path.of("target", "fuzz-failures", SEED + "-" + failures.size());
        Files.createDirectories(dir);
        if (input != null && Files.isRegularFile(input)) {
            Files.copy(input, dir.resolve(input.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve("command.txt"), String.join(" ", args) + "\nexit " + o.code() + "\n" + o.out() + "\n"
                + o.err());
        failures.add(what + ": " + problem + " (seed " + SEED + ", saved in " + dir + "); err: "
                + o.err().lines().limit(3).toList());
    }

    @Test
    void mutatedFixtures_neverCrash_andMalformedOnesAreRejected(@TempDir Path tmp) throws Exception {
        Random rnd = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (Format fmt : Format.values()) {
            List<Path> seeds = fmt.seeds();
            for (int i = 0; i < FILES; i++) {
                Path seed = seeds.get(rnd.nextInt(seeds.size()));
                byte[] original = Files.readAllBytes(seed);
                Mutation m = Mutator.mutate(original, rnd, fmt);
                Path dir = Files.createDirectories(tmp.resolve(fmt.name().toLowerCase() + "-" + i));
                Path file = dir.resolve(seed.getFileName());
                Files.write(file, m.bytes());
                String[] args = fmt.command(dir, file);
                Outcome o = runBounded(args);
                runs++;
                String problem = verdict(o);
                if (problem == null && m.malformed() && o.code() != 2) {
                    problem = "malformed on purpose (" + m.what() + ") but accepted: exit " + o.code();
                }
                if (problem != null) {
                    record(failures, fmt + " " + seed.getFileName() + " #" + i + " [" + m.what() + "]", problem, file, args, o);
                }
            }
        }
        assertTrue(runs >= 4 * FILES);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + runs + " mutated files went wrong:\n" + String.join("\n", failures));
        }
    }

    @Test
    void fuzzedCommandLines_neverCrash_andNeverWriteOverAFile(@TempDir Path tmp) throws Exception {
        Random rnd = new Random(SEED ^ 0x5DEECE66DL);
        Path keep = Files.writeString(tmp.resolve("keep.csv"), "mine, not the harness's\n");
        Path folder = Files.createDirectories(tmp.resolve("folder"));
        Files.writeString(folder.resolve("latency.csv"), "not a latency file\n");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            String[] args = CommandLines.next(rnd, keep, folder, tmp.resolve("new-" + i));
            Outcome o = runBounded(args);
            String problem = verdict(o);
            if (problem == null && !Files.readString(keep).equals("mine, not the harness's\n")) {
                problem = "wrote over " + keep;
            }
            if (problem == null && Files.exists(Path.of("runs"))) {
                problem = "created runs/ in the current folder";
            }
            if (problem == null && !Files.readString(folder.resolve("latency.csv")).equals("not a latency file\n")) {
                problem = "wrote over " + folder.resolve("latency.csv");
            }
            if (problem != null) {
                record(failures, "command line #" + i, problem, null, args, o);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + LINES + " command lines went wrong:\n" + String.join("\n", failures));
        }
    }
}
