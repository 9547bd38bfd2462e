package dev.uintr.isa;

/** The outcome of user-interrupt recognition and delivery at an instruction boundary (uintr-isa §9). */
public enum Delivery {
    /** No user interrupt is recognized: CR4.UINTR = 0 or UIRR = 0. */
    NOT_PENDING(Fault.NONE),
    /** Recognized but not deliverable here: UIF = 0, CPL != 3 or not 64-bit mode. */
    BLOCKED(Fault.NONE),
    /** Delivered: the frame is pushed and RIP = UIHANDLER. */
    DELIVERED(Fault.NONE),
    /** UIHANDLER not canonical for the current paging mode: #GP(0), nothing changed. */
    FAULT_GP(Fault.GP),
    /** A stack push at a non-canonical address: #SS(0), everything rolled back. */
    FAULT_SS(Fault.SS),
    /** A stack push faulted: #PF, everything rolled back (the interrupt stays pending). */
    FAULT_PF(Fault.PF);

    private final Fault fault;

    Delivery(Fault fault) {
        this.fault = fault;
    }

    public Fault fault() {
        return fault;
    }

    static Delivery of(Fault f) {
        switch (f.kind()) {
            case GP: return FAULT_GP;
            case SS: return FAULT_SS;
            case PF: return FAULT_PF;
            default: throw new IllegalArgumentException("not a delivery fault: " + f);
        }
    }
}
