package dev.uintr.isa;

import dev.uintr.machine.Cpu;
import dev.uintr.machine.Machine;

/** RDMSR and WRMSR of the six UINTR MSRs (uintr-isa §3). Not gated by CR4.UINTR. */
final class MsrAccess {
    private MsrAccess() {}

    /** WRMSR: #GP(0) at CPL != 0, without CPUID.UINTR, for an index that is not a UINTR MSR, or for a value the MSR rejects. */
    static Fault wrmsr(Machine m, int cpu, long index, long value) {
        Cpu c = m.cpu(cpu);
        if (c.cpl != 0) {
            return Fault.GP.because("§3: WRMSR at CPL != 0");
        }
        UintrMsr msr = c.cpuidUintr ? UintrMsr.byIndex(index) : null;
        if (msr == null) {
            return Fault.GP.because("§3: no such MSR (index or CPUID.UINTR = 0)");
        }
        if (!msr.accepts(value, m.model().maxLinearWidth())) {
            return Fault.GP.because("§3: reserved bits set or address not canonical");
        }
        switch (msr) {
            case RR: c.uirr = value; break;
            case HANDLER: c.handler = value; break;
            case STACKADJUST: c.stackAdjust = value; break;
            case MISC: c.misc = value; break;
            case PD: c.pd = value; break;
            case TT: c.tt = value; break;
            default: throw new AssertionError(msr);
        }
        return Fault.NONE;
    }

    /** RDMSR: the same #GP(0) conditions as WRMSR except the value checks. */
    static MsrRead rdmsr(Machine m, int cpu, long index) {
        Cpu c = m.cpu(cpu);
        if (c.cpl != 0) {
            return MsrRead.faulted(Fault.GP.because("§3: RDMSR at CPL != 0"));
        }
        UintrMsr msr = c.cpuidUintr ? UintrMsr.byIndex(index) : null;
        if (msr == null) {
            return MsrRead.faulted(Fault.GP.because("§3: no such MSR (index or CPUID.UINTR = 0)"));
        }
        return new MsrRead(Fault.NONE, read(c, msr));
    }

    static long read(Cpu c, UintrMsr msr) {
        switch (msr) {
            case RR: return c.uirr;
            case HANDLER: return c.handler;
            case STACKADJUST: return c.stackAdjust;
            case MISC: return c.misc;
            case PD: return c.pd;
            case TT: return c.tt;
            default: throw new AssertionError(msr);
        }
    }
}
