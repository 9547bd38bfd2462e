package dev.uintr.kernel;

import dev.uintr.isa.Fault;

/**
 * What a delivery or a UIRET did to a real thread's user-mode registers (hybrid backend): the
 * registers after it and, for a delivery, the frame bytes to write at {@code frameAddress}
 * (uintr-isa §9: vector, RIP, RFLAGS, RSP from the lowest address up). A fault leaves the
 * registers untouched; the kernel turns it into SIGSEGV.
 */
public record UserFrame(Fault fault, int vector, long frameAddress, byte[] frame, long rip, long rsp, long rflags) {

    static UserFrame fault(Fault f) {
        return new UserFrame(f, -1, 0, new byte[0], 0, 0, 0);
    }

    public boolean faulted() {
        return fault != Fault.NONE;
    }
}
