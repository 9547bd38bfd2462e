package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uintr.backend.HostFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The uipi mechanisms on the host running the tests: skipped with the probe's reason where it
 * lacks UINTR or a uintr kernel (never measured, never a pass); measured where it has both.
 */
class UipiOnThisHostTest {
    private final HostFacts facts = dev.uintr.backend.HostProbe.probe();

    @Test
    void withoutUintr_uipiRowsAreSkippedWithAReason() {
        assumeTrue(UipiGate.skipReason(Mechanism.UIPI, facts).isPresent(), "this host can run UIPI");
        NativeLatencySource src = new NativeLatencySource(facts);
        BenchConfig cfg = Canned.config(List.of(Mechanism.UIPI, Mechanism.UIPI_BLOCKED), 50, true);
        for (Mechanism m : cfg.mechanisms()) {
            for (Mode mode : Mode.values()) {
                Measurement r = src.measure(m, mode, cfg);
                assertEquals(RowStatus.SKIPPED, r.status(), m + " " + mode);
                assertFalse(r.reason().isBlank(), "a skip says why");
                assertEquals(0, r.count());
            }
        }
    }

    @Test
    void withUintr_uipiIsMeasured() {
        assumeFalse(UipiGate.skipReason(Mechanism.UIPI, facts).isPresent(),
                () -> "UIPI cannot run here: " + UipiGate.skipReason(Mechanism.UIPI, facts).orElse(""));
        BenchConfig cfg = Canned.config(List.of(Mechanism.UIPI), 200, false);
        Measurement r = new NativeLatencySource(facts).measure(Mechanism.UIPI, Mode.ROUND_TRIP, cfg);
        assertEquals(RowStatus.OK, r.status(), r.reason());
        assertEquals(200, r.count());
    }
}
