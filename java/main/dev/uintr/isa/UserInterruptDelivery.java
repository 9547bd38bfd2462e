package dev.uintr.isa;

import dev.uintr.machine.Cpu;
import dev.uintr.machine.CpuMode;
import dev.uintr.machine.Machine;
import dev.uintr.machine.Memory;

/** User-interrupt recognition and delivery at an instruction boundary (uintr-isa §9). */
final class UserInterruptDelivery {
    static final long RFLAGS_TF = 1L << 8;
    static final long RFLAGS_RF = 1L << 16;

    private UserInterruptDelivery() {}

    /**
     * Recognition: CR4.UINTR = 1 and UIRR != 0. Conditions: UIF = 1, CPL = 3, 64-bit mode
     * (RFLAGS.IF does not matter, design decision 2; MOV SS blocking and enclaves are not
     * modelled). Then: #GP if UIHANDLER is not canonical; the stack top is UISTACKADJUST (bit 0
     * set) or RSP - UISTACKADJUST, aligned down to 16; the four pushes (old RSP, RFLAGS, RIP,
     * UIRRV) are checked first and written only when all would succeed, so a faulting push
     * leaves RSP, memory, UIRR and UIF as they were and the interrupt is delivered again later.
     */
    static Delivery deliver(Machine m, int cpu) {
        Cpu c = m.cpu(cpu);
        if (!c.cr4Uintr || c.uirr == 0) {
            return Delivery.NOT_PENDING;                       // §9 recognition
        }
        if (!c.uif || c.cpl != 3 || c.mode != CpuMode.LONG64) {
            return Delivery.BLOCKED;                           // §9 conditions 1, 3, 4
        }
        int width = c.pagingWidth();
        if (!Canonical.is(c.handler, width)) {
            return Delivery.FAULT_GP;                          // §9 UIHANDLER not canonical
        }
        long top = (c.stackAdjust & UintrMsr.STACKADJUST_LOAD) != 0 ? c.stackAdjust : c.rsp - c.stackAdjust;
        top &= ~0xFL;
        Memory mem = m.memory();
        int slot = Access.fastSlot(mem, top - 32, 32, true, true, width);
        if (slot < 0 && Access.check(mem, top - 32, 32, true, true, width, Fault.SS, "") != Fault.NONE) {
            for (int k = 1; k <= 4; k++) {                     // find the first push that faults, in push order
                Fault f = Access.check(mem, top - 8L * k, 8, true, true, width, Fault.SS, "§9: push " + k);
                if (f != Fault.NONE) {
                    return Delivery.of(f);                     // §9 a push faulted: rolled back
                }
            }
            throw new AssertionError("delivery: the frame faults as a whole but no push does");
        }
        int vector = 63 - Long.numberOfLeadingZeros(c.uirr);  // UIRRV
        Access.write(mem, slot, top - 8, c.rsp);
        Access.write(mem, slot, top - 16, c.rflags);
        Access.write(mem, slot, top - 24, c.rip);
        Access.write(mem, slot, top - 32, vector);
        c.rsp = top - 32;
        c.uirr &= ~(1L << vector);
        c.uif = false;
        c.rflags &= ~(RFLAGS_TF | RFLAGS_RF);
        c.rip = c.handler;
        m.listener().userInterruptDelivered(cpu, vector);
        return Delivery.DELIVERED;
    }
}
