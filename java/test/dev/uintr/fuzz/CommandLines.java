package dev.uintr.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random command lines: a command, then some of its options, each with a value from a pool of
 * edge cases (empty, negative, past the maximum, other scripts' digits, files and folders that
 * exist, devices). Counts come from a pool whose valid values are small, so every line
 * finishes in seconds; what must hold for all of them is in the test.
 */
final class CommandLines {
    static final String[] COUNTS = {"-1", "0", "1", "2", "3", "10001", "100000001", "99999999999", "\uFF13", "", " ", "x", "0x10"};
    static final String[] WORDS = {"", " ", "all", "none", "auto", "native", "emulated", "both", "rfc-v1", "later", "csv",
        "table", "ktap", "junit-xml", "naive", "gp-fault", "null", "*", "uipi", "pipe", "pipe,,futex", ",", "\uFF11", "\u00e9",
        "two-sleepers", "uif.*", "0,1", "1,0", "0,0", "-1,2", "999999,0"};

    private CommandLines() {}

    static String[] next(Random r, Path keep, Path folder, Path fresh) {
        String[] paths = {keep.toString(), folder.toString(), "", " ", "/dev/null", keep.resolve("below").toString(), fresh.toString(),
            "fixtures/isa", "fixtures/isa/msr.csv", "fixtures", "-"};
        List<String> a = new ArrayList<>();
        switch (r.nextInt(11)) {
            case 0:
                a.add("probe");
                opt(a, r, "--format", WORDS);
                break;
            case 1:
                a.addAll(List.of("isa", "check"));
                a.add(pick(r, paths));
                break;
            case 2:
                a.addAll(List.of("isa", "decode", pick(r, new String[] {"f30fc7f0", "f3", "zz", "", "f3410fc7f2f3410fc7f2",
                    "\uFF11\uFF12", "0x" + "f".repeat(4000)})));
                break;
            case 3:
                a.addAll(List.of("isa", "bench"));
                opts(a, r, "--iterations", COUNTS, "--rounds", COUNTS, "--warmup", COUNTS);
                if (!a.contains("--iterations")) {
                    a.addAll(List.of("--iterations", "1000"));
                }
                break;
            case 4:
                a.addAll(List.of("kernel", "check"));
                opt(a, r, "--profile", WORDS);
                if (r.nextBoolean()) {
                    a.add(pick(r, paths));
                }
                break;
            case 5:
                a.add("conform");
                opts(a, r, "--backend", WORDS, "--profile", WORDS, "--case", WORDS,
                        "--format", WORDS, "--cases", paths);
                a.addAll(List.of("--seeds", pick(r, COUNTS)));
                break;
            case 6:
                a.add("explore");
                opts(a, r, "--design", WORDS, "--scenario", WORDS, "--profile", WORDS,
                        "--max-depth", COUNTS, "--format", WORDS, "--scenarios", paths);
                a.addAll(List.of("--max-states", pick(r, COUNTS)));
                break;
            case 7:
                a.addAll(List.of("report", "compare", pick(r, paths)));
                if (r.nextBoolean()) {
                    a.add(pick(r, paths));
                }
                opt(a, r, "--csv", paths);
                break;
            case 8:
                a.add("bench");
                opts(a, r, "--mechanisms", WORDS, "--rounds", COUNTS, "--warmup", COUNTS,
                        "--cpus", WORDS, "--timeout-ms", new String[] {"1", "0", "-5", "600001", "2000"}, "--backend", WORDS,
                        "--normalise-to", WORDS, "--expected-interval-ns", COUNTS);
                a.addAll(List.of("--iterations", pick(r, COUNTS), "--reports", pick(r, paths)));
                break;
            case 9:
                a.add("exec");
                opts(a, r, "--profile", WORDS, "--design", WORDS, "--timeout", COUNTS,
                        "--trace", paths);
                a.addAll(List.of("--", pick(r, new String[] {"/bin/true", "/dev/null", "fixtures", keep.toString(), ""})));
                break;
            default:
                a.addAll(List.of("run", "--quick", "--reports", pick(r, new String[] {keep.toString(), "", " ", "/dev/null",
                    keep.resolve("below").toString()})));
                break;
        }
        return a.toArray(String[]::new);
    }

    /** {@link #opt} for each (name, values) pair in order. */
    private static void opts(List<String> a, Random r, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            opt(a, r, (String) namesAndValues[i], (String[]) namesAndValues[i + 1]);
        }
    }

    private static void opt(List<String> a, Random r, String name, String[] values) {
        if (r.nextInt(3) == 0) {
            a.add(name);
            a.add(pick(r, values));
        }
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
