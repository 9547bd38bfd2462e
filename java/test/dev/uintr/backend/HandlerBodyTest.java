package dev.uintr.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.program.CaseParser;
import dev.uintr.program.CaseSpec;
import org.junit.jupiter.api.Test;

/** Handler bodies and frame observations on the emulated backend (issue 9 item 1). */
class HandlerBodyTest {
    static CaseSpec selfIpi(String profiles, String before, String handler) {
        return CaseParser.parse("h.case", String.join("\n", "case h.x", "profiles " + profiles,
                "thread t: register_handler; " + before + "vector_fd 4 -> $fd; register_sender $fd -> $idx; stui; senduipi $idx; "
                        + "spin_until deliveries>=1; testui",
                "handler t: " + handler, "outcome * FORBIDDEN \"x\"", "")).get(0);
    }

    /** uintr-isa §9: delivery clears UIF, so TESTUI in the handler is 0; §7.4: UIRET sets it again. */
    @Test
    void testuiInTheHandlerIsZero_isa9_7_4() {
        for (AbiProfile p : new AbiProfile[] {AbiProfile.RFC_V1, AbiProfile.LATER}) {
            for (long seed = 0; seed < 10; seed++) {
                String o = new EmulatedBackend().runOnce(selfIpi("rfc-v1 later", "", "testui; deliveries"), p, seed).render();
                assertTrue(o.contains("deliver(4){testui: 0, deliveries: 1}"), o);
                assertTrue(o.endsWith("testui: 1"), o);
            }
        }
    }

    /** uintr-isa §9 subtract mode with Linux's STACKADJUST = 128 (kernel §2.4 471): entry RSP = ((RSP - 128) & ~15) - 32. */
    @Test
    void frameBelowTheRedZone_isa9() {
        String o = new EmulatedBackend().runOnce(selfIpi("later", "", "frame"), AbiProfile.LATER, 0).render();
        assertTrue(o.contains("deliver(4){frame(rsp=stack-128, rip=user, if=1)}"), o);
    }

    /** uintr-kernel §2.4 478 (STACKADJUST = sp | 1) and isa §9 load mode: the frame lies just below the address given. */
    @Test
    void altStackLoadMode_framesBelowTheAddressGiven_kernel2_4_isa9() {
        String base = new EmulatedBackend().runOnce(selfIpi("later", "alt_stack b 4096; ", "frame"), AbiProfile.LATER, 0).render();
        assertTrue(base.contains("deliver(4){frame(rsp=below(b), rip=user, if=1)}"), base);
        String top = new EmulatedBackend().runOnce(selfIpi("later", "alt_stack b+4096 4096; ", "frame"), AbiProfile.LATER, 0).render();
        assertTrue(top.contains("deliver(4){frame(rsp=in(b), rip=user, if=1)}"), top);
        String cleared = new EmulatedBackend().runOnce(selfIpi("later", "alt_stack b 4096; alt_stack 0 0; ", "frame"),
                AbiProfile.LATER, 0).render();
        assertTrue(cleared.contains("deliver(4){frame(rsp=stack-128, rip=user, if=1)}"), cleared);
    }

    /** A post from the handler (UIF = 0) waits in UIRR (isa §8) and is delivered after UIRET (§9): never nested. */
    @Test
    void repostFromTheHandler_deliveredAfterUiret_isa8_9() {
        CaseSpec c = selfIpi("rfc-v1 later", "", "deliveries; senduipi $idx if deliveries<3");
        String o = new EmulatedBackend().runOnce(c, AbiProfile.RFC_V1, 2).render();
        assertTrue(o.contains("deliver(4){deliveries: 1, senduipi($idx): ok}; deliver(4){deliveries: 2, senduipi($idx): ok}; "
                + "deliver(4){deliveries: 3}"), o);
        assertEquals(3, o.split("deliver\\(", -1).length - 1, o);
    }

