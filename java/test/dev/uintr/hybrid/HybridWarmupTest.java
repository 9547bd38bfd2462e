package dev.uintr.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uintr.AbiProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The warm-up answers a whole made-up ping-pong through the session's own paths: every round trip
 * gets its delivery (the warm-up throws when a frame is missing), on both profiles.
 */
class HybridWarmupTest {
    @ParameterizedTest
    @EnumSource(value = AbiProfile.class, names = {"RFC_V1", "LATER"})
    void everyMadeUpRoundTripIsDelivered(AbiProfile p) {
        assertEquals(500, new HybridWarmup(p).pingPong(500, 60_000_000_000L));
    }

    @ParameterizedTest
    @EnumSource(value = AbiProfile.class, names = {"LATER"})
    void stopsAtItsTimeBudget(AbiProfile p) {
        assertEquals(0, new HybridWarmup(p).pingPong(1000, 0));
    }
}
