package dev.uintr.machine;

/**
 * Observes what happens on the machine (traces, the kernel model, the ISA vector checker).
 * Not part of the machine's state: copies share the listener, equality ignores it.
 * All methods default to doing nothing.
 */
public interface MachineListener {
    /** No-op listener. */
    MachineListener NONE = new MachineListener() {};

    /** A processor sent a fixed, physical-destination IPI; {@code x2apic} is the sender's APIC mode. */
    default void ipiSent(int fromCpu, int vector, long destination, boolean x2apic) {}

    /** An IPI landed in the IRR of {@code toCpu}. */
    default void ipiLanded(int toCpu, int vector) {}

    /** An IPI in flight matched no local APIC and was dropped. */
    default void ipiDropped(int vector, long destination) {}

    /** Notification processing ran on {@code cpu}: {@code pir} was moved into UIRR (0: nothing was posted). */
    default void notificationProcessed(int cpu, long pir) {}

    /** An accepted interrupt was not a user-interrupt notification: it goes through the IDT. */
    default void interruptToIdt(int cpu, int vector) {}

    /** A user interrupt with {@code vector} was delivered to the handler on {@code cpu}. */
    default void userInterruptDelivered(int cpu, int vector) {}
}