    @Test
    void frameClassesMatchTheNativeHandlersArithmetic() {
        long rsp = 0x7ffe0000_1238L;
        long entry = ((rsp - 128) & ~0xFL) - 32;
        assertEquals(1 | 4 | 8, dev.uintr.program.FrameView.classify(entry, 0x401000, 0x246, rsp, 0, 0));
        assertEquals(0 | 8, dev.uintr.program.FrameView.classify(entry + 16, 0, 0x246, rsp, 0, 0));
        assertEquals(3 | 4, dev.uintr.program.FrameView.classify(0x10000 - 32, 0x401000, 0x2, rsp, 0x10000, 4096));
        assertEquals(2 | 4, dev.uintr.program.FrameView.classify(0x10000 + 4096 - 32, 0x401000, 0x2, rsp, 0x10000, 4096));
    }

    /**
     * The pushed RIP against the interrupted point, exact (uintr-isa §9 "address of the next
     * instruction"): right after STUI when the post waited in UIRR until STUI (§7.2, §8), right
     * after SYSCALL when it was delivered on a syscall's return to user mode (uintr-kernel §4.3);
     * a spinning thread shows only "user". Both profiles, several seeds.
     */
    @Test
    void savedRipIsExactlyTheInterruptedPoint_isa7_2_9_kernel4_3() {
        CaseSpec stui = CaseParser.parse("h.case", String.join("\n", "case h.stui", "profiles rfc-v1 later",
                "thread t: register_handler; vector_fd 4 -> $fd; register_sender $fd -> $idx; clui; senduipi $idx; spin 100; stui; "
                        + "spin_until deliveries>=1",
                "handler t: frame", "outcome * FORBIDDEN \"x\"", "")).get(0);
        CaseSpec sleep = CaseParser.parse("h.case", String.join("\n", "case h.sleep", "profiles rfc-v1 later",
                "thread rx: register_handler; vector_fd 0 -> $fd; stui; barrier 1; nanosleep 200000; barrier 2",
                "thread tx: barrier 1; register_sender $fd -> $idx; sleep 20000; senduipi $idx; barrier 2",
                "handler rx: frame", "outcome * FORBIDDEN \"x\"", "")).get(0);
        for (AbiProfile p : new AbiProfile[] {AbiProfile.RFC_V1, AbiProfile.LATER}) {
            for (long seed = 0; seed < 5; seed++) {
                String o = new EmulatedBackend().runOnce(stui, p, seed).render();
                assertTrue(o.contains("stui; deliver(4){frame(rsp=stack-128, rip=after-stui, if=1)}; spin_until"), o);
                String s = new EmulatedBackend().runOnce(sleep, p, seed).render();
                assertTrue(s.contains("barrier(1); deliver(0){frame(rsp=stack-128, rip=after-syscall, if=1)}; "
                        + "nanosleep(200000): 0"), s);
            }
        }
        String spin = new EmulatedBackend().runOnce(selfIpi("later", "", "frame"), AbiProfile.LATER, 0).render();
        assertTrue(spin.contains("frame(rsp=stack-128, rip=user, if=1)"), spin);
    }

    /** The exact points as bits, and a pushed RIP that differs from the point by one byte is only "user" (isa §9). */
    @Test
    void frameRipPointsClassifyOnlyTheExactAddress_isa9() {
        long rsp = 0x7ffe0000_1238L;
        long entry = ((rsp - 128) & ~0xFL) - 32;
        var fv = new Object() {
            int of(long rip, long stui, long sys) {
                return dev.uintr.program.FrameView.classify(entry, rip, 0x246, rsp, 0, 0, stui, sys);
            }
        };
        assertEquals(1 | 4 | 8 | 16, fv.of(0x401004, 0x401004, 0));
        assertEquals(1 | 4 | 8 | 32, fv.of(0x402002, 0, 0x402002));
        assertEquals(1 | 4 | 8, fv.of(0x401005, 0x401004, 0x401005 - 2));
        assertEquals("frame(rsp=stack-128, rip=after-stui, if=1)", dev.uintr.program.FrameView.render(1 | 4 | 8 | 16, null));
        assertEquals("frame(rsp=stack-128, rip=after-syscall, if=0)", dev.uintr.program.FrameView.render(1 | 4 | 32, null));
    }
}
