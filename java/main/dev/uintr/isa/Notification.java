package dev.uintr.isa;

import dev.uintr.machine.Cpu;
import dev.uintr.machine.Machine;
import dev.uintr.machine.Memory;

/**
 * User-interrupt notification identification and processing (uintr-isa §8). Runs when the
 * processor accepts an ordinary external interrupt, at any CPL and whatever UIF is.
 */
final class Notification {
    private Notification() {}

    /**
     * Identification: CR4.UINTR = 1, IA32_EFER.LMA = 1 (so compatibility mode too, design
     * decision 4) and the vector equals UINV. Otherwise the interrupt goes to the IDT.
     * Processing: (3) EOI, (4) ON := 0, (5) PIR read and zeroed, (6) UIRR |= PIR.
     *
     * <p>Emulator's choice where the spec is silent ([UNCONFIRMED] 4): the UPID accesses are
     * implicit supervisor accesses checked before step 4; if UPIDADDR is not canonical for the
     * current paging mode the result is #GP, if the UPID is not present or read-only #PF. The EOI
     * of step 3 has been written by then (design decision 4: EOI before the UPID is touched);
     * nothing else changes.
     */
    static Acceptance accept(Machine m, int cpu, int vector) {
        Cpu c = m.cpu(cpu);
        if (!c.cr4Uintr || !c.mode.longModeActive() || vector != c.uinv()) {
            m.listener().interruptToIdt(cpu, vector);
            return Acceptance.TO_IDT;                          // §8 step 2: not a notification
        }
        c.apic.eoi();                                          // §8 step 3
        Memory mem = m.memory();
        long upid = c.pd;
        if (!Canonical.is(upid, c.pagingWidth())) {
            return Acceptance.FAULT_GP;
        }
        int slot = Access.fastSlot(mem, upid, Upid.BYTES, true, false, c.pagingWidth());
        if (slot < 0 && !mem.canAccess(upid, Upid.BYTES, true, false)) {
            return Acceptance.FAULT_PF;
        }
        long u0 = Access.read(mem, slot, upid);
        if ((u0 & Upid.ON) != 0) {
            Access.write(mem, slot, upid, u0 & ~Upid.ON);      // §8 step 4: locked AND
        }
        long pir = Access.read(mem, slot, upid + 8);
        if (pir != 0) {
            Access.write(mem, slot, upid + 8, 0);              // §8 step 5: locked XCHG
            c.uirr |= pir;                                     // §8 step 6
        }
        m.listener().notificationProcessed(cpu, pir);
        return Acceptance.NOTIFIED;
    }
}
