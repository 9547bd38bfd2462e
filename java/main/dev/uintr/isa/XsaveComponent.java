package dev.uintr.isa;

import dev.uintr.machine.Cpu;
import dev.uintr.machine.Machine;
import dev.uintr.machine.Memory;
import java.util.function.Function;

/**
 * XSAVES / XRSTORS of state component 14 (uintr-isa §4), reduced to the 48-byte component
 * image at a given address (the rest of the XSAVE area, its header and RFBM are abstracted:
 * the component is always requested and in use). Both are CPL-0 instructions (#GP otherwise).
 * Without CPUID.UINTR the component cannot be enabled in IA32_XSS, so both leave it alone.
 */
final class XsaveComponent {
    private XsaveComponent() {}

    /** XSAVES: writes the image (UIF in bit 63 of the MISC quadword), then clears UINV. */
    static Fault xsaves(Machine m, int cpu, long addr) {
        return privileged(m, cpu, "XSAVES", c -> save(m, c, addr));
    }

    private static Fault save(Machine m, Cpu c, long addr) {
        Memory mem = m.memory();
        Fault f = Access.check(mem, addr, UintrXsaveImage.BYTES, true, false, c.pagingWidth(), Fault.GP,
                "§4: XSAVES image write");
        if (f != Fault.NONE) {
            return f;
        }
        mem.write64(addr + UintrXsaveImage.OFF_HANDLER, c.handler);
        mem.write64(addr + UintrXsaveImage.OFF_STACKADJUST, c.stackAdjust);
        mem.write64(addr + UintrXsaveImage.OFF_MISC,
                (c.misc & ~UintrXsaveImage.MISC_UIF) | (c.uif ? UintrXsaveImage.MISC_UIF : 0));
        mem.write64(addr + UintrXsaveImage.OFF_PD, c.pd);
        mem.write64(addr + UintrXsaveImage.OFF_RR, c.uirr);
        mem.write64(addr + UintrXsaveImage.OFF_TT, c.tt);
        c.misc &= ~UintrMsr.MISC_UINV_MASK;                    // §4 XSAVES step 2: UINV := 0 after saving
        return Fault.NONE;
    }

    /**
     * XRSTORS from memory: #GP if UINV != 0 (before anything is loaded), then the image checks
     * of §4 step 2 against the processor's maximum linear-address width; all or nothing.
     */
    static Fault xrstors(Machine m, int cpu, long addr) {
        return privileged(m, cpu, "XRSTORS", c -> restore(m, c, addr));
    }

    private static Fault restore(Machine m, Cpu c, long addr) {
        if (c.uinv() != 0) {
            return Fault.GP.because("§4: XRSTORS step 1: UINV != 0");
        }
        Memory mem = m.memory();
        Fault f = Access.check(mem, addr, UintrXsaveImage.BYTES, false, false, c.pagingWidth(), Fault.GP,
                "§4: XRSTORS image read");
        if (f != Fault.NONE) {
            return f;
        }
        UintrXsaveImage img = new UintrXsaveImage(mem.read64(addr + UintrXsaveImage.OFF_HANDLER),
                mem.read64(addr + UintrXsaveImage.OFF_STACKADJUST), mem.read64(addr + UintrXsaveImage.OFF_MISC),
                mem.read64(addr + UintrXsaveImage.OFF_PD), mem.read64(addr + UintrXsaveImage.OFF_RR),
                mem.read64(addr + UintrXsaveImage.OFF_TT));
        if (!img.restorable(m.model().maxLinearWidth())) {
            return Fault.GP.because("§4: XRSTORS step 2: image reserved bits or not canonical");
        }
        load(c, img);
        return Fault.NONE;
    }

    /**
     * XRSTORS with XSTATE_BV[14] = 0 (init path): every field and UIF become 0. Emulator's
     * choice ([UNCONFIRMED] 3): no UINV check on this path, as in Bochs.
     */
    static Fault xrstorsInit(Machine m, int cpu) {
        return privileged(m, cpu, "XRSTORS", c -> {
            load(c, INIT);
            return Fault.NONE;
        });
    }

    /** The init image: every field 0, UIF 0. */
    private static final UintrXsaveImage INIT = new UintrXsaveImage(0, 0, 0, 0, 0, 0);

    /**
     * What XSAVES and XRSTORS share (§4): #GP at CPL != 0; without CPUID.UINTR the component
     * cannot be enabled in IA32_XSS, so nothing happens; else {@code body} on the CPU.
     */
    private static Fault privileged(Machine m, int cpu, String insn, Function<Cpu, Fault> body) {
        Cpu c = m.cpu(cpu);
        if (c.cpl != 0) {
            return Fault.GP.because("§4: " + insn + " at CPL != 0");
        }
        if (!c.cpuidUintr) {
            return Fault.NONE;
        }
        return body.apply(c);
    }

    /** Loads the component's registers and UIF from {@code img} (UIF from bit 63 of its MISC quadword). */
    private static void load(Cpu c, UintrXsaveImage img) {
        c.handler = img.handler();
        c.stackAdjust = img.stackAdjust();
        c.misc = img.misc();
        c.uif = img.uif();
        c.pd = img.pd();
        c.uirr = img.rr();
        c.tt = img.tt();
    }
}
