package dev.uintr.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.machine.Cpu;
import dev.uintr.machine.CpuModel;
import dev.uintr.machine.Machine;
import dev.uintr.machine.MachineListener;
import dev.uintr.machine.Memory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of spec/uintr-isa.md, written as plain tests against the entry points. */
class IsaWorkedExamplesTest {
    private static final int RW_USER = Memory.WRITABLE | Memory.USER;

    private static Machine machine(int cpus) {
        return new Machine(cpus, CpuModel.SAPPHIRE_RAPIDS);
    }

    /**
     * The SENDUIPI worked example of uintr-isa §7.5 on two xAPIC CPUs, before RAX=2 is sent
     * from CPU 0: TT=0x1001, MISC=0x000000EC_00000003, UITTE @0x1020 = {0x501 (V=1, UV=5), 0x2040},
     * UPID @0x2040 = {0x00000100_00EC0000, 0}; both pages supervisor-writable.
     */
    private static Machine senduipiWorkedExample() {
        Machine m = machine(2);
        Cpu c = m.cpu(0);
        c.tt = 0x1001;
        c.misc = 0x000000EC_00000003L;
        m.memory().map(0x1000, 0x1fff, Memory.WRITABLE);
        m.memory().map(0x2000, 0x2fff, Memory.WRITABLE);
        m.memory().write64(0x1020, 0x501);
        m.memory().write64(0x1028, 0x2040);
        m.memory().write64(0x2040, 0x00000100_00EC0000L);
        return m;
    }

    /** One CPU that can deliver (uintr-isa §9): UIF=1, UIRR={@code uirr}, UIHANDLER=0x401000. */
    private static Machine readyToDeliver(long uirr) {
        Machine m = machine(1);
        Cpu c = m.cpu(0);
        c.uif = true;
        c.uirr = uirr;
        c.handler = 0x401000;
        return m;
    }

    @Test
    void senduipi_workedExample_xapic_isa7_5() {
        Machine m = senduipiWorkedExample();
        List<String> ipis = new ArrayList<>();
        m.setListener(new MachineListener() {
            @Override
            public void ipiSent(int from, int vector, long dest, boolean x2) {
                ipis.add(Integer.toHexString(vector) + "@" + Long.toHexString(dest));
            }
        });
        assertEquals(Fault.NONE, Isa.senduipi(m, 0, 2));
        assertEquals(0x00000100_00EC0001L, m.memory().read64(0x2040));
        assertEquals(0x20, m.memory().read64(0x2048));
        assertEquals(List.of("ec@1"), ipis);
        assertEquals(1, m.ipisInFlight());
        m.landAll();
        assertTrue(m.cpu(1).apic.isRequested(0xEC), "xAPIC id 1 gets NV");
    }

    @Test
    void senduipi_workedExample_x2apicDestinationIsWholeNdst_isa7_5() {
        Machine m = senduipiWorkedExample();
        m.cpu(0).apic.x2apic = true;
        long[] dest = {-1};
        m.setListener(new MachineListener() {
            @Override
            public void ipiSent(int from, int vector, long d, boolean x2) {
                dest[0] = d;
            }
        });
        assertEquals(Fault.NONE, Isa.senduipi(m, 0, 2));
        assertEquals(0x100, dest[0]);
    }

    @Test
    void deliver_subtractMode_workedExample_isa9() {
        Machine m = readyToDeliver(0x28);
        Cpu c = m.cpu(0);
        c.stackAdjust = 0x80;
        c.rip = 0x400123;
        c.rsp = 0x7FFFFFFFE358L;
        c.rflags = 0x246;
        m.memory().map(0x7FFFFFFFE000L, 0x7FFFFFFFEFFFL, RW_USER);
        assertEquals(Delivery.DELIVERED, Isa.deliver(m, 0));
        assertEquals(0x7FFFFFFFE2B0L, c.rsp);
        assertEquals(0x401000, c.rip);
        assertEquals(0x8, c.uirr);
        assertFalse(c.uif);
        assertEquals(5, m.memory().read64(0x7FFFFFFFE2B0L));
        assertEquals(0x400123, m.memory().read64(0x7FFFFFFFE2B8L));
        assertEquals(0x246, m.memory().read64(0x7FFFFFFFE2C0L));
        assertEquals(0x7FFFFFFFE358L, m.memory().read64(0x7FFFFFFFE2C8L));
    }

    @Test
    void deliver_loadMode_workedExample_isa9() {
        Machine m = readyToDeliver(1);
        Cpu c = m.cpu(0);
        c.stackAdjust = 0x7F00_0001_1001L;
        c.rsp = 0x7FFFFFFFE358L;
        m.memory().map(0x7F00_0001_0000L, 0x7F00_0001_0FFFL, RW_USER);
        assertEquals(Delivery.DELIVERED, Isa.deliver(m, 0));
        assertEquals(0x7F00_0001_0FE0L, c.rsp);
        assertEquals(0, m.memory().read64(0x7F00_0001_0FE0L), "vector 0");
    }

