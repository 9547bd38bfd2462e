package dev.uintr.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.machine.CpuModel;
import dev.uintr.machine.Machine;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The decoder against the encodings of uintr-isa §6 (GAS test-suite examples, XED patterns). */
class DecoderTest {
    private static Decoded decode(String hex) {
        return Decoder.decode(HexFormat.of().parseHex(hex));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "f30fc7f0,       senduipi %rax, 4",    // GAS: senduipi %rax
        "f3410fc7f2,     senduipi %r10, 5",    // GAS: senduipi %r10
        "f3410fc7f0,     senduipi %r8, 5",     // GAS: senduipi %r8
        "f30fc7f7,       senduipi %rdi, 4",
        "f3490fc7f3,     senduipi %r11, 5",    // REX.WB: W ignored, B extends rm
        "66f30fc7f1,     senduipi %rcx, 5",    // 66 ignored: the operand is always 64-bit
        "f30f01ec,       uiret, 4",
        "f30f01ed,       testui, 4",
        "f30f01ee,       clui, 4",
        "f30f01ef,       stui, 4",
        "2ef30f01ef,     stui, 5",             // a segment override changes nothing
        "f2f30f01ee,     clui, 5",             // the last of F2/F3 is the mandatory prefix
    })
    void decodes_isa6(String hex, String text, int length) {
        Decoded d = decode(hex);
        assertTrue(d.isUintr(), d.text());
        assertEquals(text, d.text());
        assertEquals(length, d.length());
        assertFalse(d.lock());
    }

    @ParameterizedTest(name = "{0} rejected: {1}")
    @CsvSource({
        "f30fc730,   VMXON",                   // F3 0F C7 /6 with mod != 11 (LLVM: vmxon (%rax))
        "0fc7f0,     RDRAND",                  // no F3
        "660fc7f0,   RDRAND",                  // 66 is not F3
        "f30fc7f8,   RDPID",                   // F3 0F C7 /7
        "0fc7f8,     RDSEED",
        "0f01ee,     RDPKRU",
        "0f01ef,     WRPKRU",
        "0f01ec,     without F3",
        "f3f20f01ee, RDPKRU",                  // F2 last: not CLUI
        "f20fc7f0,   not SENDUIPI",
        "f30f01ca,   not a UINTR",             // CLAC-like 0F 01 CA
        "f30f,       truncated",
        "f3,         truncated",
        "f390,       not 0F",
        "c4e17828c1, VEX",
    })
    void rejectsLookAlikes_isa6(String hex, String reason) {
        Decoded d = decode(hex);
        assertFalse(d.isUintr(), d.text());
        assertNull(d.instruction());
        assertTrue(d.rejected().contains(reason), d.rejected());
    }

    @Test
    void rexOnlyCountsDirectlyBeforeTheOpcode_isa6() {
        Decoded d = decode("41f30fc7f2");                      // REX then F3: REX ignored
        assertEquals("senduipi %rdx", d.text());
        assertEquals(10, decode("f3410fc7f2").register());
    }

    @Test
    void lockPrefix_decodes_butExecutesAsUd_isa7() {
        Decoded d = decode("f0f30f01ef");
        assertTrue(d.isUintr());
        assertTrue(d.lock());
        Machine m = new Machine(1, CpuModel.SAPPHIRE_RAPIDS);
        assertEquals(Fault.UD, Isa.execute(m, 0, d, 0));
        assertFalse(m.cpu(0).uif, "STUI with LOCK did not set UIF");
        assertEquals(Fault.NONE, Isa.execute(m, 0, decode("f30f01ef"), 0));
        assertTrue(m.cpu(0).uif);
    }

    @Test
    void shimStubs_decodeToTheirInstructions() {
        for (dev.uintr.nat.ShimInsn s : dev.uintr.nat.ShimInsn.values()) {
            Decoded d = Decoder.decode(s.specBytes());
            assertEquals(s.mnemonic, d.text(), s.name());
        }
    }
}
