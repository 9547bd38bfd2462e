package dev.uintr.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.hybrid.HybridAvailability;
import dev.uintr.program.CaseParser;
import dev.uintr.program.CaseSpec;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What hybrid cannot answer is SKIP with the reason, checked per case (never run, never a pass); the rest runs. */
class HybridSkipTest {
    static CaseSpec spec(String profiles, String threads) {
        return CaseParser.parse("h.case", "case h.c\nprofiles " + profiles + "\n" + threads + "outcome * FORBIDDEN \"x\"\n").get(0);
    }

    static void needsHybrid() {
        Assumptions.assumeTrue(HybridAvailability.available(), () -> "hybrid unavailable: " + HybridAvailability.reason());
        Assumptions.assumeTrue(NativeBackendRunner.unavailable() == null, () -> String.valueOf(NativeBackendRunner.unavailable()));
    }

    /** The supervisor answers ioctl on uintr fds (SupervisionTest): such a case runs. */
    @Test
    void ioctlOnAUintrFd_runs() {
        needsHybrid();
        assertEquals(Optional.empty(), new HybridBackend().skipReason(spec("later", "thread t: ipi_fd -> $f; ioctl $f 0x7500\n"),
                AbiProfile.LATER));
    }

    /** A signal ends a model-held wait under hybrid (SupervisionTest): such a case runs. */
    @Test
    void signalToAModelHeldWait_runs() {
        needsHybrid();
        assertEquals(Optional.empty(), new HybridBackend().skipReason(
                spec("rfc-v1", "thread t: register_handler; uintr_wait 0\nthread u: signal t SIGUSR1\n"), AbiProfile.RFC_V1));
        assertEquals(Optional.empty(), new HybridBackend().skipReason(
                spec("rfc-v1", "thread t: nanosleep 1000\nthread u: signal t SIGUSR1\n"), AbiProfile.RFC_V1));
    }

    @Test
    void wrapperDesign_isSkipWithTheReason() {
        CaseSpec c = CaseParser.parse("h.case", "case h.c\nprofiles rfc-v1\ndesign send-wrapper\nthread t: stui\n"
                + "outcome * FORBIDDEN \"x\"\n").get(0);
        String why = new HybridBackend().skipReason(c, AbiProfile.RFC_V1).orElse("");
        assertTrue(why.contains("needs a send wrapper"), why);
    }
}
