package dev.uintr.isa;

/** The result of RDMSR: a fault, or the value read. */
public record MsrRead(Fault fault, long value) {
    static MsrRead faulted(Fault f) {
        return new MsrRead(f, 0);
    }
}
