package dev.uintr.isa;

import dev.uintr.machine.Memory;

/** Linear-address checks every memory access of the model makes before touching memory. */
final class Access {
    private Access() {}

    /**
     * Checks an access of {@code len} bytes at {@code addr}: a non-canonical first or last byte
     * gives {@code nonCanonical} (#GP for data, #SS for the stack), a byte not present or
     * without the needed permission gives #PF.
     */
    static Fault check(Memory mem, long addr, int len, boolean write, boolean user, int width, Fault nonCanonical) {
        if (!Canonical.is(addr, width) || !Canonical.is(addr + len - 1, width)) {
            return nonCanonical;
        }
        return mem.canAccess(addr, len, write, user) ? Fault.NONE : Fault.PF;
    }
}
