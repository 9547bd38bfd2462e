package dev.uintr.isa;

import dev.uintr.machine.Memory;

/** Linear-address checks every memory access of the model makes before touching memory. */
final class Access {
    private Access() {}

    /**
     * Checks an access of {@code len} bytes at {@code addr}: a non-canonical first or last byte
     * gives {@code nonCanonical} (#GP for data, #SS for the stack), a byte not present or
     * without the needed permission gives #PF; {@code what} names the access in the cause.
     */
    static Fault check(Memory mem, long addr, int len, boolean write, boolean user, int width, Fault nonCanonical,
            String what) {
        if (!Canonical.is(addr, width) || !Canonical.is(addr + len - 1, width)) {
            return nonCanonical.because(what + ": address not canonical");
        }
        return mem.canAccess(addr, len, write, user) ? Fault.NONE
                : Fault.PF.because(what + ": page not present or not permitted");
    }

    /**
     * The fast path: the page slot of an aligned access that is canonical and lies, present and
     * permitted, in one page; -1 otherwise (then {@link #check} decides the fault, if any, and
     * the plain {@code read64}/{@code write64} apply).
     */
    static int fastSlot(Memory mem, long addr, int len, boolean write, boolean user, int width) {
        if ((addr & 7) != 0 || !Canonical.is(addr, width) || !Canonical.is(addr + len - 1, width)) {
            return -1;
        }
        return mem.slot(addr, len, write, user);
    }

    static long read(Memory mem, int slot, long addr) {
        return slot >= 0 ? mem.readSlot(slot, addr) : mem.read64(addr);
    }

    static void write(Memory mem, int slot, long addr, long value) {
        if (slot >= 0) {
            mem.writeSlot(slot, addr, value);
        } else {
            mem.write64(addr, value);
        }
    }
}
