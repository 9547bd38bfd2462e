package dev.uintr.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A logical CPU as the kernel sees it: the current task, its run queue, the live
 * IA32_UINTR_MISC.UINV register (0 after XSAVES, restored on the return to user) and the
 * interrupt vectors pending in its local APIC (a 256-bit IRR: a second IPI with the same
 * vector before the first is taken merges into it).
 */
public final class PerCpu {
    /** The kernel's reschedule IPI (kick_process): the interrupted user task passes its exit-to-user path. */
    public static final int RESCHEDULE_VECTOR = 0xFD;

    public final int id;
    public boolean online = true;
    /**
     * RFLAGS.IF of what runs on the CPU: an ordinary external interrupt, the notification vector
     * included, is accepted only while it is set (SDM maskable interrupts; the kvm-unit-tests uintr
     * check). Off between {@link Kernel#localIrqDisable} and {@link Kernel#localIrqEnable}; user mode
     * always runs with it set.
     */
    public boolean irqsOn = true;
    /** The current task's tid, -1 when idle. */
    public int curr = -1;
    public final List<Integer> runQueue = new ArrayList<>();
    public int liveUinv;
    public final long[] irr = new long[4];
    /** /proc/interrupts "UIS": 0xEC taken by the kernel on this CPU. */
    public long spurious;
    /** 0xEB taken on this CPU. */
    public long kernelNotifications;

    public PerCpu(int id) {
        this.id = id;
    }

    public int apicId() {
        return id;
    }

    /** xAPIC destination as the kernel writes it into UPID.NDST (apic id in bits 15:8, §1.4). */
    public long ndst() {
        return (long) apicId() << 8;
    }

    public void raise(int vector) {
        irr[vector >>> 6] |= 1L << (vector & 63);
    }

    public boolean pending(int vector) {
        return (irr[vector >>> 6] & (1L << (vector & 63))) != 0;
    }

    /** The highest pending vector, removed from the IRR; -1 when none. */
    public int takeHighest() {
        for (int w = 3; w >= 0; w--) {
            if (irr[w] != 0) {
                int bit = 63 - Long.numberOfLeadingZeros(irr[w]);
                irr[w] &= ~(1L << bit);
                return w * 64 + bit;
            }
        }
        return -1;
    }

    public boolean anyPending() {
        return (irr[0] | irr[1] | irr[2] | irr[3]) != 0;
    }

    public PerCpu copy() {
        PerCpu c = new PerCpu(id);
        c.online = online;
        c.irqsOn = irqsOn;
        c.curr = curr;
        if (!runQueue.isEmpty()) {
            c.runQueue.addAll(runQueue);
        }
        c.liveUinv = liveUinv;
        System.arraycopy(irr, 0, c.irr, 0, 4);
        c.spurious = spurious;
        c.kernelNotifications = kernelNotifications;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PerCpu)) {
            return false;
        }
        PerCpu c = (PerCpu) o;
        return id == c.id && online == c.online && irqsOn == c.irqsOn && curr == c.curr && liveUinv == c.liveUinv
                && runQueue.equals(c.runQueue) && Arrays.equals(irr, c.irr) && spurious == c.spurious
                && kernelNotifications == c.kernelNotifications;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, online, curr, liveUinv, runQueue, Arrays.hashCode(irr), spurious, kernelNotifications);
    }
}
