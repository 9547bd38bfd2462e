package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The benchmark's path is the real one and is checked; its speed is measured by 'isa bench', not here. */
class RoundTripBenchTest {
    @Test
    void everyRoundTripCompletes() {
        assertEquals(0, new RoundTripBench().run(10_000));
    }
}
