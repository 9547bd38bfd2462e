package dev.uintr.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.program.CaseParser;
import dev.uintr.program.CaseSpec;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmulatedBackendTest {
    static final CaseSpec RACE = CaseParser.parse("e.case", String.join("\n",
            "case e.race",
            "profiles rfc-v1 later",
            "thread rx: register_handler; vector_fd 0 -> $fd; stui; barrier 1; mark M; spin_until deliveries>=1",
            "thread tx: barrier 1; register_sender $fd -> $idx; senduipi $idx",
            "outcome * FORBIDDEN \"x\"", "")).get(0);

    @Test
    void sameSeed_sameObservation() {
        EmulatedBackend b = new EmulatedBackend();
        for (long seed = 0; seed < 10; seed++) {
            assertEquals(b.runOnce(RACE, AbiProfile.LATER, seed).render(), b.runOnce(RACE, AbiProfile.LATER, seed).render());
        }
    }

    /**
     * uintr-kernel §4.1 exec: the handler registration and the UITT do not survive (unregister is
     * EINVAL, a SENDUIPI through the old index is SIGILL as without registration, §7.2
     * senduipi_instr), the uintr fd is closed on exec (O_CLOEXEC, §2.2 (c), §2.4 473), an eventfd
     * (no close-on-exec) stays; the named results go on. Both profiles, every seed.
     */
    @Test
    void exec_dropsHandlerUittAndUintrFds_keepsOtherFds_kernel4_1() {
        CaseSpec c = CaseParser.parse("e.case", String.join("\n",
                "case e.exec",
                "profiles rfc-v1 later",
                "thread rx: register_handler; vector_fd 0 -> $rfd; stui; fork k { eventfd -> $e; register_handler; "
                        + "vector_fd 1 -> $fd; register_sender $rfd -> $i; exec; unregister_handler; close $fd; close $e; "
                        + "senduipi $i; barrier 1 }; barrier 1",
                "outcome * FORBIDDEN \"x\"", "")).get(0);
        for (AbiProfile p : java.util.List.of(AbiProfile.RFC_V1, AbiProfile.LATER)) {
            for (long seed = 0; seed < 5; seed++) {
                assertEquals("rx: register_handler(): 0; vector_fd(0): fd; stui; fork(k); barrier(1) | k: eventfd(): fd; "
                        + "register_handler(): 0; vector_fd(1): fd; register_sender($rfd): 0; exec(): 0; "
                        + "unregister_handler(): EINVAL; close($fd): EBADF; close($e): 0; senduipi($i): SIGILL; barrier(1)",
                        new EmulatedBackend().runOnce(c, p, seed).render(), p + " seed " + seed);
            }
        }
    }

    /** Seeds pick interleavings: the delivery lands before and after rx's mark in different runs. */
    @Test
    void seeds_exploreInterleavings() {
        EmulatedBackend b = new EmulatedBackend();
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            seen.add(b.runOnce(RACE, AbiProfile.RFC_V1, seed).render());
        }
        assertTrue(seen.stream().anyMatch(o -> o.contains("mark(M); deliver(0)")), seen.toString());
        assertTrue(seen.stream().anyMatch(o -> o.contains("deliver(0); mark(M)")), seen.toString());
        assertEquals(40, b.run(RACE, AbiProfile.RFC_V1, 40).total());
    }

    /** rfc-v1 has no uintr_register_self (uintr-kernel §2.1): the model answers ENOSYS, as the runner does. */
    @Test
    void syscallOfAnotherGeneration_isEnosys_kernel2_1() {
        CaseSpec c = CaseParser.parse("e.case", "case e.self\nprofiles rfc-v1\nthread t: register_self 1 -> $i; senduipi $i\n"
                + "outcome * FORBIDDEN \"x\"\n").get(0);
        assertEquals("t: register_self(1): ENOSYS; senduipi($i): unbound",
                new EmulatedBackend().runOnce(c, AbiProfile.RFC_V1, 0).render());
    }
}
