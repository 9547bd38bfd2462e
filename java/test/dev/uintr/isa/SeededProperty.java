package dev.uintr.isa;

import dev.uintr.testing.PropertyRun;
import dev.uintr.testing.SeededGenerator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One property of a properties class as a row of its table: a name that says what it checks and
 * where the spec says so, how many draws per seed, the check against the real model, and the same
 * check against a model with one plausible bug, which must fail somewhere over the seeds.
 */
record SeededProperty(String name, int cases, Consumer<SeededGenerator> real, Consumer<SeededGenerator> broken) {

    /** Every property with every seed of {@link SeededGenerator#seeds()}, as (property, seed) arguments. */
    static Stream<Arguments> withSeeds(List<SeededProperty> properties) {
        return properties.stream().flatMap(p -> SeededGenerator.seeds().mapToObj(seed -> Arguments.of(p, seed)));
    }

    /** The property holds for {@link #cases} draws from {@code seed} on the real model. */
    void holds(long seed) {
        PropertyRun.cases(seed, cases, real);
    }

    /** The property fails on the broken model: it would catch that bug. */
    void catchesBrokenModel() {
        PropertyRun.assertCaught(cases, broken);
    }

    @Override
    public String toString() {
        return name;
    }
}
