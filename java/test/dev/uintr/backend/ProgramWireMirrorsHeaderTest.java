package dev.uintr.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.uintr.nat.UintrProgramLib;
import dev.uintr.program.Op;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NativeBackendCodec and UintrProgramLib mirror native/include/uintr_program.h: every op, event kind, the version. */
class ProgramWireMirrorsHeaderTest {
    static Map<String, Long> defines() throws IOException {
        return dev.uintr.testing.HeaderDefines.of(Path.of("native", "include", "uintr_program.h"), "USH_");
    }

    @Test
    void everyOpHasTheHeadersCode() throws IOException {
        Map<String, Long> h = defines();
        int max = 0;
        for (Op op : Op.values()) {
            Long code = h.get("USH_OP_" + op.name());
            assertNotNull(code, "uintr_program.h has no USH_OP_" + op.name());
            assertEquals(code.intValue(), NativeBackendCodec.opCode(op), op.name());
            max = Math.max(max, code.intValue());
        }
        assertEquals(max, h.get("USH_OP_LAST").intValue(), "USH_OP_LAST is the highest op (the runner validates up to it)");
    }

    @Test
    void versionEventsAndLimitsAgree() throws IOException {
        Map<String, Long> h = defines();
        assertEquals(NativeBackendCodec.VERSION, h.get("USH_PROG_ABI_VERSION").intValue());
        assertEquals(UintrProgramLib.ABI_VERSION, h.get("USH_PROG_ABI_VERSION").intValue());
        assertEquals(NativeBackendCodec.MAGIC, h.get("USH_PROG_MAGIC").intValue());
        assertEquals(NativeBackendCodec.EV_STEP, h.get("USH_EV_STEP").intValue());
        assertEquals(NativeBackendCodec.EV_DELIVERY, h.get("USH_EV_DELIVERY").intValue());
        assertEquals(NativeBackendCodec.EV_UNBOUND, h.get("USH_EV_UNBOUND").intValue());
        assertEquals(NativeBackendCodec.MAX_THREADS, h.get("USH_PROG_MAX_THREADS").intValue());
        assertEquals(NativeBackendCodec.MAX_STEPS, h.get("USH_PROG_MAX_STEPS").intValue());
        assertEquals(NativeBackendCodec.MAX_EVENTS, h.get("USH_PROG_MAX_EVENTS").intValue());
    }
}
