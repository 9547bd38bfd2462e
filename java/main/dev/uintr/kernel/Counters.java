package dev.uintr.kernel;

/** The events the explorer and the reports count (issue 4, "Counters"; issue 10, costs per wake). */
public final class Counters implements Cloneable {
    /** A 0xEB kernel-vector IPI taken on a CPU that was running a task it did not wake. */
    public long victimInterrupts;
    /** 0xEC taken by the kernel (not recognised as a notification): the "UIS" counter, all CPUs. */
    public long spuriousKernelInterrupts;
    /** 0xEB taken by the kernel, all CPUs. */
    public long kernelVectorInterrupts;
    /** SENDUIPI #GP on a blocked UPID completed by the kernel (sender pays, §5.6). */
    public long gpFixups;
    /** SENDUIPI #UD fixed up by lazily programming the sender MSRs (later tree). */
    public long udFixups;
    /** Tasks woken by a uintr wake path with nothing posted for them (PIR, UIRR both 0). */
    public long emptyWakeups;
    /** Tasks woken by a uintr wake path (0xEB/0xEC scan or #GP fixup). */
    public long uintrWakeups;
    /** IPIs sent to an offline CPU (lost). */
    public long lostIpis;
    /** Notification IPIs sent by SENDUIPI or the return path's self-IPI. */
    public long ipisSent;
    /** The affinity design's device-like vector taken by the kernel (on a housekeeping CPU). */
    public long affinityInterrupts;
    /**
     * A uintr wake-up done on a CPU other than the one the woken task is queued on: ttwu's
     * reschedule IPI to that CPU (the extra hop of the affinity design; the sender's CPU for a
     * #GP fixup or a wrapper syscall).
     */
    public long wakeIpis;
    /**
     * A uintr interrupt the kernel handles (0xEB, the affinity vector, a spurious 0xEC) taken on
     * a CPU where no task with a post outstanding (UPID ON or PIR set) last ran.
     */
    public long offTargetInterrupts;
    /**
     * An interrupt caused by a post (0xEC, 0xEB, the affinity vector) taken on a CPU the config
     * marks isolated while it runs a task with nothing posted to it (the isolation invariant).
     */
    public long isolationHits;
    /** Kernel entries a sender makes to complete a post: #GP fix-ups and the wrapper's wake syscalls. */
    public long senderEntries;
    /** Kernel entries a receiver makes to wait: uintr_wait calls (each retry counts). */
    public long receiverEntries;
    /** System calls of any task (uintr_wait, the wrapper's wake call, setup calls). */
    public long syscalls;
    /** Wait-list entries visited by the wake walks (0xEB, affinity, spurious 0xEC handlers). */
    public long waitListWalked;
    /** later: a sleep in an unrelated syscall (nanosleep) ended by a uintr wake (-EINTR). */
    public long unrelatedWakes;

    /** A copy of every counter (all are plain longs, so the field-by-field copy {@link Object#clone()} makes is exact). */
    public Counters copy() {
        try {
            return (Counters) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** The counters as one array, in {@link #NAMES} order (for costs: differences, minima, maxima). */
    public long[] values() {
        return new long[] {victimInterrupts, spuriousKernelInterrupts, kernelVectorInterrupts, gpFixups, udFixups,
            emptyWakeups, uintrWakeups, lostIpis, ipisSent, affinityInterrupts, wakeIpis, offTargetInterrupts,
            isolationHits, senderEntries, receiverEntries, syscalls, waitListWalked, unrelatedWakes};
    }

    /** The names of {@link #values()}, in order. */
    public static final java.util.List<String> NAMES = java.util.List.of("victim_interrupts", "spurious_0xec",
            "kernel_0xeb", "gp_fixups", "ud_fixups", "empty_wakeups", "uintr_wakeups", "lost_ipis", "ipis_sent",
            "affinity_interrupts", "wake_ipis", "off_target_interrupts", "isolation_hits", "sender_entries",
            "receiver_entries", "syscalls", "wait_list_walked", "unrelated_wakes");

    @Override
    public boolean equals(Object o) {
        return o instanceof Counters && java.util.Arrays.equals(values(), ((Counters) o).values());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(values());
    }

    @Override
    public String toString() {
        return "victims=" + victimInterrupts + " spurious0xEC=" + spuriousKernelInterrupts + " kernel0xEB="
                + kernelVectorInterrupts + " gpFixups=" + gpFixups + " udFixups=" + udFixups + " emptyWakeups="
                + emptyWakeups + " uintrWakeups=" + uintrWakeups + " lostIpis=" + lostIpis + " ipis=" + ipisSent
                + " affinity=" + affinityInterrupts + " wakeIpis=" + wakeIpis + " offTarget=" + offTargetInterrupts
                + " isolationHits=" + isolationHits + " senderEntries=" + senderEntries + " receiverEntries="
                + receiverEntries + " syscalls=" + syscalls + " walked=" + waitListWalked + " unrelatedWakes=" + unrelatedWakes;
    }
}
