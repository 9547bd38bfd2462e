package dev.uintr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.cli.CliRunner;
import dev.uintr.cli.ExitCodes;
import dev.uintr.kernel.BlockingDesign;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explore --shard I/N} slices and {@code explore merge} joining them back (issue 11). */
class ShardMergeTest {
    @TempDir
    Path tmp;

    @Test
    void shards_partitionTheMatrix_eachCellOnce() {
        List<Matrix.Cell> all = Matrix.cells(ScenarioParser.loadAll(Path.of("fixtures/scenarios")),
                List.of(AbiProfile.RFC_V1, AbiProfile.LATER), List.of(BlockingDesign.values()));
        for (int n = 1; n <= 7; n++) {
            Set<Matrix.Cell> seen = new HashSet<>();
            int total = 0;
            for (int i = 1; i <= n; i++) {
                List<Matrix.Cell> s = Matrix.shard(all, new Matrix.Shard(i, n));
                assertTrue(Math.abs(s.size() - all.size() / (double) n) < 1, "balanced: " + s.size());
                seen.addAll(s);
                total += s.size();
                assertEquals(s, Matrix.shard(all, Matrix.Shard.parse(i + "/" + n)), "deterministic");
            }
            assertEquals(all.size(), total);
            assertEquals(new HashSet<>(all), seen);
        }
    }

    @Test
    void badShard_namesTheOption() {
        for (String bad : List.of("0/3", "4/3", "1/0", "3", "a/b", "", "1/2/3")) {
            BadInputException e = assertThrows(BadInputException.class, () -> Matrix.Shard.parse(bad));
            assertTrue(e.getMessage().startsWith("--shard: "), e.getMessage());
        }
    }

    /** Three shards merged are what one run writes: same rows (wall time aside), byte-identical traces. */
    @Test
    void threeShardsMerged_equalOneRun() throws IOException {
        List<String> runs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path d = tmp.resolve("shard" + i);
            assertEquals(ExitCodes.OK, cli("explore", "--shard", i + "/3", "--out", d.toString(), "--format", "csv"));
            runs.add(d.toString());
        }
        assertEquals(ExitCodes.OK, cli("explore", "--out", tmp.resolve("one").toString(), "--format", "csv"));
        List<String> merge = new ArrayList<>(List.of("explore", "merge", "--out", tmp.resolve("merged").toString()));
        merge.addAll(runs);
        assertEquals(ExitCodes.OK, cli(merge.toArray(String[]::new)));
        assertEquals(withoutTime(tmp.resolve("one/explore.csv")), withoutTime(tmp.resolve("merged/explore.csv")));
        List<Path> one = traces(tmp.resolve("one/traces"));
        assertEquals(one.stream().map(Path::getFileName).toList(), traces(tmp.resolve("merged/traces")).stream()
                .map(Path::getFileName).toList());
        assertTrue(one.size() > 10);
        for (Path t : one) {
            assertEquals(Files.readString(t), Files.readString(tmp.resolve("merged/traces").resolve(t.getFileName())), t.toString());
        }
    }

    @Test
    void merge_refusesConflictingCells_andRunsWithoutCsv() throws IOException {
        String header = String.join(",", DesignComparison.CSV_COLUMNS);
        String row = "bystander,rfc-v1,naive,lost-wakeup,lost-wakeup,match,exhaustive,3,2,5,0,0,0,0,0,0,lost-wakeup:1sw/2ev";
        String other = row.replace(",3,2,5,", ",4,2,5,");
        assertEquals(header + "\n" + row + "\n", ShardMerge.csv(List.of(new ShardMerge.Csv("a", header + "\n" + row + "\n"),
                new ShardMerge.Csv("b", header + "\n" + row.replace(",3,2,5,", ",3,2,9,") + "\n"))));
        BadInputException e = assertThrows(BadInputException.class, () -> ShardMerge.csv(List.of(
                new ShardMerge.Csv("a", header + "\n" + row + "\n"), new ShardMerge.Csv("b", header + "\n" + other + "\n"))));
        assertTrue(e.getMessage().startsWith("b:2: cell bystander,rfc-v1,naive"), e.getMessage());
        assertEquals(ExitCodes.USAGE, cli("explore", "merge", "--out", tmp.resolve("m").toString(), tmp.toString()));
    }

    private static int cli(String... args) {
        return CliRunner.execute(new StringWriter(), new StringWriter(), args);
    }

    private static List<String> withoutTime(Path csv) throws IOException {
        int ms = DesignComparison.CSV_COLUMNS.indexOf("ms");
        return Files.readAllLines(csv).stream().map(l -> {
            String[] f = l.split(",", -1);
            f[ms] = "";
            return String.join(",", f);
        }).toList();
    }

    private static List<Path> traces(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
