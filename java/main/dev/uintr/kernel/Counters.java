package dev.uintr.kernel;

import java.util.Objects;

/** The events the explorer and the reports count (issue 4, "Counters"). */
public final class Counters {
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

    public Counters copy() {
        Counters c = new Counters();
        c.victimInterrupts = victimInterrupts;
        c.spuriousKernelInterrupts = spuriousKernelInterrupts;
        c.kernelVectorInterrupts = kernelVectorInterrupts;
        c.gpFixups = gpFixups;
        c.udFixups = udFixups;
        c.emptyWakeups = emptyWakeups;
        c.uintrWakeups = uintrWakeups;
        c.lostIpis = lostIpis;
        c.ipisSent = ipisSent;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Counters)) {
            return false;
        }
        Counters c = (Counters) o;
        return victimInterrupts == c.victimInterrupts && spuriousKernelInterrupts == c.spuriousKernelInterrupts
                && kernelVectorInterrupts == c.kernelVectorInterrupts && gpFixups == c.gpFixups
                && udFixups == c.udFixups && emptyWakeups == c.emptyWakeups && uintrWakeups == c.uintrWakeups
                && lostIpis == c.lostIpis && ipisSent == c.ipisSent;
    }

    @Override
    public int hashCode() {
        return Objects.hash(victimInterrupts, spuriousKernelInterrupts, kernelVectorInterrupts, gpFixups, udFixups,
                emptyWakeups, uintrWakeups, lostIpis, ipisSent);
    }

    @Override
    public String toString() {
        return "victims=" + victimInterrupts + " spurious0xEC=" + spuriousKernelInterrupts + " kernel0xEB="
                + kernelVectorInterrupts + " gpFixups=" + gpFixups + " udFixups=" + udFixups + " emptyWakeups="
                + emptyWakeups + " uintrWakeups=" + uintrWakeups + " lostIpis=" + lostIpis + " ipis=" + ipisSent;
    }
}
