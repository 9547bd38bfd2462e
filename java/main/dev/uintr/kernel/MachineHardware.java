package dev.uintr.kernel;

import dev.uintr.isa.Acceptance;
import dev.uintr.isa.Delivery;
import dev.uintr.isa.Fault;
import dev.uintr.isa.Isa;
import dev.uintr.isa.UintrMsr;
import dev.uintr.isa.Uitte;
import dev.uintr.isa.Upid;
import dev.uintr.machine.Cpu;
import dev.uintr.machine.CpuMode;
import dev.uintr.machine.Machine;
import dev.uintr.machine.Memory;
import java.util.function.BiFunction;

/**
 * Runs the architectural steps (SENDUIPI, notification processing, delivery + UIRET) on the
 * emulated machine of packages {@code machine} and {@code isa}, so that the kernel model's
 * UPIDs and UITTs are read and written by the real ISA model in their 16-byte formats at
 * their kernel addresses.
 *
 * <p>How state is split (our decision, see java/ARCHITECTURE.md "Kernel model"): the kernel's objects
 * ({@link UpidContext}, {@link Uitt}, {@link Task}) are the truth between steps. Before a step the
 * images it can touch are written into the machine's memory (UITT entry, UPID) and the acting
 * processor's MSRs are loaded from the task; after it the UPID and UIRR/UIF are read back and
 * any IPI the step sent is routed into the kernel's CPU model. The machine is an execution
 * engine kept beside the state: it is not part of equality or hashing, and a copy starts with
 * a fresh one.
 */
final class MachineHardware {
    /** Base of the UITTs in the kernel's address space: one mapped page each, the next page left unmapped as a guard. */
    static final long UITT_BASE = 0xffff888100000000L;
    static final long UITT_STRIDE = 0x2000;
    /** Top of task 0's user stack; each task gets its own 1 MiB slot below. */
    static final long USER_STACK_TOP = 0x00007ff000000000L;
    static final long USER_RIP = 0x401234L;

    private MachineHardware() {}

    static long uittAddress(int id) {
        return UITT_BASE + UITT_STRIDE * id;
    }

    static long userStackTop(int tid) {
        return USER_STACK_TOP - 0x100000L * tid;
    }

    static Machine engine(KernelState s) {
        if (s.engine == null) {
            s.engine = new Machine(s.cpus.length, dev.uintr.machine.CpuModel.SAPPHIRE_RAPIDS);
        }
        return s.engine;
    }

    static Cpu load(KernelState s, Task t, int cpl) {
        Machine m = engine(s);
        Cpu c = m.cpu(t.cpu);
        c.cpuidUintr = s.config.hardware();
        c.cr4Uintr = s.config.hardware() && s.config.built();
        c.mode = CpuMode.LONG64;
        c.cpl = cpl;
        c.tt = t.tt >= 0 ? UintrMsr.tt(uittAddress(t.tt), true) : 0;
        c.misc = UintrMsr.misc(t.uittSize, s.cpus[t.cpu].liveUinv);
        c.pd = t.pd >= 0 ? UpidContext.address(t.pd) : 0;
        c.uirr = t.uirr;
        c.uif = t.uif;
        c.handler = t.handler;
        c.stackAdjust = t.stackAdjust;
        return c;
    }

    /** Writes UPID {@code id}'s 16-byte image to its kernel address. */
    static void pushUpid(KernelState s, int id) {
        Memory mem = engine(s).memory();
        long a = UpidContext.address(id);
        if (!mem.isPresent(a)) {
            mem.map(a, a + 15, Memory.WRITABLE);
        }
        UpidContext u = s.upid(id);
        Upid d = u.descriptor();
        mem.write64(a, d.lo());
        mem.write64(a + 8, d.hi());
    }

    /** Reads UPID {@code id}'s descriptor back from memory into the kernel object. */
    static void pullUpid(KernelState s, int id) {
        Memory mem = engine(s).memory();
        long a = UpidContext.address(id);
        s.upid(id).load(new Upid(mem.read64(a), mem.read64(a + 8)));
    }

    /** Writes one UITT entry (§1.5: bit 0 valid, 15:8 vector, 127:64 UPID address). */
    private static void pushUittEntry(KernelState s, int uittId, int idx) {
        Memory mem = engine(s).memory();
        long base = uittAddress(uittId);
        if (!mem.isPresent(base)) {
            mem.map(base, base + Uitt.ENTRIES * 16L - 1, Memory.WRITABLE);
        }
        Uitt u = s.uitt(uittId);
        Uitte e = Uitte.of(u.valid[idx], 0, u.vector[idx], 0, u.upid[idx] >= 0 ? UpidContext.address(u.upid[idx]) : 0);
        mem.write64(base + 16L * idx, e.lo());
        mem.write64(base + 16L * idx + 8, e.hi());
    }

