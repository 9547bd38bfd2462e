package dev.uintr.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTest {
    @Test
    void selfIpiReachesTheIrrAtOnce_designDecision4() {
        Machine m = new Machine(2, CpuModel.SAPPHIRE_RAPIDS);
        m.sendIpi(1, 0xEC, 1);
        assertEquals(0, m.ipisInFlight());
        assertTrue(m.cpu(1).apic.isRequested(0xEC));
    }

    @Test
    void otherIpiStaysInFlightUntilTheChooserLandsIt() {
        Machine m = new Machine(3, CpuModel.SAPPHIRE_RAPIDS);
        m.sendIpi(0, 0xEC, 2);
        m.sendIpi(0, 0xEB, 1);
        assertEquals(2, m.ipisInFlight());
        assertEquals(0, m.boundary(Choosers.lazy()));
        assertFalse(m.cpu(2).apic.isRequested(0xEC));
        assertEquals(1, m.boundary(Choosers.scripted(2, 0)), "lands the second IPI only");
        assertTrue(m.cpu(1).apic.isRequested(0xEB));
        assertFalse(m.cpu(2).apic.isRequested(0xEC));
        assertEquals(1, m.boundary(Choosers.eager()));
        assertTrue(m.cpu(2).apic.isRequested(0xEC));
        assertEquals(0, m.ipisInFlight());
    }

    @Test
    void destinationsInBothApicModes() {
        Machine m = new Machine(2, CpuModel.SAPPHIRE_RAPIDS);
        m.cpu(1).apic.id = 0x100;
        m.cpu(1).apic.x2apic = true;
        m.cpu(0).apic.x2apic = true;
        m.sendIpi(0, 0xEC, 0x100);
        m.landAll();
        assertTrue(m.cpu(1).apic.isRequested(0xEC), "x2APIC: the full 32-bit id");
        Machine x = new Machine(2, CpuModel.SAPPHIRE_RAPIDS);
        x.sendIpi(0, 0xEC, 0x101);                             // xAPIC: only 8 bits of destination
        x.landAll();
        assertTrue(x.cpu(1).apic.isRequested(0xEC));
        Machine b = new Machine(3, CpuModel.SAPPHIRE_RAPIDS);
        b.sendIpi(0, 0xF0, 0xFF);                              // xAPIC broadcast
        b.landAll();
        for (int i = 0; i < 3; i++) {
            assertTrue(b.cpu(i).apic.isRequested(0xF0));
        }
    }

    @Test
    void ipiToNobodyIsDroppedAndReported() {
        Machine m = new Machine(2, CpuModel.SAPPHIRE_RAPIDS);
        List<String> dropped = new ArrayList<>();
        m.setListener(new MachineListener() {
            @Override
            public void ipiDropped(int vector, long destination) {
                dropped.add(vector + "@" + destination);
            }
        });
        m.sendIpi(0, 0xEC, 9);
        m.landAll();
        assertEquals(List.of("236@9"), dropped);
    }

    @Test
    void copyEqualsHash_includeCpusMemoryAndIpisInFlight() {
        Machine a = new Machine(2, CpuModel.SAPPHIRE_RAPIDS);
        a.memory().map(0x1000, 0x1FFF, Memory.WRITABLE);
        a.sendIpi(0, 0xEC, 1);
        Machine b = a.copy();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.toString(), b.toString());
        b.landAll();
        assertNotEquals(a, b);
        Machine c = a.copy();
        c.cpu(1).uirr = 1;
        assertNotEquals(a, c);
        Machine d = a.copy();
        d.memory().write64(0x1000, 1);
        assertNotEquals(a, d);
        assertEquals(0, a.memory().read64(0x1000));
    }

    @Test
    void stateStringIsShortAndStable() {
        Machine m = new Machine(2, CpuModel.SAPPHIRE_RAPIDS);
        m.cpu(0).uirr = 0x28;
        m.sendIpi(0, 0xEC, 1);
        assertEquals("cpu0: cpl=3 uif=0 rr=0x28 apic=0x0 eoi=0 irr=- isr=- | cpu1: cpl=3 uif=0 apic=0x1 eoi=0 irr=- isr=-"
                + " | in flight: 0xec@0x1", m.toString());
    }

    @Test
    void apicAcknowledgeByPriorityClass_andEoi() {
        LocalApic a = new LocalApic(0);
        a.request(0x31);
        a.request(0xEC);
        assertEquals(0xEC, a.acknowledge());
        assertEquals(-1, a.acknowledge(), "0x31 is below the in-service class 0xE");
        a.eoi();
        assertEquals(1, a.eoiCount);
        assertEquals(0x31, a.acknowledge());
        a.request(0x3F);
        assertEquals(-1, a.acknowledge(), "same priority class as in service");
    }

    @Test
    void seededChooserReplays() {
        Chooser x = Choosers.seeded(7);
        Chooser y = Choosers.seeded(7);
        for (int i = 0; i < 100; i++) {
            assertEquals(x.choose(Chooser.IPI_LANDING, 5), y.choose(Chooser.IPI_LANDING, 5));
        }
    }
}
