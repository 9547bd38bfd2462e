package dev.uintr.explore;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.kernel.BlockingDesign;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the explore output of several runs (the shards of one matrix, {@code explore --shard})
 * into what one run over the whole matrix writes: explore.csv rows in matrix order (scenario
 * name, then profile, then design) and each traces/&lt;design&gt;-&lt;scenario&gt;.txt with its
 * counterexample blocks in profile order. A cell present in two runs must have the same row
 * (wall time aside), or the merge is refused.
 */
public final class ShardMerge {
    private ShardMerge() {}

    /** One run's explore.csv text, named for messages. */
    public record Csv(String name, String text) {}

    private static final int MS = DesignComparison.CSV_COLUMNS.indexOf("ms");
    private static final int STATUS = DesignComparison.CSV_COLUMNS.indexOf("status");

    /** The merged explore.csv. */
    public static String csv(List<Csv> runs) {
        String header = String.join(",", DesignComparison.CSV_COLUMNS);
        Map<String, String[]> cells = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> before = new LinkedHashMap<>();   // scenario → scenarios some run lists after it
        for (Csv run : runs) {
            String last = null;
            List<String> lines = run.text().lines().toList();
            if (lines.isEmpty() || !lines.get(0).equals(header)) {
                throw new BadInputException(run.name() + ":1: not an explore.csv header (expected '" + header + "')");
            }
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] f = lines.get(i).split(",", -1);
                if (f.length != DesignComparison.CSV_COLUMNS.size()) {
                    throw new BadInputException(run.name() + ":" + (i + 1) + ": " + f.length + " columns, expected "
                            + DesignComparison.CSV_COLUMNS.size());
                }
                profileIndex(run.name(), i + 1, f[1]);
                designIndex(run.name(), i + 1, f[2]);
                before.computeIfAbsent(f[0], k -> new java.util.LinkedHashSet<>());
                if (last != null && !last.equals(f[0])) {
                    before.get(last).add(f[0]);
                }
                last = f[0];
                String key = f[0] + "," + f[1] + "," + f[2];
                String[] old = cells.putIfAbsent(key, f);
                if (old != null && !sameBesidesTime(old, f)) {
                    throw new BadInputException(run.name() + ":" + (i + 1) + ": cell " + key
                            + " is in two runs with different results");
                }
            }
        }
        Map<String, Integer> order = scenarioOrder(before);
        List<String[]> rows = new ArrayList<>(cells.values());
        rows.sort(Comparator.<String[]>comparingInt(r -> order.get(r[0])).thenComparingInt(r -> profileIndex("", 0, r[1]))
                .thenComparingInt(r -> designIndex("", 0, r[2])));
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (String[] r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        return sb.toString();
    }

    /**
     * The scenarios in the order the runs list them (each run's order is a part of the one
     * order of the whole matrix, the scenario files' names); where no run orders two scenarios,
     * by "name.txt", the file name a scenario usually has.
     */
    private static Map<String, Integer> scenarioOrder(Map<String, java.util.Set<String>> after) {
        Map<String, Integer> preceding = new java.util.HashMap<>();
        after.keySet().forEach(k -> preceding.put(k, 0));
        after.values().forEach(s -> s.forEach(k -> preceding.merge(k, 1, Integer::sum)));
        java.util.TreeSet<String> ready = new java.util.TreeSet<>(Comparator.comparing(n -> n + ".txt"));
        preceding.forEach((k, v) -> {
            if (v == 0) {
                ready.add(k);
            }
        });
        Map<String, Integer> order = new java.util.HashMap<>();
        while (!ready.isEmpty()) {
            String n = ready.pollFirst();
            order.put(n, order.size());
            for (String m : after.get(n)) {
                if (preceding.merge(m, -1, Integer::sum) == 0) {
                    ready.add(m);
                }
            }
        }
        if (order.size() != after.size()) {
            throw new BadInputException("explore merge: the runs list their scenarios in contradicting orders");
        }
        return order;
    }

    /** How many rows of a merged explore.csv say MISMATCH. */
    public static long mismatches(String csv) {
        return csv.lines().skip(1).filter(l -> !l.isBlank()).filter(l -> l.split(",", -1)[STATUS].equals("MISMATCH")).count();
    }

    private static boolean sameBesidesTime(String[] a, String[] b) {
        for (int i = 0; i < a.length; i++) {
            if (i != MS && !a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * One trace file from its parts in several runs: the counterexample blocks (each starts with
     * a "= scenario" line) ordered by profile, blocks of one profile kept in their order and
     * taken from the first run that has them.
     */
    public static String trace(String name, List<String> parts) {
        Map<Integer, String> byProfile = new java.util.TreeMap<>();
        for (String part : parts) {
            Map<Integer, StringBuilder> mine = new LinkedHashMap<>();
            StringBuilder cur = null;
            for (String line : part.split("(?<=\n)")) {
                if (line.startsWith("= scenario ")) {
                    int p = profileOfHeader(name, line);
                    cur = mine.computeIfAbsent(p, k -> new StringBuilder());
                }
                if (cur == null) {
                    throw new BadInputException(name + ": does not start with a '= scenario' line");
                }
                cur.append(line);
            }
            for (var e : mine.entrySet()) {
                byProfile.putIfAbsent(e.getKey(), e.getValue().toString());
            }
        }
        return String.join("", byProfile.values());
    }

    private static int profileOfHeader(String file, String header) {
        int at = header.indexOf(" · profile ");
        if (at < 0) {
            throw new BadInputException(file + ": trace header without a profile: " + header.strip());
        }
        String rest = header.substring(at + " · profile ".length());
        int end = rest.indexOf(' ');
        return profileIndex(file, 0, end < 0 ? rest.strip() : rest.substring(0, end));
    }

    private static int profileIndex(String file, int line, String id) {
        List<AbiProfile> order = List.of(AbiProfile.RFC_V1, AbiProfile.LATER);
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new BadInputException(file + ":" + line + ": unknown profile '" + id + "'");
    }

    private static int designIndex(String file, int line, String id) {
        BlockingDesign[] order = BlockingDesign.values();
        for (int i = 0; i < order.length; i++) {
            if (order[i].id().equals(id)) {
                return i;
            }
        }
        throw new BadInputException(file + ":" + line + ": unknown design '" + id + "'");
    }
}
