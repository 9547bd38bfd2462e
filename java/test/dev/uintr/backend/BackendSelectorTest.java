package dev.uintr.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import org.junit.jupiter.api.Test;

class BackendSelectorTest {
    @Test
    void nativeOnlyWhenEveryFactHolds() {
        var c = BackendSelector.choose(true, "ok", Tri.YES, AbiProfile.LATER, Tri.NO);
        assertEquals(BackendKind.NATIVE, c.kind());
        assertTrue(c.reason().contains("later"));
    }

    @Test
    void eachMissingFact_forcesEmulated_andIsNamed() {
        assertMissing(BackendSelector.choose(false, "no gcc", Tri.YES, AbiProfile.LATER, Tri.NO), "no gcc");
        assertMissing(BackendSelector.choose(true, "ok", Tri.NO, AbiProfile.LATER, Tri.NO), "CPUID.(7,0):EDX[5] = 0");
        assertMissing(BackendSelector.choose(true, "ok", Tri.UNKNOWN, AbiProfile.LATER, Tri.NO), "could not be read");
        assertMissing(BackendSelector.choose(true, "ok", Tri.YES, AbiProfile.NONE, Tri.NO), "no uintr syscalls");
        assertMissing(BackendSelector.choose(true, "ok", Tri.YES, AbiProfile.RFC_V1, Tri.YES), "KPTI is on");
    }

    @Test
    void unknownKpti_doesNotBlockNative() {
        assertEquals(BackendKind.NATIVE, BackendSelector.choose(true, "ok", Tri.YES, AbiProfile.RFC_V1, Tri.UNKNOWN).kind());
    }

    private static void assertMissing(BackendSelector.Choice c, String reasonPart) {
        assertEquals(BackendKind.EMULATED, c.kind());
        assertTrue(c.reason().contains(reasonPart), c.reason());
    }
}
