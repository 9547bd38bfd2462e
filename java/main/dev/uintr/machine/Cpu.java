package dev.uintr.machine;

/**
 * One logical processor's architectural state as far as UINTR is concerned: a register file
 * held in public primitive fields (like a C struct: the ISA model in package {@code isa} reads
 * and writes them directly, and the explorer copies and hashes millions of them).
 *
 * <p>Default values are those of a running user thread on a UINTR-enabled OS, matching the
 * reset column of spec/isa-vectors.md: CPUID.UINTR=1, CR4.UINTR=1, 64-bit mode, CPL 3, UIF 0,
 * RFLAGS 0x202, all UINTR MSRs 0 (design decision 6: they are 0 after reset and INIT).
 *
 * <p>The six UINTR MSRs are kept as their RDMSR images: {@link #misc} never holds UIF (UIF is
 * {@link #uif}; XSAVES folds it into bit 63 of the MISC image).
 */
public final class Cpu {
    /** CPUID.(7,0):EDX[5]. */
    public boolean cpuidUintr = true;
    /** CR4[25]. */
    public boolean cr4Uintr = true;
    /** 5-level paging active: SENDUIPI, delivery and UIRET check canonicality at 57 bits, else 48. */
    public boolean la57;
    public CpuMode mode = CpuMode.LONG64;
    /** Current privilege level 0..3. */
    public int cpl = 3;
    public long rip;
    public long rsp;
    public long rflags = 0x202;
    /** User-interrupt flag. */
    public boolean uif;
    /** IA32_UINTR_RR (985H): UIRR. */
    public long uirr;
    /** IA32_UINTR_HANDLER (986H). */
    public long handler;
    /** IA32_UINTR_STACKADJUST (987H). */
    public long stackAdjust;
    /** IA32_UINTR_MISC (988H): UITTSZ in 31:0, UINV in 39:32. */
    public long misc;
    /** IA32_UINTR_PD (989H): UPIDADDR. */
    public long pd;
    /** IA32_UINTR_TT (98AH): UITTADDR | SENDUIPI-enable bit 0. */
    public long tt;
    /** The local APIC of this logical processor. */
    public final LocalApic apic;

    public Cpu(long apicId) {
        apic = new LocalApic(apicId);
    }

    private Cpu(Cpu o) {
        cpuidUintr = o.cpuidUintr;
        cr4Uintr = o.cr4Uintr;
        la57 = o.la57;
        mode = o.mode;
        cpl = o.cpl;
        rip = o.rip;
        rsp = o.rsp;
        rflags = o.rflags;
        uif = o.uif;
        uirr = o.uirr;
        handler = o.handler;
        stackAdjust = o.stackAdjust;
        misc = o.misc;
        pd = o.pd;
        tt = o.tt;
        apic = o.apic.copy();
    }

    public Cpu copy() {
        return new Cpu(this);
    }

    /** UINV: IA32_UINTR_MISC[39:32]. */
    public int uinv() {
        return (int) (misc >>> 32) & 0xFF;
    }

    /** UITTSZ: IA32_UINTR_MISC[31:0], the highest valid UITT index. */
    public long uittSize() {
        return misc & 0xFFFF_FFFFL;
    }

    /** The canonical-address width of the current paging mode (48, or 57 with 5-level paging). */
    public int pagingWidth() {
        return la57 ? 57 : 48;
    }

    /** RFLAGS.IF: whether ordinary maskable interrupts are accepted (the caller's rule, not UINTR's). */
    public boolean interruptsEnabled() {
        return (rflags & 0x200) != 0;
    }

    /** A user interrupt is recognized (pending): CR4.UINTR = 1 and UIRR != 0 (uintr-isa §3, §9). */
    public boolean userInterruptPending() {
        return cr4Uintr && uirr != 0;
    }

    @Override
    public boolean equals(Object x) {
        if (!(x instanceof Cpu)) {
            return false;
        }
        Cpu o = (Cpu) x;
        return cpuidUintr == o.cpuidUintr && cr4Uintr == o.cr4Uintr && la57 == o.la57 && mode == o.mode
                && cpl == o.cpl && rip == o.rip && rsp == o.rsp && rflags == o.rflags && uif == o.uif
                && uirr == o.uirr && handler == o.handler && stackAdjust == o.stackAdjust && misc == o.misc
                && pd == o.pd && tt == o.tt && apic.equals(o.apic);
    }

    @Override
    public int hashCode() {
        int h = (cpuidUintr ? 1 : 0) | (cr4Uintr ? 2 : 0) | (la57 ? 4 : 0) | (uif ? 8 : 0)
                | (mode.ordinal() << 4) | (cpl << 6);
        h = 31 * h + Long.hashCode(rip);
        h = 31 * h + Long.hashCode(rsp);
        h = 31 * h + Long.hashCode(rflags);
        h = 31 * h + Long.hashCode(uirr);
        h = 31 * h + Long.hashCode(handler);
        h = 31 * h + Long.hashCode(stackAdjust);
        h = 31 * h + Long.hashCode(misc);
        h = 31 * h + Long.hashCode(pd);
        h = 31 * h + Long.hashCode(tt);
        return 31 * h + apic.hashCode();
    }

    /** The STATE string: the registers that differ from the defaults, then the APIC. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!cpuidUintr) {
            sb.append("cpuid.uintr=0 ");
        }
        if (!cr4Uintr) {
            sb.append("cr4.uintr=0 ");
        }
        if (mode != CpuMode.LONG64) {
            sb.append("mode=").append(mode.label).append(' ');
        }
        if (la57) {
            sb.append("la57=1 ");
        }
        sb.append("cpl=").append(cpl).append(" uif=").append(uif ? 1 : 0);
        hex(sb, "rr", uirr);
        hex(sb, "rip", rip);
        hex(sb, "rsp", rsp);
        if (rflags != 0x202) {
            hex(sb, "rflags", rflags);
        }
        hex(sb, "handler", handler);
        hex(sb, "stackadjust", stackAdjust);
        hex(sb, "misc", misc);
        hex(sb, "pd", pd);
        hex(sb, "tt", tt);
        return sb.append(' ').append(apic).toString();
    }

    private static void hex(StringBuilder sb, String name, long v) {
        if (v != 0) {
            sb.append(' ').append(name).append("=0x").append(Long.toHexString(v));
        }
    }
}
