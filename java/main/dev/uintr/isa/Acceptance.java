package dev.uintr.isa;

/** What became of an ordinary external interrupt the processor accepted (uintr-isa §8). */
public enum Acceptance {
    /** It was the notification vector: EOI written, ON cleared, PIR moved into UIRR (maybe 0). */
    NOTIFIED(Fault.NONE),
    /** Not a notification (vector != UINV, CR4.UINTR = 0 or LMA = 0): it goes through the IDT. */
    TO_IDT(Fault.NONE),
    /** Notification processing found UPIDADDR not canonical (emulator's choice; EOI already written). */
    FAULT_GP(Fault.GP),
    /** Notification processing found the UPID not present or read-only (emulator's choice; EOI already written). */
    FAULT_PF(Fault.PF);

    private final Fault fault;

    Acceptance(Fault fault) {
        this.fault = fault;
    }

    public Fault fault() {
        return fault;
    }
}
