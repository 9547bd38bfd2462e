package dev.uintr.isa;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A properties class as a table: a subclass lists its {@link SeededProperty} rows; every row is
 * run over every seed against the real model, and shown to fail against its broken one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PropertyTable {
    /** The rows, each with the real model and a model with one plausible bug. */
    abstract List<SeededProperty> properties();

    Stream<Arguments> propertyAndSeed() {
        return SeededProperty.withSeeds(properties());
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("propertyAndSeed")
    void propertyHolds(SeededProperty property, long seed) {
        property.holds(seed);
    }

    /** Each property, given a model with one plausible bug, fails: it would catch that bug. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("properties")
    void propertyCatchesABrokenModel(SeededProperty property) {
        property.catchesBrokenModel();
    }
}
