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
                opt(a, r, "--iterations", COUNTS);
                opt(a, r, "--rounds", COUNTS);
                opt(a, r, "--warmup", COUNTS);
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
                opt(a, r, "--backend", WORDS);
                opt(a, r, "--profile", WORDS);
                opt(a, r, "--case", WORDS);
                opt(a, r, "--format", WORDS);
                opt(a, r, "--cases", paths);
                a.addAll(List.of("--seeds", pick(r, COUNTS)));
                break;
            case 6:
                a.add("explore");
                opt(a, r, "--design", WORDS);
                opt(a, r, "--scenario", WORDS);
                opt(a, r, "--profile", WORDS);
                opt(a, r, "--max-depth", COUNTS);
                opt(a, r, "--format", WORDS);
                opt(a, r, "--scenarios", paths);
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
                opt(a, r, "--mechanisms", WORDS);
                opt(a, r, "--rounds", COUNTS);
                opt(a, r, "--warmup", COUNTS);
                opt(a, r, "--cpus", WORDS);
                opt(a, r, "--timeout-ms", new String[] {"1", "0", "-5", "600001", "2000"});
                opt(a, r, "--backend", WORDS);
                opt(a, r, "--normalise-to", WORDS);
                opt(a, r, "--expected-interval-ns", COUNTS);
                a.addAll(List.of("--iterations", pick(r, COUNTS), "--reports", pick(r, paths)));
                break;
            case 9:
                a.add("exec");
                opt(a, r, "--profile", WORDS);
                opt(a, r, "--design", WORDS);
                opt(a, r, "--timeout", COUNTS);
                opt(a, r, "--trace", paths);
                a.addAll(List.of("--", pick(r, new String[] {"/bin/true", "/dev/null", "fixtures", keep.toString(), ""})));
                break;
            default:
                a.addAll(List.of("run", "--quick", "--reports", pick(r, new String[] {keep.toString(), "", " ", "/dev/null",
                    keep.resolve("below").toString()})));
                break;
        }
        return a.toArray(String[]::new);
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