    /** SENDUIPI on the machine: the architectural fault, or NONE with the post done and IPIs routed. */
    static Fault senduipi(KernelState s, Task t, long idx) {
        Cpu c = load(s, t, 3);
        int target = -1;
        if (t.tt >= 0 && idx >= 0 && idx < Uitt.ENTRIES) {
            pushUittEntry(s, t.tt, (int) idx);
            target = s.uitt(t.tt).upid[(int) idx];
            if (target >= 0) {
                pushUpid(s, target);
            }
        } else if (t.tt >= 0) {
            Memory mem = engine(s).memory();
            mem.map(uittAddress(t.tt), uittAddress(t.tt) + Uitt.ENTRIES * 16L - 1, Memory.WRITABLE);
        }
        Fault f = Isa.senduipi(engine(s), t.cpu, idx);
        if (f == Fault.NONE && target >= 0) {
            pullUpid(s, target);
        }
        drainIpis(s);
        t.uirr = c.uirr;
        return f;
    }

    /** The processor of kernel CPU {@code k}, running {@code t}, accepts {@code vector} (§1.7). */
    static Acceptance accept(KernelState s, PerCpu k, Task t, int vector) {
        Cpu c = load(s, t, t.inKernel ? 0 : 3);
        if (t.pd >= 0) {
            pushUpid(s, t.pd);
        }
        Acceptance a = Isa.acceptInterrupt(engine(s), k.id, vector);
        if (a == Acceptance.NOTIFIED && t.pd >= 0) {
            pullUpid(s, t.pd);
            t.uirr = c.uirr;
        }
        return a;
    }

    /**
     * One delivery at a user-mode boundary followed by the handler's UIRET: returns the vector,
     * -1 when nothing is deliverable, or -2 when delivery faulted (the task gets SIGSEGV). A
     * plain-function handler ({@link HandlerAbi#PLAIN_FUNCTION}) returns its vector too but leaves
     * {@link Task#killedBy} = SIGSEGV: its {@code ret} jumped to the vector.
     */
    static int deliverOne(KernelState s, Task t) {
        Cpu c = load(s, t, 3);
        Memory mem = engine(s).memory();
        long top = userStackTop(t.tid);
        if (!mem.isPresent(top - 0x1000)) {
            mem.map(top - 0x2000, top - 1, Memory.WRITABLE | Memory.USER);
        }
        if ((t.stackAdjust & 1) != 0) {
            long sp = t.stackAdjust & ~0xFL;
            if (!mem.isPresent(sp - 8)) {
                mem.map(sp - 0x1000, sp - 1, Memory.WRITABLE | Memory.USER);  // the alt stack the task gave
            }
        }
        c.rsp = top - 0x400;
        c.rip = USER_RIP;
        c.rflags = 0x202;
        Delivery d = Isa.deliver(engine(s), t.cpu);
        if (d == Delivery.NOT_PENDING || d == Delivery.BLOCKED) {
            return -1;
        }
        if (d != Delivery.DELIVERED) {
            return -2;
        }
        t.handlerRsp = c.rsp;                                          // points at the pushed vector
        int vector = (int) mem.read64(c.rsp);
        if (s.mm(t.mm).abiAt(t.handler) == HandlerAbi.PLAIN_FUNCTION) {
            plainReturn(t, c, mem);
            return vector;
        }
        if (s.handlerBody != null) {
            runBody(s, t, c, mem, vector, top - 0x400);
        }
        c.rsp += 8;                                                    // the handler pops the vector
        Fault f = Isa.uiret(engine(s), t.cpu);
        if (f != Fault.NONE) {
            throw new IllegalStateException("UIRET of a frame delivery just pushed faulted: " + f);
        }
        t.uirr = c.uirr;
        t.uif = c.uif;
        return vector;
    }

    /**
     * The handler body between delivery and UIRET: the task's UIRR and UIF are what delivery left
     * (UIF = 0), the body's TESTUI / SENDUIPI act on them (SENDUIPI reloads the processor from the
     * task), and the processor is reloaded from the task afterwards, with the frame registers kept.
     */
    private static void runBody(KernelState s, Task t, Cpu c, Memory mem, int vector, long interruptedRsp) {
        t.uirr = c.uirr;
        t.uif = c.uif;
        long rsp = c.rsp;
        long rip = c.rip;
        long rflags = c.rflags;
        HandlerBody.Frame f = new HandlerBody.Frame(rsp, mem.read64(rsp + 8), mem.read64(rsp + 16), mem.read64(rsp + 24),
                USER_RIP, interruptedRsp, 0x202, t.stackAdjust);
        s.handlerBody.run(t.tid, vector, f);
        Cpu again = load(s, t, 3);
        again.rsp = rsp;
        again.rip = rip;
        again.rflags = rflags;
    }

