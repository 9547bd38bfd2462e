package dev.uintr.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.isa.Decoded;
import dev.uintr.isa.Decoder;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two backends agree on what an instruction is: the bytes binutils assembled into the
 * native shim decode, with the emulator's decoder (uintr-isa §6), to the same instruction and
 * register the shim's stub executes.
 */
@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
class ShimEncodingDecodesTest {

    @ParameterizedTest
    @EnumSource(ShimInsn.class)
    void shimBytes_decodeToTheStubsInstruction_isa6(ShimInsn insn) {
        UintrShim shim = ShimRequirement.require();
        byte[] buf = new byte[16];
        int n = shim.ush_insn_bytes(insn.id, buf, buf.length);
        assertTrue(n > 0, "no bytes for " + insn);
        Decoded d = Decoder.decode(java.util.Arrays.copyOf(buf, n));
        assertTrue(d.isUintr(), insn + " rejected: " + d.rejected());
        assertEquals(n, d.length(), "decoded length");
        assertEquals(insn.mnemonic, d.text(), "decoded text");
        switch (insn) {
            case SENDUIPI_RAX: assertEquals(0, d.register()); break;
            case SENDUIPI_R10: assertEquals(10, d.register()); break;
            default: break;
        }
    }
}
