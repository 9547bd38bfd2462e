package dev.uintr.kernel;

/**
 * The hardware paths the kernel model relies on (uintr-kernel §1.6, §1.7, §9): SENDUIPI as the
 * kernel sees it, ordinary IPIs between local APICs, notification processing and delivery to
 * the handler. Kept inside the kernel package until the emulated machine (packages isa and
 * machine) can take over; the semantics are those of the digest's §9 pseudo-code.
 */
final class UipiHardware {
    private UipiHardware() {}

    /** SENDUIPI reg by {@code t} (running in user mode) with index {@code idx}. */
    static SendOutcome senduipi(KernelState s, Task t, long idx) {
        if (!s.config.hardware() || !s.config.built()) {
            return SendOutcome.SIGILL;                                   // CR4.UINTR = 0 → #UD
        }
        if (t.tt < 0) {
            Mm mm = s.mm(t.mm);
            if (s.config.later() && mm.uitt >= 0) {                      // later: #UD fixup (§4.2, traps.c)
                t.tt = mm.uitt;
                t.uittSize = s.config.uittSizeWritten();
                t.uittActivated = true;
                s.counters.udFixups++;                                   // programs TT, re-executes
            } else {
                return SendOutcome.SIGILL;                               // TT[0] = 0 → #UD
            }
        }
        if (Long.compareUnsigned(idx, t.uittSize) > 0) {
            return SendOutcome.SIGSEGV;                                  // §1.6 idx > UITTSZ → #GP
        }
        Uitt uitt = s.uitt(t.tt);
        if (idx >= Uitt.ENTRIES) {
            return SendOutcome.SIGSEGV;                                  // rfc UITTSZ=256: slot 256 reads past the table (audit §2.1)
        }
        int i = (int) idx;
        if (!uitt.valid[i]) {
            return SendOutcome.SIGSEGV;                                  // §1.6 invalid entry → #GP
        }
        int upidId = uitt.upid[i];
        int vec = uitt.vector[i];
        Upid u = Lifetimes.touch(s, upidId, "SENDUIPI by task " + t.tid);
        if (u.blkd) {
            return Blocking.gpFault(s, t, i);                            // reserved bit 7 → #GP (§5.6)
        }
        u.pir |= 1L << vec;                                              // one atomic 16-byte RMW (design 5)
        boolean notify = !u.sn && !u.on;
        if (notify) {
            u.on = true;
            sendIpi(s, u.ndst >>> 8, u.nv);
        }
        return SendOutcome.OK;
    }

    /** An ordinary fixed IPI to the CPU with APIC id {@code apicId}; lost if that CPU is offline. */
    static void sendIpi(KernelState s, long apicId, int vector) {
        s.counters.ipisSent++;
        Cpu c = s.cpuByApic(apicId);
        if (c == null || !c.online) {
            s.counters.lostIpis++;
            return;
        }
        c.raise(vector);
    }

    /** The CPU takes every pending interrupt, highest vector first (§1.7, §1.8). */
    static void takeInterrupts(KernelState s, Cpu c) {
        for (int v = c.takeHighest(); v >= 0; v = c.takeHighest()) {
            takeInterrupt(s, c, v);
        }
    }

    static void takeInterrupt(KernelState s, Cpu c, int vector) {
        Task t = c.curr >= 0 ? s.task(c.curr) : null;
        if (t != null && c.liveUinv != 0 && vector == c.liveUinv && t.pd >= 0) {
            // notification processing (any CPL): EOI first, then PIR → UIRR, ON = 0 (design 4)
            Upid u = Lifetimes.touch(s, t.pd, "notification processing on cpu " + c.id);
            t.uirr |= u.pir;
            u.pir = 0;
            u.on = false;
            deliver(s, t);
            return;
        }
        if (vector == Upid.NOTIFICATION_VECTOR) {
            c.spurious++;                                                // §1.8 spurious 0xEC handler, "UIS"
            s.counters.spuriousKernelInterrupts++;
            if (s.config.later() || s.config.design() == BlockingDesign.NAIVE) {
                Blocking.wakeScan(s, c, false);                          // later: "for paranoid reasons"; naive: its only waker
            }
        } else if (vector == Upid.KERNEL_VECTOR) {
            c.kernelNotifications++;                                     // §1.8 0xEB handler
            s.counters.kernelVectorInterrupts++;
            Blocking.wakeScan(s, c, true);
        }
    }

    /** Delivers recognised user interrupts while the task is in user mode with UIF = 1 (§1.7). */
    static void deliver(KernelState s, Task t) {
        while (t.state == TaskState.RUNNING && !t.inKernel && t.uif && t.uirr != 0 && t.handler != 0) {
            int v = 63 - Long.numberOfLeadingZeros(t.uirr);              // highest vector first
            t.uirr &= ~(1L << v);
            t.deliveries.add(v);                                         // handler runs with UIF = 0 ...
            t.uif = true;                                                // ... and UIRET sets it again
        }
    }
}
