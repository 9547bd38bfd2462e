package dev.uintr.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuInfoTest {
    /** Two processor blocks of a Sapphire Rapids host running a uintr kernel (trimmed). */
    static final String SPR = """
            processor	: 0
            vendor_id	: GenuineIntel
            cpu family	: 6
            model		: 143
            model name	: Intel(R) Xeon(R) Platinum 8480+
            stepping	: 8
            flags		: fpu vme de pse tsc msr constant_tsc nonstop_tsc amx_tile uintr arch_capabilities

            processor	: 1
            vendor_id	: SomethingElse
            flags		: fpu
            """;

    static final String AMD_WITH_PTI = """
            processor	: 0
            vendor_id	: AuthenticAMD
            cpu family	: 26
            model		: 2
            model name	: AMD EPYC
            stepping	: 1
            flags		: fpu tsc constant_tsc nonstop_tsc pti
            """;

    @Test
    void parsesFirstProcessorBlockOnly() {
        CpuInfo c = CpuInfo.parse(SPR);
        assertEquals("GenuineIntel", c.vendor());
        assertEquals(6, c.family());
        assertEquals(143, c.model());
        assertEquals(8, c.stepping());
        assertEquals("Intel(R) Xeon(R) Platinum 8480+", c.modelName());
        assertTrue(c.hasFlag("uintr"));
        assertTrue(c.hasFlag("amx_tile"));
        assertFalse(c.hasFlag("fp"), "flags are whole words");
    }

    @Test
    void missingFields_areSentinels_notZero() {
        CpuInfo c = CpuInfo.parse("processor : 0\nmodel : banana\n");
        assertEquals("unknown", c.vendor());
        assertEquals(-1, c.family());
        assertEquals(-1, c.model(), "a corrupt value is -1, not 0");
        assertTrue(c.flags().isEmpty());
    }

    @Test
    void kpti_fromFlagOrMeltdownFile() {
        assertEquals(Tri.YES, Kpti.decide(null, CpuInfo.parse(AMD_WITH_PTI)).on());
        assertEquals(Tri.YES, Kpti.decide("Mitigation: PTI\n", CpuInfo.parse(SPR)).on());
        assertEquals(Tri.NO, Kpti.decide("Not affected\n", CpuInfo.parse(SPR)).on());
        assertEquals(Tri.NO, Kpti.decide(null, CpuInfo.parse(SPR)).on());
        assertEquals(Tri.UNKNOWN, Kpti.decide(null, CpuInfo.UNKNOWN).on());
    }
}
