package dev.uintr.isa.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.BadInputException;
import dev.uintr.isa.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vector-file reader against spec/isa-vectors.md: everything the format allows is read
 * (and runs), everything malformed is refused with "FILE:LINE: ..." naming the bad item.
 */
class VectorParserTest {
    private static final String HEADER = "id,op,arg,in,expect\n";

    private static VectorRow one(String text) {
        List<VectorRow> rows = VectorParser.parse("t.csv", text);
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private static void passes(String text) {
        VectorResult r = VectorRunner.run(one(text));
        assertTrue(r.passed(), r::failureLine);
    }

    private static String refused(String text) {
        return assertThrows(BadInputException.class, () -> VectorParser.parse("t.csv", text)).getMessage();
    }

    // ---- what the format allows (isa-vectors "Columns", "State keys")

    @Test
    void decimalAndHexInEitherCase_isaVectorsStateKeys() {
        passes(HEADER + "d,WRMSR,2440=1013612281859,cpl=0,fault=none misc=0xec00000003\n");
        passes(HEADER + "h,WRMSR,0x98a=0X1001,cpl=0,fault=none tt=0x1001\n");
    }

    @Test
    void expectWithOnlyTheFault_andEmptyArg_isaVectorsColumns() {
        VectorRow r = one(HEADER + "u,UIRET,,cr4.uintr=0,fault=UD\n");
        assertEquals(Fault.UD, r.expect().fault());
        assertTrue(r.expect().registers().isEmpty());
        passes(HEADER + "u,UIRET,,cr4.uintr=0,fault=UD\n");
    }

    @Test
    void rfc4180QuotingAndCrlf_isaVectorsColumns() {
        passes("id,op,arg,in,expect\r\n\"q,1\",CLUI,\"\",\"uif=1\",\"fault=none uif=0\"\r\n");
        passes(HEADER + "\"q\"\"2\",STUI,,,fault=none uif=1");                    // escaped quote, no final newline
    }

    @Test
    void columnsAreFoundByHeaderName() {
        passes("op,id,expect,in,arg\nCLUI,r,fault=none uif=0,uif=1,\n");
    }

    @Test
    void m8BytesInMemoryOrder_isaVectorsStateKeys() {
        passes(HEADER + "m8,SENDUIPI,0,tt=0x1001 misc=0xEC00000000 m64[0x1000]=0x301 m64[0x1008]=0x2000 "
                + "m8[0x2000]=0000ec0000020000 map=0x2008-0x200f,"
                + "fault=none m64[0x2000]=0x0000020000EC0001 m64[0x2008]=0x8 ipi=0xEC@0x2\n");
    }

    @Test
    void hexWithLeadingZerosBeyond16Digits() {
        passes(HEADER + "z,RDMSR,0x00000000000000988,cpl=0 misc=0x0000000000000000003,fault=none rdmsr=0x3\n");
    }

    // ---- what it refuses

    @Test
    void ipiVectorAbove255_isRefusedNotWrappedToMinusOne() {
        String m = refused(HEADER + "i,SENDUIPI,0,,fault=none ipi=0xFFFFFFFFFFFFFFFF@0x2\n");
        assertEquals("t.csv:2: row i: expect: bad item 'ipi=0xFFFFFFFFFFFFFFFF@0x2': a vector is 0..255", m);
    }

    @Test
    void idtVectorAbove255_isRefused() {
        String m = refused(HEADER + "i,NOTIFY,0x20,,fault=none idt=0xFFFFFFFFFFFFFFFF\n");
        assertEquals("t.csv:2: row i: expect: bad item 'idt=0xFFFFFFFFFFFFFFFF': a vector is 0..255", m);
    }

    @Test
    void notifyArgAbove255_isRefused() {
        assertEquals("t.csv:2: row n: arg: bad item '18446744073709551615': a vector is 0..255",
                refused(HEADER + "n,NOTIFY,18446744073709551615,,fault=none\n"));
    }

    @Test
    void malformedItemsNameFileLineAndItem() {
        String[][] cases = {
            {"b,CLUI,,uif=1", "t.csv:2: expected 5 fields, got 4"},
            {"b,CLUI,,uif=1,fault=XX", "t.csv:2: row b: expect: bad item 'fault=XX'"},
            {"b,CLUI,,uif=1,uif=0", "t.csv:2: row b: expect lacks fault="},
            {"b,FOO,,,fault=none", "t.csv:2: row b: unknown op 'FOO'"},
            {"b,CLUI,,cpl=4,fault=none", "t.csv:2: row b: in: bad item 'cpl=4'"},
            {"b,CLUI,,rflags=0x10000000000000000,fault=none", "t.csv:2: row b: in: bad item 'rflags=0x10000000000000000'"},
            {"b,CLUI,,m8[0x10]=abc,fault=none", "t.csv:2: row b: in: bad item 'm8[0x10]=abc'"},
            {"b,CLUI,,map=0x2000-0x1000,fault=none", "t.csv:2: row b: in: bad item 'map=0x2000-0x1000'"},
            {"b,SENDUIPI,,,fault=UD", "t.csv:2: row b: arg: '' is not a number"},
            {"b,WRMSR,0x988,cpl=0,fault=GP", "t.csv:2: row b: arg: bad item '0x988'"},
            {"b,CLUI,x,,fault=none", "t.csv:2: row b: arg: bad item 'x'"},
            {"b,CLUI,,\"uif=1,fault=none", "t.csv:2: a quoted field is not closed"},
            {"b,CLUI,,mode=legacy,fault=none", "t.csv:2: row b: in: bad item 'mode=legacy'"},
        };
        for (String[] c : cases) {
            String m = refused(HEADER + c[0] + "\n");
            assertTrue(m.startsWith(c[1]), c[0] + " -> " + m);
        }
    }
}
