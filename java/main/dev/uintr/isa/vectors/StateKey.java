package dev.uintr.isa.vectors;

import dev.uintr.machine.Cpu;
import dev.uintr.machine.CpuMode;

/**
 * The register-like state keys of spec/isa-vectors.md with their reset values, allowed ranges
 * and where they live on the emulated processor. {@code cpuid.uiretuif} is this harness's
 * extension (CPUID.(7,1):EDX[17], Flexible UIRET, reset 0); rows that do not use it follow the
 * spec's format exactly.
 */
enum StateKey {
    CPUID_UINTR("cpuid.uintr", 1, 1),
    CPUID_UIRETUIF("cpuid.uiretuif", 0, 1),
    CR4_UINTR("cr4.uintr", 1, 1),
    MODE("mode", 64, -1),
    CPL("cpl", 3, 3),
    UIF("uif", 0, 1),
    RFLAGS("rflags", 0x202, -1),
    RIP("rip", 0, -1),
    RSP("rsp", 0, -1),
    HANDLER("handler", 0, -1),
    STACKADJUST("stackadjust", 0, -1),
    MISC("misc", 0, -1),
    PD("pd", 0, -1),
    TT("tt", 0, -1),
    RR("rr", 0, -1),
    X2APIC("x2apic", 0, 1),
    APICID("apicid", 0, 0xFFFF_FFFFL),
    EOI("eoi", 0, -1),
    LA57("la57", 0, 1);

    /** Internal code of mode=compat (mode=64 is 64). */
    static final long MODE_COMPAT = 32;

    final String key;
    final long reset;
    /** The largest allowed value (unsigned), -1 for any 64-bit value; MODE is special. */
    final long max;

    StateKey(String key, long reset, long max) {
        this.key = key;
        this.reset = reset;
        this.max = max;
    }

    static StateKey of(String key) {
        for (StateKey k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }

    /** Parses the value text; returns null when it is not valid for this key. */
    Long parse(String text) {
        if (this == MODE) {
            if (text.equals("64")) {
                return 64L;
            }
            return text.equals("compat") ? MODE_COMPAT : null;
        }
        Long v = Numbers.parse(text);
        if (v == null || (max != -1 && Long.compareUnsigned(v, max) > 0)) {
            return null;
        }
        return v;
    }

    /** The value as a row would write it. */
    String format(long v) {
        if (this == MODE) {
            return v == 64 ? "64" : v == MODE_COMPAT ? "compat" : "legacy";
        }
        if (max == 1 || this == CPL || this == EOI) {
            return Long.toUnsignedString(v);
        }
        return "0x" + Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
    }

    /** Reads this key from the processor. CPUID_UIRETUIF is a machine property: the runner handles it. */
    long read(Cpu c) {
        switch (this) {
            case CPUID_UINTR: return c.cpuidUintr ? 1 : 0;
            case CR4_UINTR: return c.cr4Uintr ? 1 : 0;
            case MODE: return c.mode == CpuMode.LONG64 ? 64 : c.mode == CpuMode.COMPAT ? MODE_COMPAT : 16;
            case CPL: return c.cpl;
            case UIF: return c.uif ? 1 : 0;
            case RFLAGS: return c.rflags;
            case RIP: return c.rip;
            case RSP: return c.rsp;
            case HANDLER: return c.handler;
            case STACKADJUST: return c.stackAdjust;
            case MISC: return c.misc;
            case PD: return c.pd;
            case TT: return c.tt;
            case RR: return c.uirr;
            case X2APIC: return c.apic.x2apic ? 1 : 0;
            case APICID: return c.apic.id;
            case EOI: return c.apic.eoiCount;
            case LA57: return c.la57 ? 1 : 0;
            default: throw new IllegalStateException(key + " is not a processor register");
        }
    }

    void write(Cpu c, long v) {
        switch (this) {
            case CPUID_UINTR: c.cpuidUintr = v != 0; break;
            case CR4_UINTR: c.cr4Uintr = v != 0; break;
            case MODE: c.mode = v == 64 ? CpuMode.LONG64 : CpuMode.COMPAT; break;
            case CPL: c.cpl = (int) v; break;
            case UIF: c.uif = v != 0; break;
            case RFLAGS: c.rflags = v; break;
            case RIP: c.rip = v; break;
            case RSP: c.rsp = v; break;
            case HANDLER: c.handler = v; break;
            case STACKADJUST: c.stackAdjust = v; break;
            case MISC: c.misc = v; break;
            case PD: c.pd = v; break;
            case TT: c.tt = v; break;
            case RR: c.uirr = v; break;
            case X2APIC: c.apic.x2apic = v != 0; break;
            case APICID: c.apic.id = v; break;
            case EOI: c.apic.eoiCount = v; break;
            case LA57: c.la57 = v != 0; break;
            default: throw new IllegalStateException(key + " is not a processor register");
        }
    }
}