    @Test
    void uiret_flagsMask_workedExample_isa7_4() {
        Machine m = machine(1);
        Cpu c = m.cpu(0);
        c.rflags = 0x202;
        c.rsp = 0x7000;
        m.memory().map(0x7000, 0x7fff, RW_USER);
        m.memory().write64(0x7000, 0x401234);
        m.memory().write64(0x7008, -1L);
        m.memory().write64(0x7010, 0x7FF0);
        assertEquals(Fault.NONE, Isa.uiret(m, 0));
        assertEquals(0x254FD7L, c.rflags);
        assertEquals(0x401234, c.rip);
        assertEquals(0x7FF0, c.rsp);
        assertTrue(c.uif);
    }

    @Test
    void notification_movesPirIntoUirr_eoiFirst_isa8() {
        Machine m = machine(1);
        Cpu c = m.cpu(0);
        c.misc = 0xEC_0000_0000L;
        c.pd = 0x2040;
        c.cpl = 0;
        m.memory().map(0x2000, 0x2fff, Memory.WRITABLE);
        m.memory().write64(0x2040, 0x00000100_00EC0001L);
        m.memory().write64(0x2048, 0x24);
        c.apic.request(0xEC);
        assertEquals(Acceptance.NOTIFIED, Isa.takeInterrupt(m, 0));
        assertEquals(0x00000100_00EC0000L, m.memory().read64(0x2040));
        assertEquals(0, m.memory().read64(0x2048));
        assertEquals(0x24, c.uirr);
        assertEquals(1, c.apic.eoiCount);
        assertEquals(-1, c.apic.highestInService());
    }

    @Test
    void wrmsr_canonicalAgainstTheModelsMaximumWidth_isa3() {
        Machine spr = machine(1);                              // 57-bit maximum width (design decision 6)
        spr.cpu(0).cpl = 0;
        assertEquals(Fault.NONE, Isa.wrmsr(spr, 0, 0x986, 0x0000_8000_0000_0000L));
        Machine narrow = new Machine(1, new CpuModel(false, 48));
        narrow.cpu(0).cpl = 0;
        assertEquals(Fault.GP, Isa.wrmsr(narrow, 0, 0x986, 0x0000_8000_0000_0000L));
        assertEquals(Fault.NONE, Isa.wrmsr(narrow, 0, 0x986, 0xFFFF_8000_0000_0000L));
    }

    @Test
    void xsavesThenXrstors_roundTripsTheComponent_isa4() {
        Machine m = machine(1);
        Cpu c = m.cpu(0);
        c.cpl = 0;
        c.uif = true;
        c.handler = 0x401000;
        c.stackAdjust = 0x80;
        c.misc = 0xEC_0000_0003L;
        c.pd = 0x2040;
        c.uirr = 0x28;
        c.tt = 0x1001;
        m.memory().map(0x3000, 0x3FFF, Memory.WRITABLE);
        Cpu saved = c.copy();
        assertEquals(Fault.NONE, Isa.xsaves(m, 0, 0x3000));
        assertEquals(0x3, c.misc, "UINV cleared after XSAVES");
        assertEquals(Fault.NONE, Isa.xrstorsInit(m, 0));
        assertFalse(c.uif);
        assertEquals(0, c.uirr);
        assertEquals(Fault.NONE, Isa.xrstors(m, 0, 0x3000));
        assertEquals(saved, c);
        assertEquals(Fault.GP, Isa.xrstors(m, 0, 0x3000), "UINV is now non-zero");
    }

    @Test
    void senduipi_readOnlyUpid_pfBeforeAnyChange_isa7_5() {
        Machine m = senduipiWorkedExample();
        m.memory().protect(0x2000, 0x2fff, 0);                 // read-only, supervisor
        Machine before = m.copy();
        assertEquals(Fault.PF, Isa.senduipi(m, 0, 2), "the locked RMW needs write access");
        assertEquals(before, m);
        assertEquals(0, m.ipisInFlight());
    }

    @Test
    void deliver_supervisorStackPage_pfAndRolledBack_isa9() {
        Machine m = readyToDeliver(2);
        Cpu c = m.cpu(0);
        c.rsp = 0x7800;
        m.memory().map(0x7000, 0x7fff, Memory.WRITABLE);       // no USER flag: CPL 3 pushes fault
        Machine before = m.copy();
        assertEquals(Delivery.FAULT_PF, Isa.deliver(m, 0));
        assertEquals(before, m);
        m.memory().protect(0x7000, 0x7fff, Memory.WRITABLE | Memory.USER);
        assertEquals(Delivery.DELIVERED, Isa.deliver(m, 0), "delivered again once the fault is fixed");
    }

    @Test
    void takeInterrupt_kernelVectorGoesToIdt_staysInServiceUntilEoi_isa8() {
        Machine m = machine(1);
        Cpu c = m.cpu(0);
        c.misc = 0xEC_0000_0000L;
        List<Integer> idt = new ArrayList<>();
        m.setListener(new MachineListener() {
            @Override
            public void interruptToIdt(int cpu, int vector) {
                idt.add(vector);
            }
        });
        c.apic.request(0xEB);
        assertEquals(Acceptance.TO_IDT, Isa.takeInterrupt(m, 0));
        assertEquals(List.of(0xEB), idt);
        assertTrue(c.apic.isInService(0xEB));
        assertEquals(0, c.apic.eoiCount, "the IDT handler, not the CPU, writes EOI");
        assertEquals(null, Isa.takeInterrupt(m, 0), "nothing else requested");
    }
}
