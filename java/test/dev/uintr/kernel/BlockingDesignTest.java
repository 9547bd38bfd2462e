package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import dev.uintr.isa.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One deterministic schedule per known weakness of each blocking design (design.md table,
 * uintr-kernel §5.2), and the same schedule on the designs that do not have it. These are
 * the ground truth the explorer must rediscover by search.
 */
class BlockingDesignTest {

    /** naive: the IPI (NV = 0xEC) is swallowed by a bystander receiver running on the sleeper's last CPU. */
    private static Rig bystanderSchedule(BlockingDesign d) {
        Rig w = Rig.rfc(d, 2);
        int y = w.bystanderReceiver(0);
        w.k.run(w.rx);                                             // cpu0: rx current, bystander queued
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        assertEquals(y, w.k.state().cpus[0].curr, "the bystander now runs on cpu0");
        SendOutcome o = w.k.senduipi(w.tx, w.idx);
        assertTrue(o == SendOutcome.OK || o == SendOutcome.OK_AFTER_GP_FIXUP, o.name());
        w.k.interrupts(0);
        w.k.schedule(0);
        return w;
    }

    @Test
    void naive_bystanderSwallowsTheWakeup_kernel5_3_andy1() {
        Rig w = bystanderSchedule(BlockingDesign.NAIVE);
        assertEquals(TaskState.SLEEPING, w.task(w.rx).state, "missed wake-up: rx still asleep");
        assertTrue(w.rxUpid().on, "ON stays set ...");
        assertEquals(1L << Rig.VEC, w.rxUpid().pir, "... with the post in PIR");
        long ipis = w.k.counters().ipisSent;
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));
        assertEquals(ipis, w.k.counters().ipisSent, "ON = 1 suppresses every later IPI: lost for good");
        assertEquals(0, w.k.counters().spuriousKernelInterrupts, "the kernel never saw the 0xEC");
    }

    @ParameterizedTest
    @EnumSource(value = BlockingDesign.class, names = {"KERNEL_VECTOR", "KERNEL_VECTOR_CHECKED", "GP_FAULT"})
    void otherDesigns_bystanderDoesNotSwallow_kernel5_3(BlockingDesign d) {
        Rig w = bystanderSchedule(d);
        if (w.task(w.rx).state != TaskState.RUNNING) {
            w.k.schedule(0);
        }
        assertEquals(TaskState.RUNNING, w.task(w.rx).state);
        assertEquals(-Errno.EINTR, w.task(w.rx).lastResult, "rfc uintr_wait returns -EINTR");
        w.assertDeliveredOnce(w.rx);
    }

    @Test
    void naive_wakesWhenTheCpuIsIdle_spuriousHandlerWalksTheList() {
        Rig w = Rig.rfc(BlockingDesign.NAIVE, 2);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        w.k.senduipi(w.tx, w.idx);
        w.k.interrupts(0);
        assertEquals(1, w.k.counters().spuriousKernelInterrupts);
        assertEquals(TaskState.RUNNING, w.task(w.rx).state, "idle cpu0 picked rx up after the wake");
        w.assertDeliveredOnce(w.rx);
    }

    /**
     * kernel §5.2 item 7 counts a victim only where the 0xEB interrupts a task it does not wake.
     * On an idle CPU the walk wakes the sleeper, which then runs there at once: that must not
     * be counted as a victim (the CPU was idle when the interrupt came).
     */
    @ParameterizedTest
    @EnumSource(value = BlockingDesign.class, names = {"KERNEL_VECTOR", "KERNEL_VECTOR_CHECKED"})
    void kernelVector_0xEBOnAnIdleCpu_wakesTheSleeper_isNoVictim_kernel5_2_7(BlockingDesign d) {
        Rig w = Rig.rfc(d, 2);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));
        w.k.interrupts(0);
        assertEquals(1, w.k.counters().kernelVectorInterrupts, "the 0xEB reached idle cpu0");
        assertEquals(TaskState.RUNNING, w.task(w.rx).state, "idle cpu0 ran the woken receiver");
        assertEquals(0, w.k.counters().victimInterrupts, "an idle CPU is no victim");
        w.assertDeliveredOnce(w.rx);
    }

    /** kernel §5.2 item 1: a post absorbed into UIRR between syscall entry and arming is never woken for. */
    private static Rig postBeforeArm(BlockingDesign d) {
        Rig w = Rig.rfc(d, 2);
        w.k.enterKernel(w.rx);                                     // syscall entry, UINV still live
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));
        w.k.interrupts(0);                                         // notification processing at CPL0
        assertEquals(1L << Rig.VEC, w.task(w.rx).uirr, "absorbed into UIRR, not delivered in the kernel");
        w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0);
        w.k.settleInterrupts();
        return w;
    }

    @Test
    void kernelVector_postBeforeArm_lostWakeup_kernel5_2_1() {
        Rig w = postBeforeArm(BlockingDesign.KERNEL_VECTOR);
        assertEquals(TaskState.SLEEPING, w.task(w.rx).state);
        assertEquals(1L << Rig.VEC, w.task(w.rx).uirr, "pending in UIRR while asleep");
        assertTrue(w.task(w.rx).deliveries.isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = BlockingDesign.class, names = {"KERNEL_VECTOR_CHECKED", "GP_FAULT"})
    void checkedDesigns_postBeforeArm_abortTheWait(BlockingDesign d) {
        Rig w = postBeforeArm(d);
        assertEquals(TaskState.RUNNING, w.task(w.rx).state);
        assertEquals(-Errno.EINTR, w.task(w.rx).lastResult);
        w.assertDeliveredOnce(w.rx);
    }

    /** kernel §5.2 item 2: the 0xEC is still in flight when the receiver arms and switches out. */
    private static Rig onAlreadySet(BlockingDesign d) {
        Rig w = Rig.rfc(d, 2);
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));    // ON = 1, 0xEC pending on cpu0
        w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0);                        // arms before the IPI lands
        w.k.interrupts(0);
        return w;
    }

    @Test
    void kernelVector_onAlreadySet_spuriousEcAndLostWakeup_kernel5_2_2() {
        Rig w = onAlreadySet(BlockingDesign.KERNEL_VECTOR);
        assertEquals(1, w.k.counters().spuriousKernelInterrupts, "0xEC reached the kernel: UIS counter");
        assertEquals(1, w.k.state().cpus[0].spurious);
        assertEquals(TaskState.SLEEPING, w.task(w.rx).state);
        long ipis = w.k.counters().ipisSent;
        w.k.senduipi(w.tx, w.idx);
        assertEquals(ipis, w.k.counters().ipisSent, "ON = 1: no 0xEB will ever be sent");
    }

    @ParameterizedTest
    @EnumSource(value = BlockingDesign.class, names = {"KERNEL_VECTOR_CHECKED", "GP_FAULT"})
    void checkedDesigns_onAlreadySet_abortTheWait(BlockingDesign d) {
        Rig w = onAlreadySet(d);
        assertEquals(TaskState.RUNNING, w.task(w.rx).state);
        w.assertDeliveredOnce(w.rx);
    }

    /** kernel §5.2 items 4 and 7: two sleepers on cpu0, an unrelated task running there. */
    private static Rig twoSleepers(BlockingDesign d, int[] out) {
        Rig w = Rig.rfc(d, 2);
        int r2 = w.k.spawnThread(w.rx, "rx2", 0);
        w.k.run(r2);
        Rig.ok(w.k.syscall(r2, Syscall.UINTR_REGISTER_HANDLER, Kernel.DEFAULT_HANDLER, 0));
        long fd2 = Rig.ok(w.k.syscall(r2, Syscall.UINTR_CREATE_FD, Rig.VEC, 0));
        w.k.stui(r2);
        long txFd2 = Rig.ok(w.k.passFd(r2, fd2, w.tx));
        long idx2 = Rig.ok(w.k.syscall(w.tx, Syscall.UINTR_REGISTER_SENDER, txFd2, 0));
        int y = w.k.newProcess("worker", 0);                       // plain task, no UINTR
        w.k.run(w.rx);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        w.k.run(r2);
        assertEquals(Kernel.BLOCKED, w.k.syscall(r2, Syscall.UINTR_WAIT, 0));
        assertEquals(y, w.k.state().cpus[0].curr, "the unrelated worker runs on cpu0");
        w.k.senduipi(w.tx, w.idx);
        w.k.senduipi(w.tx, idx2);
        w.k.interrupts(0);
        out[0] = r2;
        out[1] = y;
        return w;
    }

    @ParameterizedTest
    @EnumSource(value = BlockingDesign.class, names = {"KERNEL_VECTOR", "KERNEL_VECTOR_CHECKED"})
    void kernelVector_innocentVictimAndListWalk_kernel5_2_4_and_7(BlockingDesign d) {
        int[] ids = new int[2];
        Rig w = twoSleepers(d, ids);
        Counters c = w.k.counters();
        assertEquals(1, c.kernelVectorInterrupts, "both 0xEB IPIs merged into one interrupt");
        assertEquals(1, c.victimInterrupts, "the unrelated worker on cpu0 was interrupted");
        assertEquals(2, c.uintrWakeups, "one walk of the global list woke both sleepers");
        assertEquals(TaskState.READY, w.task(w.rx).state);
        assertEquals(TaskState.READY, w.task(ids[0]).state);
    }

    @Test
    void gpFault_noVictims_senderPaysAFaultPerWake_kernel5_6() {
        int[] ids = new int[2];
        Rig w = twoSleepers(BlockingDesign.GP_FAULT, ids);
        Counters c = w.k.counters();
        assertEquals(0, c.kernelVectorInterrupts);
        assertEquals(0, c.victimInterrupts);
        assertEquals(2, c.gpFixups, "each post to a blocked receiver costs the sender a #GP");
        assertEquals(0, c.ipisSent, "every post faulted: no IPI at all");
    }

    /** kernel §5.2 item 6: the sleeper's NDST points at a CPU that goes offline. */
    private static Rig hotUnplug(BlockingDesign d) {
        Rig w = Rig.rfc(d, 3);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        w.k.cpuOffline(0);
        w.k.senduipi(w.tx, w.idx);
        w.k.settleInterrupts();
        for (int cpu = 1; cpu < 3; cpu++) {
            if (w.k.state().cpus[cpu].runQueue.contains(w.rx)) {
                w.k.schedule(cpu);
            }
        }
        return w;
    }

    @Test
    void kernelVector_cpuHotUnplugLosesTheWakeup_kernel5_2_6() {
        Rig w = hotUnplug(BlockingDesign.KERNEL_VECTOR);
        assertEquals(1, w.k.counters().lostIpis, "the 0xEB went to the offline CPU");
        assertEquals(TaskState.SLEEPING, w.task(w.rx).state);
    }

    @ParameterizedTest
    @EnumSource(value = BlockingDesign.class, names = {"KERNEL_VECTOR_CHECKED", "GP_FAULT"})
    void otherDesigns_cpuHotUnplugStillWakes(BlockingDesign d) {
        Rig w = hotUnplug(d);
        assertEquals(0, w.k.counters().lostIpis);
        assertEquals(TaskState.RUNNING, w.task(w.rx).state);
        w.assertDeliveredOnce(w.rx);
    }

    @Test
    void rfc_signalWakeLeavesAStaleWaitListEntry_kernel5_2_3() {
        Rig w = Rig.rfc(BlockingDesign.KERNEL_VECTOR, 2);
        w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0);
        w.k.signal(w.rx);
        w.k.schedule(0);
        assertEquals(-Errno.EINTR, w.task(w.rx).lastResult);
        assertEquals(TaskState.RUNNING, w.task(w.rx).state);
        assertEquals(List.of(w.task(w.rx).upid), w.k.state().waitList, "still listed");
        assertEquals(UpidContext.KERNEL_VECTOR, w.rxUpid().nv, "back in user mode with NV = 0xEB");
        w.k.senduipi(w.tx, w.idx);                                // notification now goes to the kernel
        w.k.interrupts(0);
        assertEquals(1, w.k.counters().kernelVectorInterrupts);
        assertTrue(w.task(w.rx).deliveries.isEmpty(), "the running receiver did not get it as a user interrupt");
    }

    /**
     * rfc-v1: after the signal-woken wait of §5.2 item 3 the stale entry is still armed when the
     * task sleeps in nanosleep; a post reaches it through the 0xEB walk, but without
     * TIF_NOTIFY_SIGNAL (a later-tree addition, §5.5) the sleep does not end: tglx's "you cannot
     * make SENDUIPI interrupt nanosleep()" (§5.4). The post is delivered when the timer ends it.
     */
    @Test
    void rfc_staleEntry_nanosleepIsNotInterrupted_postDeliveredAtTimeout_kernel5_4_kernel5_2_3() {
        Rig w = Rig.rfc(BlockingDesign.KERNEL_VECTOR, 2);
        w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0);
        w.k.signal(w.rx);                                         // -EINTR, entry left on the list
        assertEquals(TaskState.RUNNING, w.task(w.rx).state);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.NANOSLEEP, 1000));
        assertFalse(w.rxUpid().sn, "prepare skips SN: the UPID still says 'waiting'");
        w.k.senduipi(w.tx, w.idx);
        w.k.interrupts(0);
        assertEquals(1, w.k.counters().kernelVectorInterrupts, "the walk ran ...");
        assertEquals(List.of(), w.k.state().waitList, "... and disarmed the entry");
        assertEquals(TaskState.SLEEPING, w.task(w.rx).state, "nanosleep goes back to sleep: no signal pending");
        assertEquals(0, w.k.counters().uintrWakeups);
        w.k.advanceTime(1000);
        assertEquals(0, w.task(w.rx).lastResult, "the sleep ran to its end");
        w.assertDeliveredOnce(w.rx);
    }

    @ParameterizedTest
    @EnumSource(value = BlockingDesign.class, names = {"KERNEL_VECTOR_CHECKED", "GP_FAULT"})
    void betterDesigns_signalWakeDisarms_noStaleEntry(BlockingDesign d) {
        Rig w = Rig.rfc(d, 2);
        w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0);
        w.k.signal(w.rx);
        assertEquals(TaskState.RUNNING, w.task(w.rx).state);
        assertEquals(List.of(), w.k.state().waitList);
        assertFalse(w.rxUpid().waiting || w.rxUpid().blkd, "disarmed");
        assertEquals(UpidContext.NOTIFICATION_VECTOR, w.rxUpid().nv);
        w.k.senduipi(w.tx, w.idx);
        w.k.interrupts(0);
        w.assertDeliveredOnce(w.rx);
    }

    // ---------------------------------------------------------------- later profile: handler flags pick the design

    private static Rig later(long flags) {
        return new Rig(KernelConfig.of(AbiProfile.LATER), flags);
    }

    @Test
    void later_waitingReceiver_kernelVectorWake_uintrWaitEintr_kernel7_3() {
        Rig w = later(0x1000);
        int y = w.k.newProcess("worker", 0);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 100_000, 0));
        assertEquals(UpidContext.KERNEL_VECTOR, w.rxUpid().nv, "armed by switch_uintr_prepare");
        assertFalse(w.rxUpid().sn, "SN stays 0 so SENDUIPI sends the 0xEB");
        w.k.senduipi(w.tx, w.idx);
        w.k.interrupts(0);
        assertEquals(1, w.k.counters().victimInterrupts, "worker " + y + " was the victim");
        w.k.schedule(0);
        assertEquals(-Errno.EINTR, w.task(w.rx).lastResult);
        w.assertDeliveredOnce(w.rx);
    }

    @Test
    void later_waitingSender_gpFixupWake_uintrWaitEintr_kernel5_6() {
        Rig w = later(0x2000);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 100_000, 0));
        assertTrue(w.rxUpid().blkd && w.rxUpid().sn, "BLKD and SN armed");
        assertEquals(SendOutcome.OK_AFTER_GP_FIXUP, w.k.senduipi(w.tx, w.idx));
        assertEquals(Fault.UPID_RESERVED_BITS, w.task(w.tx).lastSendFault.cause(),
                "the fix-up ran because the ISA named BLKD's reserved-bit check, not by re-reading the bit");
        assertEquals(1, w.k.counters().gpFixups);
        assertFalse(w.rxUpid().blkd);
        assertEquals(TaskState.RUNNING, w.task(w.rx).state, "idle cpu0 ran it");
        assertEquals(-Errno.EINTR, w.task(w.rx).lastResult);
        w.assertDeliveredOnce(w.rx);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {0x1000, 0x2000})
    void later_nanosleepInterruptedWithEintr_kernel2_5_9c(long flags) {
        Rig w = later(flags);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.NANOSLEEP, 10_000_000));
        w.k.senduipi(w.tx, w.idx);
        w.k.settleInterrupts();
        assertEquals(TaskState.RUNNING, w.task(w.rx).state);
        assertEquals(-Errno.EINTR, w.task(w.rx).lastResult);
        w.assertDeliveredOnce(w.rx);
    }

    @Test
    void later_waitingNone_sleepIsNotInterrupted_postWaitsInPir() {
        Rig w = later(0);
        w.k.syscall(w.rx, Syscall.NANOSLEEP, 1000);
        w.k.senduipi(w.tx, w.idx);
        w.k.settleInterrupts();
        assertEquals(TaskState.SLEEPING, w.task(w.rx).state);
        assertTrue(w.rxUpid().sn);
        assertEquals(1L << Rig.VEC, w.rxUpid().pir);
        w.k.advanceTime(1000);
        w.k.schedule(0);
        assertEquals(0, w.task(w.rx).lastResult, "timer expiry");
        w.assertDeliveredOnce(w.rx);
    }

    @Test
    void later_armingWindow_postAbsorbedBeforeTheSwitch_wakesOnlyAtTimeout_audit5() {
        Rig w = later(0x2000);
        w.k.enterKernel(w.rx);
        w.k.senduipi(w.tx, w.idx);
        w.k.interrupts(0);
        w.k.syscall(w.rx, Syscall.UINTR_WAIT, 1000, 0);
        w.k.settleInterrupts();
        w.k.advanceTime(999);
        assertEquals(TaskState.SLEEPING, w.task(w.rx).state, "nothing wakes it before the timer");
        w.k.advanceTime(1);
        w.k.schedule(0);
        assertEquals(0, w.task(w.rx).lastResult, "returns 0 (timeout), not -EINTR");
        w.assertDeliveredOnce(w.rx);
    }

    // ---------------------------------------------------------------- empty wake-ups (Counters.emptyWakeups)

    /**
     * rfc-v1: ON left set with PIR empty. rx sleeps in uintr_wait with only tx's copy of its fd
     * open; tx posts (ON = 1, PIR = bit 3, 0xEB); the walk wakes rx; before rx runs, tx closes the
     * last copy, so the release task_work queued on rx (§4.1 "clears the vector's PIR bit") runs at
     * rx's return to user: PIR = 0 but nothing clears ON (only notification processing does, and
     * with PIR empty the return path sends no self-IPI). rx's uintr_wait returns -EINTR with
     * nothing delivered and its UPID keeps ON = 1.
     */
    private static Rig staleOn(BlockingDesign d) {
        Rig w = Rig.rfc(d, 2);
        int worker = w.k.newProcess("worker", 0);                  // keeps cpu0 busy so rx waits in the queue
        Rig.ok(w.k.syscall(w.rx, Syscall.CLOSE, w.fd));                  // tx's copy keeps the file open
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0));
        assertEquals(worker, w.k.state().cpus[0].curr);
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));
        w.k.interrupts(0);
        assertEquals(TaskState.READY, w.task(w.rx).state, "woken by the walk, queued behind the worker");
        Rig.ok(w.k.syscall(w.tx, Syscall.CLOSE, 3));                     // last close: release work queued on rx
        w.k.schedule(0);
        assertEquals(w.rx, w.k.state().cpus[0].curr);
        assertEquals(-Errno.EINTR, w.task(w.rx).lastResult);
        assertTrue(w.task(w.rx).deliveries.isEmpty(), "the release work cleared the post before the return path saw it");
        assertTrue(w.rxUpid().on, "ON stays set ...");
        assertEquals(0, w.rxUpid().pir, "... with PIR empty");
        return w;
    }

    /** A second receiver on cpu1 sleeping in uintr_wait, connected to tx; returns {rx2, idx2}. */
    private static long[] secondSleeper(Rig w) {
        int rx2 = w.k.newProcess("rx2", 1);
        w.k.run(rx2);
        Rig.ok(w.k.syscall(rx2, Syscall.UINTR_REGISTER_HANDLER, Kernel.DEFAULT_HANDLER, 0));
        long fd2 = Rig.ok(w.k.syscall(rx2, Syscall.UINTR_CREATE_FD, 5, 0));
        w.k.stui(rx2);
        long txFd2 = Rig.ok(w.k.passFd(rx2, fd2, w.tx));
        assertEquals(Kernel.BLOCKED, w.k.syscall(rx2, Syscall.UINTR_WAIT, 0));
        assertEquals(w.tx, w.k.state().cpus[1].curr);
        long idx2 = Rig.ok(w.k.syscall(w.tx, Syscall.UINTR_REGISTER_SENDER, txFd2, 0));
        return new long[] {rx2, idx2};
    }

    @Test
    void kernelVector_staleOn_massWakeWakesASleeperWithNothingPosted_kernel5_2_4_kernel4_1() {
        Rig w = staleOn(BlockingDesign.KERNEL_VECTOR);
        long[] second = secondSleeper(w);
        int rx2 = (int) second[0];
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0), "rx sleeps again, ON still 1");
        long empty = w.k.counters().emptyWakeups;
        assertEquals(0, empty, "every wake so far had a post behind it");
        w.k.senduipi(w.tx, second[1]);                              // a post for rx2 only
        w.k.interrupts(1);                                          // one 0xEB walk of the global list
        assertEquals(TaskState.READY, w.task(rx2).state);
        assertEquals(TaskState.READY, w.task(w.rx).state, "rx woken too: its stale ON matched the walk");
        assertEquals(1, w.k.counters().emptyWakeups, "rx was woken with PIR and UIRR empty");
        w.k.schedule(0);
        assertEquals(-Errno.EINTR, w.task(w.rx).lastResult);
        assertTrue(w.task(w.rx).deliveries.isEmpty(), "nothing to deliver: a wake-up for nothing");
        w.k.schedule(1);
        assertEquals(List.of(5), w.task(rx2).deliveries);
        assertEquals(List.of(), w.k.violations());
    }

    @Test
    void kernelVectorChecked_staleOn_everyWaitAbortsAtOnce_kernel5_2_1_kernel4_1() {
        Rig w = staleOn(BlockingDesign.KERNEL_VECTOR_CHECKED);
        for (int i = 0; i < 3; i++) {
            assertEquals(-Errno.EINTR, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0), "the re-check sees ON = 1 every time");
        }
        assertTrue(w.task(w.rx).deliveries.isEmpty());
        assertTrue(w.rxUpid().on, "nothing ever clears it: uintr_wait has become a busy loop");
    }

    /** later tree, kernel §5.2 item 6 / §5.5 "no hotplug handling": RECEIVER cost loses the wake, SENDER cost does not. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {0x1000, 0x2000})
    void later_cpuHotUnplug_receiverCostWaitsForTheTimer_senderCostWakes_kernel5_2_6_kernel5_5(long flags) {
        Rig w = new Rig(KernelConfig.of(AbiProfile.LATER).withCpus(3), flags);
        assertEquals(Kernel.BLOCKED, w.k.syscall(w.rx, Syscall.UINTR_WAIT, 1000, 0));
        w.k.cpuOffline(0);
        w.k.senduipi(w.tx, w.idx);
        w.k.settleInterrupts();
        if (flags == 0x1000) {
            assertEquals(1, w.k.counters().lostIpis, "the 0xEB went to the offline CPU");
            assertEquals(TaskState.SLEEPING, w.task(w.rx).state);
            w.k.advanceTime(1000);
            assertEquals(0, w.task(w.rx).lastResult, "only the timeout ends the wait");
        } else {
            assertEquals(0, w.k.counters().lostIpis);
            assertEquals(1, w.k.counters().gpFixups);
            assertEquals(-Errno.EINTR, w.task(w.rx).lastResult);
        }
        if (w.task(w.rx).state == TaskState.READY) {
            w.k.run(w.rx);
        }
        w.assertDeliveredOnce(w.rx);
    }

    @Test
    void sameScheduleTwice_equalStates_deterministic() {
        Rig a = bystanderSchedule(BlockingDesign.KERNEL_VECTOR);
        Rig b = bystanderSchedule(BlockingDesign.KERNEL_VECTOR);
        assertEquals(a.k.state(), b.k.state());
        assertEquals(a.k.state().hashCode(), b.k.state().hashCode());
    }
}
