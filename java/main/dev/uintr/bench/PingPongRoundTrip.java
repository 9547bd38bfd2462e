package dev.uintr.bench;

import dev.uintr.isa.Acceptance;
import dev.uintr.isa.Delivery;
import dev.uintr.isa.Fault;
import dev.uintr.isa.Isa;
import dev.uintr.isa.UintrMsr;
import dev.uintr.isa.Uitte;
import dev.uintr.isa.Upid;
import dev.uintr.machine.Cpu;
import dev.uintr.machine.CpuModel;
import dev.uintr.machine.Machine;
import dev.uintr.machine.Memory;

/**
 * The two-CPU uipi round trip on the emulated machine, the shape of the native {@code uipi}
 * ping-pong: CPU 0 (A) runs SENDUIPI with UITT index 0, whose UPID names CPU 1 (B); the
 * notification IPI waits in flight until it lands on B's local APIC; B takes it (notification
 * processing: PIR into UIRR), delivers (frame pushed, RIP = handler), its handler drops the vector
 * ({@code add $8,%rsp}) and UIRETs; B then answers with index 1 and the same happens on A. Every
 * step's result is checked, so a broken path cannot report a time.
 *
 * <p>Both CPUs share one UITT (UITTSZ = 1) in a supervisor page; each has its own UPID (notification
 * vector 0xEC, design decision 7) and its own user stack. xAPIC mode: a UPID's destination is
 * NDST[15:8] (uintr-isa §5.1).
 */
final class PingPongRoundTrip implements EmulatedRoundTrip {
    static final long UITT = 0x1000;
    static final long UPID_A = 0x2040;
    static final long UPID_B = 0x2080;
    static final long HANDLER = 0x401000;
    static final long USER_RIP = 0x400123;
    static final long STACK_A = 0x7FFF_FFFF_E358L;
    static final long STACK_B = 0x7FFF_FFFF_C358L;
    static final int UINV = 0xEC;
    static final int A = 0;
    static final int B = 1;

    private final Machine m = new Machine(2, CpuModel.SAPPHIRE_RAPIDS);

    PingPongRoundTrip() {
        Memory mem = m.memory();
        mem.map(UITT, UITT + 0xFFF, Memory.WRITABLE);                         // supervisor: UITT and UPIDs
        mem.map(UPID_A & ~0xFFFL, (UPID_A & ~0xFFFL) + 0xFFF, Memory.WRITABLE);
        for (long sp : new long[] {STACK_A, STACK_B}) {
            mem.map(sp & ~0xFFFL, (sp & ~0xFFFL) + 0xFFF, Memory.WRITABLE | Memory.USER);
        }
        entry(mem, 0, 3, UPID_B);                                             // A -> B, user vector 3
        entry(mem, 1, 4, UPID_A);                                             // B -> A, user vector 4
        mem.write64(UPID_A, Upid.of(false, false, 0, UINV, 0, (long) A << 8, 0).lo());
        mem.write64(UPID_B, Upid.of(false, false, 0, UINV, 0, (long) B << 8, 0).lo());
        setUp(m.cpu(A), UPID_A, STACK_A);
        setUp(m.cpu(B), UPID_B, STACK_B);
    }

    /** The emulated machine (tests break it on purpose). */
    Machine machine() {
        return m;
    }

    private static void entry(Memory mem, int index, int vector, long upid) {
        Uitte e = Uitte.of(true, 0, vector, 0, upid);
        mem.write64(UITT + 16L * index, e.lo());
        mem.write64(UITT + 16L * index + 8, e.hi());
    }

    private static void setUp(Cpu c, long upid, long stack) {
        c.cpl = 3;
        c.uif = true;
        c.tt = UintrMsr.tt(UITT, true);
        c.misc = UintrMsr.misc(1, UINV);
        c.pd = upid;
        c.handler = HANDLER;
        c.stackAdjust = 0x80;
        c.rip = USER_RIP;
        c.rsp = stack;
    }

    @Override
    public long run(long n) {
        long bad = 0;
        for (long i = 0; i < n; i++) {
            bad += leg(A, 0, B);
            bad += leg(B, 1, A);
        }
        bad += idle(m.cpu(A), STACK_A) + idle(m.cpu(B), STACK_B);
        return bad;
    }

    /** One notification: {@code from} sends with UITT {@code index}; the IPI lands on {@code to}, which takes it. */
    private long leg(int from, int index, int to) {
        long bad = 0;
        if (Isa.senduipi(m, from, index) != Fault.NONE) {
            bad++;
        }
        if (m.ipisInFlight() != 1) {
            return bad + 1;                                                   // nothing (or too much) to land
        }
        m.landIpi(0);
        if (Isa.takeInterrupt(m, to) != Acceptance.NOTIFIED) {
            bad++;
        }
        if (Isa.deliver(m, to) != Delivery.DELIVERED) {
            bad++;
        }
        m.cpu(to).rsp += 8;                                                   // the handler's add $8,%rsp drops the vector
        if (Isa.uiret(m, to) != Fault.NONE) {
            bad++;
        }
        return bad;
    }

    /** 1 unless the CPU is back where it started: same RIP and RSP, UIF set, nothing pending. */
    private static long idle(Cpu c, long stack) {
        return c.rip == USER_RIP && c.rsp == stack && c.uif && c.uirr == 0 ? 0 : 1;
    }
}
