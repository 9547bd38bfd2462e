package dev.uintr.isa;

import dev.uintr.machine.Machine;

/**
 * The bit-exact UINTR ISA model: the entry points other packages use. Every method acts on
 * one logical processor ({@code cpu}, an index into the machine) and returns its fault as a
 * value; a faulting step changes nothing (see each method for the documented exceptions).
 * RIP is never advanced past the instruction itself: instruction lengths belong to the caller.
 *
 * <p>Sections refer to spec/uintr-isa.md; decisions where it is silent to design.md.
 */
public final class Isa {
    private Isa() {}

    /** SENDUIPI with the index register's value — §7.5. A notification IPI goes to the machine (self-IPIs straight to the IRR). */
    public static Fault senduipi(Machine m, int cpu, long index) {
        return Instructions.senduipi(m, cpu, index, false);
    }

    /** UIRET — §7.4. */
    public static Fault uiret(Machine m, int cpu) {
        return Instructions.uiret(m, cpu, false);
    }

    /** CLUI — §7.1. */
    public static Fault clui(Machine m, int cpu) {
        return Instructions.clui(m, cpu, false);
    }

    /** STUI — §7.2. */
    public static Fault stui(Machine m, int cpu) {
        return Instructions.stui(m, cpu, false);
    }

    /** TESTUI — §7.3 (the result is RFLAGS.CF). */
    public static Fault testui(Machine m, int cpu) {
        return Instructions.testui(m, cpu, false);
    }

    /**
     * The processor accepts an ordinary external interrupt with {@code vector} (already
     * acknowledged from its local APIC): notification identification and processing — §8.
     */
    public static Acceptance acceptInterrupt(Machine m, int cpu, int vector) {
        return Notification.accept(m, cpu, vector);
    }

    /**
     * Acknowledges the highest acceptable vector from the processor's local APIC (if any) and
     * runs {@link #acceptInterrupt}; returns null when nothing was acceptable. An ordinary external
     * interrupt, the notification vector included, is accepted only with RFLAGS.IF = 1: with IF = 0
     * it stays requested in the IRR and null is returned (SDM maskable interrupts; the kvm-unit-tests
     * uintr check; fixtures/isa/README.md).
     */
    public static Acceptance takeInterrupt(Machine m, int cpu) {
        if (!m.cpu(cpu).interruptsEnabled()) {
            return null;
        }
        int v = m.cpu(cpu).apic.acknowledge();
        return v < 0 ? null : Notification.accept(m, cpu, v);
    }

    /** An instruction boundary: user-interrupt recognition and delivery — §9. */
    public static Delivery deliver(Machine m, int cpu) {
        return UserInterruptDelivery.deliver(m, cpu);
    }

    /** WRMSR of a UINTR MSR — §3. */
    public static Fault wrmsr(Machine m, int cpu, long msr, long value) {
        return MsrAccess.wrmsr(m, cpu, msr, value);
    }

    /** RDMSR of a UINTR MSR — §3. */
    public static MsrRead rdmsr(Machine m, int cpu, long msr) {
        return MsrAccess.rdmsr(m, cpu, msr);
    }

    /** XSAVES of state component 14 to the 48-byte image at {@code addr} — §4. */
    public static Fault xsaves(Machine m, int cpu, long addr) {
        return XsaveComponent.xsaves(m, cpu, addr);
    }

    /** XRSTORS of state component 14 from the 48-byte image at {@code addr} — §4. */
    public static Fault xrstors(Machine m, int cpu, long addr) {
        return XsaveComponent.xrstors(m, cpu, addr);
    }

    /** XRSTORS with the component in its init state (XSTATE_BV[14] = 0) — §4 step 5. */
    public static Fault xrstorsInit(Machine m, int cpu) {
        return XsaveComponent.xrstorsInit(m, cpu);
    }

    /**
     * Executes a decoded instruction; {@code registerValue} is the value of SENDUIPI's index
     * register ({@link Decoded#register()}), ignored otherwise. A LOCK prefix raises #UD after
     * the mode check (§7 gate order). A rejected decoding is #UD.
     */
    public static Fault execute(Machine m, int cpu, Decoded d, long registerValue) {
        if (!d.isUintr()) {
            return Fault.UD.because("not a UINTR instruction");
        }
        switch (d.instruction()) {
            case SENDUIPI: return Instructions.senduipi(m, cpu, registerValue, d.lock());
            case UIRET: return Instructions.uiret(m, cpu, d.lock());
            case CLUI: return Instructions.clui(m, cpu, d.lock());
            case STUI: return Instructions.stui(m, cpu, d.lock());
            case TESTUI: return Instructions.testui(m, cpu, d.lock());
            default: throw new AssertionError(d.instruction());
        }
    }
}
