package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.backend.Tri;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UipiGateTest {

    @Test
    void noCpuidBit_skipsNamingTheBit_uintrKernel1_6() {
        // uintr-kernel §1.6: without UINTR the instructions raise #UD; CPUID.(7,0):EDX[5] says so first.
        Optional<String> why = UipiGate.skipReason(Mechanism.UIPI, Canned.facts(Tri.NO, AbiProfile.LATER, Tri.NO));
        assertTrue(why.orElseThrow().contains("CPUID.(7,0):EDX[5] = 0"), why.toString());
    }

    @Test
    void unknownCpuid_skips() {
        assertTrue(UipiGate.skipReason(Mechanism.UIPI_BLOCKED, Canned.facts(Tri.UNKNOWN, AbiProfile.LATER, Tri.NO))
                .orElseThrow().contains("unknown"));
    }

    @Test
    void noUintrKernel_skipsNamingTheKernel_designItem8() {
        Optional<String> why = UipiGate.skipReason(Mechanism.UIPI, Canned.facts(Tri.YES, AbiProfile.NONE, Tri.NO));
        assertTrue(why.orElseThrow().contains("no uintr syscalls"), why.toString());
    }

    @Test
    void kptiOn_skips() {
        Optional<String> why = UipiGate.skipReason(Mechanism.UIPI, Canned.facts(Tri.YES, AbiProfile.RFC_V1, Tri.YES));
        assertTrue(why.orElseThrow().contains("KPTI"), why.toString());
    }

    @Test
    void uintrHost_runsBothUipiMechanisms() {
        for (AbiProfile abi : new AbiProfile[] {AbiProfile.RFC_V1, AbiProfile.LATER}) {
            assertEquals(Optional.empty(), UipiGate.skipReason(Mechanism.UIPI, Canned.facts(Tri.YES, abi, Tri.NO)));
            assertEquals(Optional.empty(), UipiGate.skipReason(Mechanism.UIPI_BLOCKED, Canned.facts(Tri.YES, abi, Tri.NO)));
        }
    }

    @Test
    void baselines_areNeverGated() {
        for (Mechanism m : Mechanism.values()) {
            if (!m.needsUintr()) {
                assertEquals(Optional.empty(), UipiGate.skipReason(m, Canned.facts(Tri.NO, AbiProfile.NONE, Tri.YES)), m.id());
            }
        }
    }
}
