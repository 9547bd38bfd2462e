package dev.uintr.isa.vectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every row of every fixtures/isa/*.csv file, one dynamic test per row named by its id: a wrong row fails the build. */
class IsaVectorFixturesTest {
    static final Path FIXTURES = Path.of("fixtures", "isa");

    @TestFactory
    Stream<DynamicTest> everyFixtureRow() {
        List<Path> files = VectorCheck.expand(List.of(FIXTURES));
        return files.stream().flatMap(f -> VectorParser.parseFile(f).stream())
                .map(row -> DynamicTest.dynamicTest(row.id() + " (" + row.where() + ")", () -> {
                    VectorResult r = VectorRunner.run(row);
                    assertTrue(r.passed(), r::failureLine);
                }));
    }

    @Test
    void fixturesHoldAtLeast150Rows_issue3() {
        int rows = 0;
        for (Path f : VectorCheck.expand(List.of(FIXTURES))) {
            rows += VectorParser.parseFile(f).size();
        }
        assertTrue(rows >= 150, "fixtures/isa holds " + rows + " rows, the issue asks for at least 150");
    }
}