    /**
     * A regular function's epilogue: {@code ret} pops the top of the frame, which is the vector
     * (uintr-isa §9 pushes it last), into RIP. The fetch at that address (0..63, in the never
     * mapped first page) is a user #PF: SIGSEGV. Should the page be mapped, the model still
     * reports the crash: running code at an address chosen by the vector is never a handler.
     */
    private static void plainReturn(Task t, Cpu c, Memory mem) {
        long target = mem.read64(c.rsp);
        c.rsp += 8;
        c.rip = target;
        t.uirr = c.uirr;
        t.uif = c.uif;                                                 // stays 0: UIRET never runs
        t.killedBy = Signals.SIGSEGV;
    }

    /** Moves every IPI the machine holds (self-IPIs in an IRR, others in flight) into the kernel's CPUs. */
    private static void drainIpis(KernelState s) {
        Machine m = engine(s);
        for (int i = 0; i < m.cpuCount(); i++) {
            int v;
            while ((v = m.cpu(i).apic.acknowledge()) >= 0) {
                m.cpu(i).apic.eoi();
                UipiHardware.route(s, m.cpu(i).apic.id, v);
            }
        }
        for (int k = 0; k < m.ipisInFlight(); k++) {
            UipiHardware.route(s, m.ipiDestination(k), m.ipiVector(k));
        }
        m.landAll();
        for (int i = 0; i < m.cpuCount(); i++) {
            while (m.cpu(i).apic.acknowledge() >= 0) {
                m.cpu(i).apic.eoi();
            }
        }
    }

    /**
     * Delivery at a real thread's user-mode boundary (hybrid): the frame of uintr-isa §9 is built
     * by the ISA model on pages mapped only for this step around the real stack, and handed back
     * as bytes for the supervisor to write. Null when nothing is deliverable.
     */
    static UserFrame deliverAt(KernelState s, Task t, long rip, long rsp, long rflags) {
        long top = (t.stackAdjust & 1) != 0 ? t.stackAdjust & ~1L : rsp - t.stackAdjust;
        long frame = (top & ~0xFL) - 32;
        long first = frame & ~0xFFFL;
        long last = ((top & ~0xFL) - 1) | 0xFFFL;
        return atUserBoundary(s, t, rip, rsp, rflags, first, last, (c, mem) -> {
            Delivery d = Isa.deliver(engine(s), t.cpu);
            if (d == Delivery.NOT_PENDING || d == Delivery.BLOCKED) {
                return null;
            }
            if (d != Delivery.DELIVERED) {
                t.deliveryFaulted = true;
                return UserFrame.fault(d.fault());
            }
            byte[] bytes = new byte[32];
            for (int i = 0; i < 32; i++) {
                bytes[i] = (byte) mem.read8(c.rsp + i);
            }
            t.uirr = c.uirr;
            t.uif = c.uif;
            t.handlerRsp = c.rsp;
            int vector = (int) mem.read64(c.rsp);
            t.deliveries.add(vector);
            return new UserFrame(Fault.NONE, vector, c.rsp, bytes, c.rip, c.rsp, c.rflags);
        });
    }

    /**
     * UIRET by a real thread (hybrid): {@code stack} holds the bytes at {@code rsp} (at least 24),
     * which the ISA model pops (uintr-isa §7.4); returns the registers after it, or the fault.
     */
    static UserFrame uiretAt(KernelState s, Task t, long rip, long rsp, long rflags, byte[] stack) {
        return atUserBoundary(s, t, rip, rsp, rflags, rsp & ~0xFFFL, (rsp + 23) | 0xFFFL, (c, mem) -> {
            for (int i = 0; i < 24 && i < stack.length; i++) {
                mem.write8(rsp + i, stack[i] & 0xFF);
            }
            Fault f = Isa.uiret(engine(s), t.cpu);
            if (f != Fault.NONE) {
                return UserFrame.fault(f);
            }
            t.uif = c.uif;
            t.uirr = c.uirr;
            return new UserFrame(Fault.NONE, -1, 0, new byte[0], c.rip, c.rsp, c.rflags);
        });
    }

    /**
     * A step at a real thread's user-mode boundary (hybrid): t's CPU loaded at CPL 3 with the
     * thread's RIP, RSP and RFLAGS, and the user pages [first, last] around its stack mapped for
     * the step alone when neither end is mapped already (unmapped after it, whatever it returns).
     */
    private static UserFrame atUserBoundary(KernelState s, Task t, long rip, long rsp, long rflags, long first,
            long last, BiFunction<Cpu, Memory, UserFrame> step) {
        Cpu c = load(s, t, 3);
        Memory mem = engine(s).memory();
        boolean mapped = !mem.isPresent(first) && !mem.isPresent(last);
        if (mapped) {
            mem.map(first, last, Memory.WRITABLE | Memory.USER);
        }
        try {
            c.rip = rip;
            c.rsp = rsp;
            c.rflags = rflags;
            return step.apply(c, mem);
        } finally {
            if (mapped) {
                mem.unmap(first, last);
            }
        }
    }
}
