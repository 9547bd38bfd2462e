package dev.uintr.isa;

import dev.uintr.machine.Cpu;
import dev.uintr.machine.CpuMode;
import dev.uintr.machine.Machine;
import dev.uintr.machine.Memory;
import java.util.function.Consumer;

/**
 * The five UINTR instructions (uintr-isa §7), one method each. Checks run in the spec's order,
 * the first failing one returns its fault, and nothing is written before the last check
 * passed, so a faulting instruction changes nothing. RIP is not advanced past the instruction
 * itself (the caller owns instruction lengths); only UIRET loads RIP.
 */
final class Instructions {
    /** RFLAGS bits UIRET loads from the popped image: CF PF AF ZF SF TF DF OF NT RF AC ID (uintr-isa §7.4). */
    static final long UIRET_RFLAGS_MASK = 0x254DD5L;
    /** RFLAGS bits TESTUI clears before setting CF := UIF: CF PF AF ZF SF OF (uintr-isa §7.3). */
    static final long TESTUI_CLEARED = 0x1L | 0x4L | 0x10L | 0x40L | 0x80L | 0x800L;
    static final long RFLAGS_CF = 1L;

    private Instructions() {}

    /** The common #UD gate of all five, in this order (uintr-isa §7): not 64-bit mode, LOCK, CPUID.UINTR = 0, CR4.UINTR = 0. */
    static Fault gate(Cpu c, boolean lock) {
        if (c.mode != CpuMode.LONG64) {
            return Fault.UD.because("§1: not 64-bit mode");
        }
        if (lock) {
            return Fault.UD.because("§7: LOCK prefix");
        }
        if (!c.cpuidUintr) {
            return Fault.UD.because("§7: CPUID.(7,0):EDX[5] = 0");
        }
        if (!c.cr4Uintr) {
            return Fault.UD.because("§7: CR4.UINTR = 0");
        }
        return Fault.NONE;                                     // (SGX enclaves are not modelled)
    }

    /** CLUI, STUI and TESTUI: the gate, then {@code write} on the CPU; the gate's fault instead when it fails. */
    private static Fault gated(Machine m, int cpu, boolean lock, Consumer<Cpu> write) {
        Cpu c = m.cpu(cpu);
        Fault g = gate(c, lock);
        if (g == Fault.NONE) {
            write.accept(c);
        }
        return g;
    }

    /** CLUI — uintr-isa §7.1: UIF := 0. */
    static Fault clui(Machine m, int cpu, boolean lock) {
        return gated(m, cpu, lock, c -> c.uif = false);
    }

    /** STUI — uintr-isa §7.2: UIF := 1 (no shadow: delivery may follow at the next boundary). */
    static Fault stui(Machine m, int cpu, boolean lock) {
        return gated(m, cpu, lock, c -> c.uif = true);
    }

    /** TESTUI — uintr-isa §7.3: CF := UIF; ZF, AF, OF, PF, SF := 0; other RFLAGS bits unchanged. */
    static Fault testui(Machine m, int cpu, boolean lock) {
        return gated(m, cpu, lock, c -> c.rflags = (c.rflags & ~TESTUI_CLEARED) | (c.uif ? RFLAGS_CF : 0));
    }

    /**
     * UIRET — uintr-isa §7.4: pops RIP, RFLAGS, RSP from RSP, RSP+8, RSP+16 into temporaries
     * (#SS non-canonical, #PF), checks the new RIP (#GP), then commits. The popped RSP is not
     * checked. UIF := 1, or bit 1 of the popped RFLAGS with Flexible UIRET. (#AC, #CP and
     * MONITOR ranges are not modelled.)
     */
    static Fault uiret(Machine m, int cpu, boolean lock) {
        Cpu c = m.cpu(cpu);
        Fault g = gate(c, lock);
        if (g != Fault.NONE) {
            return g;
        }
        Memory mem = m.memory();
        boolean user = c.cpl == 3;
        int width = c.pagingWidth();
        long sp = c.rsp;
        int slot = Access.fastSlot(mem, sp, 24, false, user, width);
        if (slot < 0 && Access.check(mem, sp, 24, false, user, width, Fault.SS, "") != Fault.NONE) {
            for (int off = 0; off < 24; off += 8) {            // find the first pop that faults, in pop order
                Fault f = Access.check(mem, sp + off, 8, false, user, width, Fault.SS,
                        "§7.4: pop of " + (off == 0 ? "RIP" : off == 8 ? "RFLAGS" : "RSP") + " at RSP+" + off);
                if (f != Fault.NONE) {
                    return f;                                  // §7.4 a pop faulted: nothing changed
                }
            }
            throw new AssertionError("UIRET: the frame faults as a whole but no pop does");
        }
        long tRip = Access.read(mem, slot, sp);
        long tRflags = Access.read(mem, slot, sp + 8);
        long tRsp = Access.read(mem, slot, sp + 16);
        if (!Canonical.is(tRip, width)) {
            return Fault.GP.because("§7.4: return RIP not canonical");
        }
        c.rip = tRip;
        c.rflags = (c.rflags & ~UIRET_RFLAGS_MASK) | (tRflags & UIRET_RFLAGS_MASK);
        c.rsp = tRsp;
        c.uif = m.model().flexibleUiret() ? (tRflags & 2) != 0 : true;
        return Fault.NONE;
    }

