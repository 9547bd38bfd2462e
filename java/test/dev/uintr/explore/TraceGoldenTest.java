package dev.uintr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The trace layout is pinned by golden files (style.md §2: a format change is a reviewed
 * diff): fixtures/traces/PROFILE-DESIGN-SCENARIO.txt holds every counterexample of that pair.
 * After a deliberate change, regenerate with {@code mvn test -Dtest=TraceGoldenTest -Dexplore.golden=update}
 * and review the diff.
 */
class TraceGoldenTest {
    static final Path GOLDEN = Path.of("fixtures/traces");

    @Test
    void everyCounterexample_matchesItsGoldenFile() throws IOException {
        boolean update = "update".equals(System.getProperty("explore.golden"));
        List<PairResult> rows = DesignComparison.run(ScenarioParser.loadAll(Path.of("fixtures/scenarios")),
                List.of(AbiProfile.RFC_V1, AbiProfile.LATER), List.of(BlockingDesign.values()), Bound.DEFAULT);
        Set<String> expectedFiles = new HashSet<>();
        for (PairResult r : rows) {
            if (!r.applicable() || r.result().found().isEmpty()) {
                continue;
            }
            String name = r.profile().id() + "-" + r.design().id() + "-" + r.scenario().name() + ".txt";
            expectedFiles.add(name);
            String text = DesignComparison.traces(r);
            Path f = GOLDEN.resolve(name);
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(f, text, StandardCharsets.UTF_8);
            }
            assertTrue(Files.exists(f), "missing golden " + f + " (run with -Dexplore.golden=update and review)");
            assertEquals(Files.readString(f, StandardCharsets.UTF_8), text, "trace of " + name + " changed");
        }
        try (Stream<Path> s = Files.list(GOLDEN)) {
            for (Path p : s.toList()) {
                assertTrue(expectedFiles.contains(p.getFileName().toString()), "stale golden file " + p);
            }
        }
    }

    @Test
    void traceLayout_columnsPerCpu_switchMarks_shortThenDetailed_noHashCodes() {
        Scenario s = ScenarioParser.parse(Path.of("fixtures/scenarios/bystander.txt"));
        World w = World.build(s, AbiProfile.RFC_V1, BlockingDesign.NAIVE);
        Counterexample c = Explorer.search(w, Bound.DEFAULT).found().get(Invariant.LOST_WAKEUP);
        String t = TraceFormatter.render(World.build(s, AbiProfile.RFC_V1, BlockingDesign.NAIVE), c);
        List<String> lines = t.lines().toList();
        assertEquals("= scenario bystander · profile rfc-v1 · design naive · invariant lost-wakeup · 1 switch, 2 events =",
                lines.get(0));
        assertTrue(lines.get(2).startsWith("| CPU0 ") && lines.get(2).contains("| CPU1 "), lines.get(2));
        int shortEnd = lines.indexOf("Detailed trace:");
        assertTrue(shortEnd > 0, t);
        assertFalse(lines.subList(0, shortEnd).stream().anyMatch(l -> l.contains("STATE:")), "short trace: events only");
        assertTrue(lines.subList(shortEnd, lines.size()).stream().anyMatch(l -> l.contains("STATE:")), "detailed: STATE lines");
        assertTrue(t.contains("| switch "), t);
        assertTrue(t.contains("rx.UPID ON:=1 PIR:=0x8"), "values written are shown: " + t);
        assertFalse(t.matches("(?s).*@[0-9a-f]{6,}.*"), "no identity hash codes");
    }
}
