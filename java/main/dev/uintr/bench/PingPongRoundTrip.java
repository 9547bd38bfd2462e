package dev.uintr.bench;

import dev.uintr.isa.Acceptance;
import dev.uintr.isa.Delivery;
import dev.uintr.isa.Fault;
import dev.uintr.isa.Isa;
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
    static final long UPID_A = 0x2040;
    static final long UPID_B = 0x2080;
    static final long STACK_A = 0x7FFF_FFFF_E358L;
    static final long STACK_B = 0x7FFF_FFFF_C358L;
    static final int A = 0;
    static final int B = 1;

    private final Machine m = new Machine(2, CpuModel.SAPPHIRE_RAPIDS);

    PingPongRoundTrip() {
        Memory mem = m.memory();
        RoundTripMachine.mapPage(mem, RoundTripMachine.UITT, Memory.WRITABLE);   // supervisor: UITT and UPIDs
        RoundTripMachine.mapPage(mem, UPID_A, Memory.WRITABLE);
        for (long sp : new long[] {STACK_A, STACK_B}) {
            RoundTripMachine.mapPage(mem, sp, Memory.WRITABLE | Memory.USER);
        }
        RoundTripMachine.uittEntry(mem, 0, 3, UPID_B);                        // A -> B, user vector 3
        RoundTripMachine.uittEntry(mem, 1, 4, UPID_A);                        // B -> A, user vector 4
        RoundTripMachine.upid(mem, UPID_A, A);
        RoundTripMachine.upid(mem, UPID_B, B);
        RoundTripMachine.userCpu(m.cpu(A), 1, UPID_A, STACK_A);
        RoundTripMachine.userCpu(m.cpu(B), 1, UPID_B, STACK_B);
    }

    /** The emulated machine (tests break it on purpose). */
    Machine machine() {
        return m;
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
        return c.rip == RoundTripMachine.USER_RIP && c.rsp == stack && c.uif && c.uirr == 0 ? 0 : 1;
    }
}
