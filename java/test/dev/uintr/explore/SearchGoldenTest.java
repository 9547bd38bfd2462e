package dev.uintr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every search finds is pinned, not only its traces (issue 11: the explorer is made faster
 * without changing a result): per (scenario, profile, design) the states settled, depth,
 * coverage, the bound that stopped it, the worst-case counters, and per violated invariant the
 * switches, the move codes and the detail of its shortest counterexample.
 * {@code fixtures/search-golden/small.txt}: every shipped small scenario at the default bound;
 * {@code large.txt}: every large scenario cut at {@link #LARGE_BOUND} states. Regenerate after a
 * deliberate change of the model with {@code mvn test -Dtest=SearchGoldenTest -Dexplore.golden=update}
 * and review the diff; a faster search must leave both files alone.
 */
class SearchGoldenTest {
    static final Path GOLDEN = Path.of("fixtures/search-golden");
    static final Bound LARGE_BOUND = new Bound(6_000, 60);

    /** One cell's result as stable text (no wall time, no memory figure). */
    static String describe(Matrix.Cell c, SearchResult r) {
        StringBuilder b = new StringBuilder();
        SearchResult.Worst w = r.worst();
        b.append(c.scenario().name()).append(' ').append(c.profile().id()).append(' ').append(c.design().id())
                .append(" states=").append(r.states()).append(" depth=").append(r.depth())
                .append(" exhausted=").append(r.exhausted()).append(" cut=").append(r.depthCut())
                .append(" stop=").append(r.stoppedBy())
                .append(" worst=").append(w.victims()).append(',').append(w.spurious()).append(',').append(w.gpFixups())
                .append(',').append(w.emptyWakeups()).append(',').append(w.kernelVector()).append(',').append(w.lostIpis())
                .append('\n');
        for (Map.Entry<Invariant, Counterexample> e : r.found().entrySet()) {
            Counterexample x = e.getValue();
            b.append("  ").append(e.getKey().id()).append(' ').append(x.switches()).append("sw ")
                    .append(x.events()).append("ev moves=")
                    .append(x.moves().stream().map(m -> Integer.toString(m.code())).collect(Collectors.joining(" ")))
                    .append(" detail=").append(x.detail()).append('\n');
        }
        return b.toString();
    }

    static String all(Path dir, Bound bound, SearchOptions options) {
        StringBuilder b = new StringBuilder();
        for (Matrix.Cell c : Matrix.cells(ScenarioParser.loadAll(dir), List.of(AbiProfile.RFC_V1, AbiProfile.LATER),
                List.of(BlockingDesign.values()))) {
            if (World.notApplicable(c.scenario(), c.profile(), c.design()) != null) {
                continue;
            }
            b.append(describe(c, Explorer.search(World.build(c.scenario(), c.profile(), c.design()), bound, options)));
        }
        return b.toString();
    }

    static void check(String file, String text) throws IOException {
        Path f = GOLDEN.resolve(file);
        if ("update".equals(System.getProperty("explore.golden"))) {
            Files.createDirectories(GOLDEN);
            Files.writeString(f, text, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(f), "missing golden " + f + " (run with -Dexplore.golden=update and review)");
        assertEquals(Files.readString(f, StandardCharsets.UTF_8), text, "search results changed: " + f);
    }

    @Test
    void smallScenarios_resultsMatchGolden() throws IOException {
        check("small.txt", all(Path.of("fixtures/scenarios"), Bound.DEFAULT, SearchOptions.DEFAULT));
    }

    @Test
    void largeScenariosCut_resultsMatchGolden() throws IOException {
        check("large.txt", all(SearchWorkersTest.LARGE, LARGE_BOUND, SearchOptions.DEFAULT));
    }

    @Test
    void largeScenariosCut_twoWorkers_sameGolden() throws IOException {
        check("large.txt", all(SearchWorkersTest.LARGE, LARGE_BOUND, SearchOptions.DEFAULT.withWorkers(2)));
    }
}
