package dev.uintr.nat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class HybridDirectTest {
    /** Where the supervisor can be called, its two per-stop calls are direct-mapped (not the proxy). */
    @Test
    void thePerStopCallsAreDirectMappedWhereTheSupervisorIsThere() {
        Assumptions.assumeTrue(UintrHybridLib.Calls.unavailableReason() == null,
                () -> String.valueOf(UintrHybridLib.Calls.unavailableReason()));
        assertTrue(HybridDirect.BOUND, "ush_hybrid_wait / ush_hybrid_apply not direct-mapped");
    }
}
