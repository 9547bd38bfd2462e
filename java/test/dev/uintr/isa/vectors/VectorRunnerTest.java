package dev.uintr.isa.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself: it must catch wrong rows, not only pass right ones. */
class VectorRunnerTest {
    private static final String HEADER = "id,op,arg,in,expect\n";

    private static VectorResult one(String row) {
        List<VectorRow> rows = VectorParser.parse("t.csv", HEADER + row + "\n");
        return VectorRunner.run(rows.get(0));
    }

    @Test
    void unlistedChangeFailsTheRow() {
        VectorResult r = one("stui.unlisted,STUI,,uif=0,fault=none");
        assertFalse(r.passed());
        assertEquals("uif: expected 0, got 1 (not listed: should be unchanged)", r.diff());
    }

    @Test
    void listedValueThatDidNotHappenFailsTheRow() {
        VectorResult r = one("clui.wrong,CLUI,,uif=1,fault=none uif=0 rip=0x10");
        assertFalse(r.passed());
        assertEquals("rip: expected 0x10, got 0x0", r.diff());
    }

    @Test
    void wrongFaultAndMissingIpiAreBothReported_faultWithItsCause() {
        VectorResult r = one("senduipi.wrong,SENDUIPI,0,tt=0x1000,fault=none ipi=0xEC@0x1");
        assertEquals(List.of("fault: expected none, got UD (§7.5: IA32_UINTR_TT[0] = 0)", "ipi: expected 0xEC@0x1, got none"),
                r.diffs());
    }

    @Test
    void memoryDiffNamesTheQuadword() {
        VectorResult r = one("deliver.mem,DELIVER,,uif=1 rr=1 handler=0x1000 rsp=0x7040 map=0x7000-0x7fff,"
                + "fault=none uif=0 rr=0 rip=0x1000 rsp=0x7020 m64[0x7038]=0x7040 m64[0x7030]=0x202 m64[0x7028]=0 m64[0x7020]=1");
        assertFalse(r.passed());
        assertEquals("m64[0x7020]: expected 0x1, got 0x0", r.diff());
    }

    @Test
    void implicitMappingOfMemoryItems_isaVectors() {
        VectorResult r = one("uiret.implicit,UIRET,,rsp=0x7000 m64[0x7000]=0x401234 m64[0x7008]=0x202 m64[0x7010]=0x7FF0,"
                + "fault=none uif=1 rip=0x401234 rsp=0x7FF0");
        assertTrue(r.passed(), r::failureLine);
    }

    @Test
    void notifyToIdtReportsTheVector_isa8() {
        VectorResult r = one("notify.idt,NOTIFY,0x20,misc=0xEC00000000,fault=none");
        assertEquals("idt: expected none, got 0x20", r.diff());
    }
}
