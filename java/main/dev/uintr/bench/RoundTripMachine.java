package dev.uintr.bench;

import dev.uintr.isa.UintrMsr;
import dev.uintr.isa.Uitte;
import dev.uintr.isa.Upid;
import dev.uintr.machine.Cpu;
import dev.uintr.machine.Memory;

/**
 * The set-up the emulated round trips share ({@link RoundTripBench} on one CPU,
 * {@link PingPongRoundTrip} on two): the UITT and the UPIDs in supervisor pages, each CPU in user
 * mode (CPL 3, UIF = 1) with UINTR enabled on that UITT, its own UPID (notification vector 0xEC,
 * design decision 7), the handler and a user stack. xAPIC mode: a UPID's destination is
 * NDST[15:8] (uintr-isa §5.1).
 */
final class RoundTripMachine {
    static final long UITT = 0x1000;
    static final long HANDLER = 0x401000;
    static final long USER_RIP = 0x400123;
    static final int UINV = 0xEC;

    private RoundTripMachine() {}

    /** Maps the 4 KiB page that holds {@code addr} with {@code flags}. */
    static void mapPage(Memory mem, long addr, int flags) {
        mem.map(addr & ~0xFFFL, (addr & ~0xFFFL) + 0xFFF, flags);
    }

    /** UITT entry {@code index}: valid, user vector {@code vector}, pointing at {@code upid}. */
    static void uittEntry(Memory mem, int index, int vector, long upid) {
        Uitte e = Uitte.of(true, 0, vector, 0, upid);
        mem.write64(UITT + 16L * index, e.lo());
        mem.write64(UITT + 16L * index + 8, e.hi());
    }

    /** An idle UPID at {@code upid} (nothing posted, SN = 0) whose notifications go to xAPIC id {@code apicId}. */
    static void upid(Memory mem, long upid, int apicId) {
        mem.write64(upid, Upid.of(false, false, 0, UINV, 0, (long) apicId << 8, 0).lo());
    }

    /** CPU {@code c} in user mode at USER_RIP on {@code stack}, receiving through {@code upid}, UITTSZ {@code uittSize}. */
    static void userCpu(Cpu c, int uittSize, long upid, long stack) {
        c.cpl = 3;
        c.uif = true;
        c.tt = UintrMsr.tt(UITT, true);
        c.misc = UintrMsr.misc(uittSize, UINV);
        c.pd = upid;
        c.handler = HANDLER;
        c.stackAdjust = 0x80;
        c.rip = USER_RIP;
        c.rsp = stack;
    }
}
