package dev.uintr.kernel;

import dev.uintr.isa.Acceptance;
import dev.uintr.isa.Fault;

/**
 * The hardware events as the kernel model sees them (uintr-kernel §1.6, §1.7, §9): SENDUIPI
 * with the kernel's fault fix-ups around it, interrupts taken by a CPU (notification
 * processing or the kernel's IDT handlers for 0xEC and 0xEB) and delivery to the handler. The
 * architectural part of each runs on the emulated machine ({@link MachineHardware}).
 */
final class UipiHardware {
    private UipiHardware() {}

    /** SENDUIPI reg by {@code t} (running in user mode) with index {@code idx}. */
    static SendOutcome senduipi(KernelState s, Task t, long idx) {
        Fault f = MachineHardware.senduipi(s, t, idx);
        if (f.kind() == Fault.Kind.UD) {
            Mm mm = s.mm(t.mm);
            boolean lazy = s.config.later() && s.config.hardware() && s.config.built() && mm.uitt >= 0 && t.tt < 0;
            if (!lazy) {
                return SendOutcome.SIGILL;                              // #UD: no UITT, or CR4.UINTR = 0
            }
            t.tt = mm.uitt;                                             // later: #UD fix-up programs TT/UITTSZ (§4.2)
            t.uittSize = s.config.uittSizeWritten();
            t.uittActivated = true;
            s.counters.udFixups++;
            f = MachineHardware.senduipi(s, t, idx);                    // and re-executes
        }
        t.lastSendFault = f;
        if (Fault.UPID_RESERVED_BITS.equals(f.cause()) && idx >= 0 && idx < Uitt.ENTRIES) {
            return Blocking.gpFault(s, t, (int) idx);                   // BLKD, reserved bit 7 → #GP (§5.6)
        }
        if (f != Fault.NONE) {
            return SendOutcome.SIGSEGV;                                 // #GP or #PF in user mode
        }
        int i = (int) idx;
        int upidId = s.uitt(t.tt).upid[i];
        if (s.upid(upidId).freed) {
            s.violations.add(new Violation(upidId, "SENDUIPI by task " + t.tid));
        }
        return SendOutcome.OK;
    }

    /** An ordinary fixed IPI arriving for the CPU with APIC id {@code apicId}; lost if that CPU is offline. */
    static void route(KernelState s, long apicId, int vector) {
        s.counters.ipisSent++;
        PerCpu c = s.cpuByApic(apicId);
        if (c == null || !c.online) {
            s.counters.lostIpis++;
            return;
        }
        c.raise(vector);
    }

    /** A kernel-originated IPI (the return path's self-IPI, hotplug resend). */
    static void sendIpi(KernelState s, long apicId, int vector) {
        route(s, apicId, vector);
    }

    /** The CPU takes every pending interrupt, highest vector first (§1.7, §1.8). */
    static void takeInterrupts(KernelState s, PerCpu c) {
        if (!c.irqsOn) {
            return;                                                      // RFLAGS.IF = 0: held in the IRR
        }
        for (int v = c.takeHighest(); v >= 0; v = c.takeHighest()) {
            takeInterrupt(s, c, v);
        }
    }

    static void takeInterrupt(KernelState s, PerCpu c, int vector) {
        Task t = c.curr >= 0 ? s.task(c.curr) : null;
        boolean uintrVector = vector == UpidContext.NOTIFICATION_VECTOR || vector == UpidContext.KERNEL_VECTOR
                || vector == UpidContext.AFFINITY_VECTOR;
        if (uintrVector && t != null && s.config.isolated(c.id) && !postedTo(s, t)) {
            s.counters.isolationHits++;                                  // another task's post hit an isolated CPU
        }
        if (t != null && c.liveUinv != 0) {
            if (t.pd >= 0 && s.upid(t.pd).freed && vector == c.liveUinv) {
                s.violations.add(new Violation(t.pd, "notification processing on cpu " + c.id));
            }
            Acceptance a = MachineHardware.accept(s, c, t, vector);
            if (a == Acceptance.NOTIFIED) {
                deliver(s, t);                                           // PIR → UIRR done, EOI written
                return;
            }
        }
        if (uintrVector && !targetLivesOn(s, c)) {
            s.counters.offTargetInterrupts++;
        }
        if (vector == UpidContext.NOTIFICATION_VECTOR) {
            c.spurious++;                                                // §1.8 spurious 0xEC handler, "UIS"
            s.counters.spuriousKernelInterrupts++;
            if (s.config.later() || s.config.design() == BlockingDesign.NAIVE) {
                Blocking.wakeScan(s, c, false);                          // later: "for paranoid reasons"; naive: its only waker
            }
        } else if (vector == PerCpu.RESCHEDULE_VECTOR) {
            if (t != null && !t.inKernel) {
                t.inKernel = true;                                       // interrupt entry, then exit to user:
                ContextSwitch.returnToUser(s, t);                        // task_work runs (kick_process)
            }
        } else if (vector == UpidContext.KERNEL_VECTOR) {
            c.kernelNotifications++;                                     // §1.8 0xEB handler
            s.counters.kernelVectorInterrupts++;
            Blocking.wakeScan(s, c, true);
        } else if (vector == UpidContext.AFFINITY_VECTOR) {
            s.counters.affinityInterrupts++;                             // the affinity design's device-like handler
            Blocking.wakeScan(s, c, true);
        }
    }

    /** t's own UPID has a post outstanding (ON or PIR set): an interrupt for it is one it asked for. */
    private static boolean postedTo(KernelState s, Task t) {
        if (t.upid < 0) {
            return false;
        }
        UpidContext u = s.upid(t.upid);
        return !u.freed && (u.on || u.pir != 0);
    }

    /** Some task with a post outstanding last ran on c (the interrupt is on its target's CPU). */
    private static boolean targetLivesOn(KernelState s, PerCpu c) {
        for (UpidContext u : s.upids) {
            if (!u.freed && (u.on || u.pir != 0) && s.task(u.task).cpu == c.id) {
                return true;
            }
        }
        return false;
    }

    /** Delivers recognised user interrupts while the task is in user mode with UIF = 1 (§1.7, isa §9). */
    static void deliver(KernelState s, Task t) {
        if (s.externalDelivery) {
            return;                                                      // a real thread takes it (HybridPort)
        }
        while (t.state == TaskState.RUNNING && !t.inKernel && t.uif && t.uirr != 0 && !t.deliveryFaulted) {
            int v = MachineHardware.deliverOne(s, t);
            if (v == -2) {
                t.deliveryFaulted = true;                                // #GP/#SS/#PF at delivery: SIGSEGV
                return;
            }
            if (v < 0) {
                return;
            }
            t.deliveries.add(v);
            if (t.killedBy != 0) {
                Processes.killProcess(s, t, t.killedBy);                   // plain ret jumped to the vector (§7.2)
                return;
            }
        }
    }
}