    /**
     * SENDUIPI r64 — uintr-isa §7.5. The UITT entry and the UPID are read with supervisor
     * privilege; the UPID is checked for write access before anything is read (locked
     * read-modify-write) and updated as one atomic 16-byte step. The notification IPI goes
     * through the sender's local APIC: xAPIC destination NDST[15:8], x2APIC destination NDST.
     */
    static Fault senduipi(Machine m, int cpu, long index, boolean lock) {
        Cpu c = m.cpu(cpu);
        Fault g = gate(c, lock);
        if (g != Fault.NONE) {
            return g;
        }
        if ((c.tt & UintrMsr.TT_VALID) == 0) {
            return Fault.UD.because("§7.5: IA32_UINTR_TT[0] = 0");
        }
        if (Long.compareUnsigned(index, c.uittSize()) > 0) {
            return Fault.GP.because("§7.5: index > UITTSZ");
        }
        Memory mem = m.memory();
        int width = c.pagingWidth();
        long entry = (c.tt & UintrMsr.TT_BASE_MASK) + (index << 4);
        int es = Access.fastSlot(mem, entry, Uitte.BYTES, false, false, width);
        if (es < 0) {
            Fault f = Access.check(mem, entry, Uitte.BYTES, false, false, width, Fault.GP, "§7.5: UITT entry read");
            if (f != Fault.NONE) {
                return f;                                      // §7.5 UITTE not canonical (#GP) or not present (#PF)
            }
        }
        long lo = Access.read(mem, es, entry);
        long hi = Access.read(mem, es, entry + 8);
        if (!Uitte.isWellFormed(lo, hi)) {
            return Fault.GP.because(uitteFault(lo, hi));
        }
        int uv = (int) (lo >>> 8) & 0x3F;
        long upid = hi;
        int us = Access.fastSlot(mem, upid, Upid.BYTES, true, false, width);
        if (us < 0) {
            Fault f = Access.check(mem, upid, Upid.BYTES, true, false, width, Fault.GP, "§7.5: UPID read-modify-write");
            if (f != Fault.NONE) {
                return f;                                      // §7.5 UPID not canonical (#GP), not present/read-only (#PF)
            }
        }
        // -- locked 16-byte read-modify-write: nothing else runs between the reads and the writes --
        long u0 = Access.read(mem, us, upid);
        long u1 = Access.read(mem, us, upid + 8);
        if ((u0 & Upid.RESERVED) != 0) {
            return Fault.GP.because(Fault.UPID_RESERVED_BITS);
        }
        u1 |= 1L << uv;                                        // PIR[UV] := 1
        boolean notify = (u0 & (Upid.ON | Upid.SN)) == 0;
        if (notify) {
            u0 |= Upid.ON;
        }
        Access.write(mem, us, upid, u0);
        Access.write(mem, us, upid + 8, u1);
        // -- end locked --
        if (notify) {
            int nv = (int) (u0 >>> 16) & 0xFF;
            long dest = c.apic.x2apic ? u0 >>> 32 : (u0 >>> 40) & 0xFF;
            m.sendIpi(cpu, nv, dest);
        }
        return Fault.NONE;
    }

    /** Which of the UITT entry's checks failed (uintr-isa §7.5, §5.2), in the order the entry lists them. */
    private static String uitteFault(long lo, long hi) {
        Uitte e = new Uitte(lo, hi);
        if (!e.valid()) {
            return "§7.5: UITT entry V = 0 (§5.2)";
        }
        if (e.reserved7to1() != 0 || e.reserved63to16() != 0) {
            return "§7.5: UITT entry reserved bit set (§5.2)";
        }
        if (e.userVector() >= 64) {
            return "§7.5: UITT entry UV >= 64 (§5.2)";
        }
        return "§7.5: UITT entry UPIDADDR not 64-byte aligned (§5.2)";
    }
}
