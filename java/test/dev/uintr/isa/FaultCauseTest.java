package dev.uintr.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.machine.Cpu;
import dev.uintr.machine.CpuModel;
import dev.uintr.machine.Machine;
import dev.uintr.machine.Memory;
import org.junit.jupiter.api.Test;

/** A fault names the check that raised it (uintr-isa §7, §7.5), as Bochs names each #GP's reason. */
class FaultCauseTest {
    private static Machine sender(long uitteLo, long upidLo) {
        Machine m = new Machine(1, CpuModel.SAPPHIRE_RAPIDS);
        Cpu c = m.cpu(0);
        c.tt = UintrMsr.tt(0x1000, true);
        c.misc = UintrMsr.misc(3, 0xEC);
        m.memory().map(0x1000, 0x2FFF, Memory.WRITABLE);
        m.memory().write64(0x1000, uitteLo);
        m.memory().write64(0x1008, 0x2040);
        m.memory().write64(0x2040, upidLo);
        return m;
    }

    @Test
    void senduipi_namesEachCheck_isa7_5() {
        assertEquals("§7.5: index > UITTSZ", Isa.senduipi(sender(0x101, 0), 0, 4).cause());
        assertEquals("§7.5: UITT entry V = 0 (§5.2)", Isa.senduipi(sender(0x100, 0), 0, 0).cause());
        assertEquals("§7.5: UITT entry UV >= 64 (§5.2)", Isa.senduipi(sender(0x4001, 0), 0, 0).cause());
        Fault blkd = Isa.senduipi(sender(0x101, 0x80), 0, 0);
        assertEquals(Fault.GP, blkd, "equal by kind");
        assertEquals(Fault.UPID_RESERVED_BITS, blkd.cause());
        assertEquals("#GP: " + Fault.UPID_RESERVED_BITS, blkd.describe());
        Machine noUpid = sender(0x101, 0);
        noUpid.memory().unmap(0x2000, 0x2FFF);
        assertEquals("#PF: §7.5: UPID read-modify-write: page not present or not permitted",
                Isa.senduipi(noUpid, 0, 0).describe());
    }

    @Test
    void gate_namesItsStep_isa7() {
        Machine m = sender(0x101, 0);
        m.cpu(0).cr4Uintr = false;
        assertEquals("#UD: §7: CR4.UINTR = 0", Isa.clui(m, 0).describe());
        assertTrue(Isa.stui(sender(0x101, 0), 0) == Fault.NONE);
        assertEquals("none", Fault.NONE.describe());
    }
}
