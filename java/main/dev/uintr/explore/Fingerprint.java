package dev.uintr.explore;

import dev.uintr.kernel.KernelState;
import dev.uintr.kernel.PerCpu;
import dev.uintr.kernel.Task;
import dev.uintr.kernel.UpidContext;

/**
 * What the visited set stores instead of whole states: 128 bits computed from a node. The
 * first 64 mix every field that changes while a scenario runs (tasks, UPIDs, CPUs, the wait
 * list, counters, model time, program counters); the second 64 combine the kernel state's own
 * hashCode (which also covers UITTs, fds and processes) with the explorer's part. A full
 * kernel state with its 256-entry UITTs costs about 10 KB; a fingerprint costs 16 bytes, so a
 * 200,000-state search fits in a small heap. Two different states share a fingerprint with
 * probability about n²/2^65 (n states); such a merge would hide a state, never invent one.
 */
record Fingerprint(long a, long b) {
    private static final long K = 0x9E3779B97F4A7C15L;

    static Fingerprint of(Node n) {
        KernelState s = n.kernel.state();
        long h = 0x6A09E667F3BCC909L;
        h = mix(h, s.clockUs);
        for (Task t : s.tasks) {
            h = mix(h, t.state.ordinal() | (long) t.cpu << 8 | (t.inKernel ? 1L << 20 : 0) | (t.uif ? 1L << 21 : 0)
                    | (long) t.waitKind.ordinal() << 24 | (t.receiver ? 1L << 30 : 0) | (t.notifySignal ? 1L << 31 : 0)
                    | (long) (t.upid + 1) << 32 | (long) (t.tt + 1) << 48);
            h = mix(h, t.uirr);
            h = mix(h, t.lastResult);
            h = mix(h, t.deadline);
            h = mix(h, t.uinv | (long) t.pd << 16 | (long) t.mm << 32);
            h = mix(h, t.deliveries.hashCode() * 31L + t.taskWork.hashCode());
        }
        for (UpidContext u : s.upids) {
            h = mix(h, u.low64());
            h = mix(h, u.pir);
            h = mix(h, u.refs | (u.freed ? 1L << 32 : 0) | (u.waiting ? 1L << 33 : 0) | (u.receiverActive ? 1L << 34 : 0)
                    | (long) u.waitingCost << 40);
            h = mix(h, u.uvecMask);
        }
        for (PerCpu c : s.cpus) {
            h = mix(h, (c.online ? 1 : 0) | (long) (c.curr + 1) << 8 | (long) c.liveUinv << 24);
            for (long w : c.irr) {
                h = mix(h, w);
            }
            h = mix(h, c.runQueue.hashCode());
            h = mix(h, c.spurious * 1_000_003L + c.kernelNotifications);
        }
        h = mix(h, s.waitList.hashCode());
        var k = s.counters;
        h = mix(h, k.victimInterrupts + 31 * (k.spuriousKernelInterrupts + 31 * (k.kernelVectorInterrupts
                + 31 * (k.gpFixups + 31 * (k.udFixups + 31 * k.emptyWakeups)))));
        h = mix(h, k.uintrWakeups + 31 * (k.lostIpis + 31 * k.ipisSent));
        h = mix(h, k.affinityInterrupts + 31 * (k.wakeIpis + 31 * (k.offTargetInterrupts + 31 * (k.isolationHits
                + 31 * (k.senderEntries + 31 * k.receiverEntries)))));
        h = mix(h, k.syscalls + 31 * (k.waitListWalked + 31 * k.unrelatedWakes));
        h = mix(h, s.violations.size());
        long mine = 0x3C6EF372FE94F82BL;                               // each value mixed into a running hash, one at a time
        for (int i = 0; i < n.pc.length; i++) {
            mine = mix(mine, n.pc[i] | (long) n.phase[i] << 32);
        }
        mine = mix(mine, n.lastColumn);
        mine = mix(mine, (n.massWakeup ? 1 : 0) | (long) n.victims << 1);
        h = mix(h, mine);
        long b = mix((long) s.hashCode() << 32 ^ (mine & 0xFFFFFFFFL), mine);
        return new Fingerprint(h, b);
    }

    private static long mix(long h, long v) {
        long x = (h ^ v) * K;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        return x ^ (x >>> 29);
    }
}
