package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** UPID / UITT lifetimes of uintr-kernel §4.1 (rfc-v1) and §4.2 (later), with the audit's corrections. */
class LifetimeTest {

    @ParameterizedTest
    @EnumSource(value = AbiProfile.class, names = {"RFC_V1", "LATER"})
    void postAfterReceiverExit_pirSet_noIpi_noUseAfterFree_kernel4_1(AbiProfile p) {
        Rig w = new Rig(KernelConfig.of(p));
        int upidId = w.task(w.rx).upid;
        long ipis = w.k.counters().ipisSent;
        w.k.exit(w.rx);
        UpidContext u = w.k.state().upid(upidId);
        assertTrue(u.sn, "exit sets SN");
        assertFalse(u.freed, "the sender's fd and connection still hold the UPID");
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));
        assertEquals(1L << Rig.VEC, u.pir, "the post lands in PIR");
        assertEquals(ipis, w.k.counters().ipisSent, "SN = 1: no IPI");
        assertEquals(List.of(), w.k.violations());
    }

    /** §4.2 uintr_free: receiver_active is cleared only "if active"; an unregistered receiver that exits keeps it. */
    @Test
    void later_unregisteredReceiverExits_newSendersStillConnect_postsParkInPir_kernel4_2() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.LATER));
        UpidContext u = w.rxUpid();
        Rig.ok(w.k.syscall(w.rx, Syscall.UINTR_UNREGISTER_HANDLER, 0));
        w.k.exit(w.rx);
        assertTrue(u.receiverActive, "not cleared: the thread was no longer active at exit");
        long ipis = w.k.counters().ipisSent;
        long idx2 = w.k.syscall(w.tx, Syscall.UINTR_REGISTER_SENDER, 3, 0);
        assertEquals(1, idx2, "no ESHUTDOWN: a second entry to the dead thread's UPID");
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, idx2));
        assertEquals(1L << Rig.VEC, u.pir);
        assertEquals(ipis, w.k.counters().ipisSent, "SN = 1 since unregister: no IPI");
        assertFalse(u.freed, "the uvec fd and the two entries hold it");
        assertEquals(List.of(), w.k.violations());
    }

    @Test
    void rfc_unregisterSender_thenSenduipi_sigill_uittFreed_upidRefDropped_kernel2_2e() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.RFC_V1));
        UpidContext u = w.rxUpid();
        assertEquals(3, u.refs, "owner + fd + sender connection");
        int uitt = w.task(w.tx).sendUitt;
        w.k.syscall(w.tx, Syscall.UINTR_UNREGISTER_SENDER, 3, 0);
        assertEquals(2, u.refs);
        assertTrue(w.k.state().uitt(uitt).freed, "the emptied UITT is torn down at the syscall's return");
        assertEquals(-1, w.task(w.tx).tt);
        assertEquals(SendOutcome.SIGILL, w.k.senduipi(w.tx, w.idx));
    }

    @Test
    void later_unregisterSender_thenSenduipi_sigsegv_tableKept_kernel2_4_475() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.LATER));
        UpidContext u = w.rxUpid();
        assertEquals(4, u.refs, "thread + activated + uvec fd + UITT entry");
        w.k.syscall(w.tx, Syscall.UINTR_UNREGISTER_SENDER, w.idx, 0);
        assertEquals(3, u.refs);
        int uitt = w.k.state().mm(w.task(w.tx).mm).uitt;
        assertFalse(w.k.state().uitt(uitt).freed, "kept until mm teardown");
        assertEquals(SendOutcome.SIGSEGV, w.k.senduipi(w.tx, w.idx));
    }

    @Test
    void rfc_lastCloseWithSenderRegistered_invalidNowThenTornDownAtSendersReturn_audit5() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.RFC_V1));
        UpidContext u = w.rxUpid();
        w.k.syscall(w.tx, Syscall.CLOSE, 3);                              // tx's copy of the fd
        w.k.syscall(w.rx, Syscall.CLOSE, w.fd);                           // last close: release
        assertEquals(SendOutcome.SIGSEGV, w.k.senduipi(w.tx, w.idx),
                "entry invalid at once; tx has not returned to user since (task_work pending)");
        assertEquals(1, w.task(w.tx).taskWork.size());
        w.k.syscall(w.tx, Syscall.EVENTFD);                               // any return to user runs the work
        assertEquals(SendOutcome.SIGILL, w.k.senduipi(w.tx, w.idx), "the emptied UITT is gone");
        assertEquals(1, u.refs, "only the receiver's own reference is left");
        assertEquals(0, u.uvecMask, "vector released by the receiver's task_work");
        assertEquals(List.of(), w.k.violations());
    }

    @Test
    void later_lastCloseWithSenderRegistered_keepsWorking_kernel7_3() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.LATER));
        UpidContext u = w.rxUpid();
        w.k.syscall(w.tx, Syscall.CLOSE, 3);
        w.k.syscall(w.rx, Syscall.CLOSE, w.fd);
        assertEquals(3, u.refs, "thread + activated + the UITT entry");
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));
        w.k.settleInterrupts();
        w.assertDeliveredOnce(w.rx);
    }

    @Test
    void rfc_unregisterHandler_oldConnectionsPostIntoTheDeadUpid_audit2_1_450() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.RFC_V1));
        UpidContext old = w.rxUpid();
        w.k.syscall(w.rx, Syscall.UINTR_UNREGISTER_HANDLER, 0);
        w.k.syscall(w.rx, Syscall.UINTR_REGISTER_HANDLER, Kernel.DEFAULT_HANDLER, 0);
        w.k.stui(w.rx);
        assertTrue(w.rxUpid() != old, "a fresh UPID");
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));
        w.k.settleInterrupts();
        assertEquals(1L << Rig.VEC, old.pir, "landed in the old UPID");
        assertTrue(w.task(w.rx).deliveries.isEmpty(), "never delivered");
    }

    @Test
    void later_unregisterThenReregister_replaysPostsMadeMeanwhile_audit2_3_472() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.LATER));
        w.k.syscall(w.rx, Syscall.UINTR_UNREGISTER_HANDLER, 0);
        assertEquals(SendOutcome.OK, w.k.senduipi(w.tx, w.idx));
        w.k.settleInterrupts();
        assertEquals(1L << Rig.VEC, w.rxUpid().pir, "SN = 1 while unregistered: PIR only");
        w.k.syscall(w.rx, Syscall.UINTR_REGISTER_HANDLER, Kernel.DEFAULT_HANDLER, 0);  // same UPID, return path self-IPIs
        w.k.stui(w.rx);
        w.assertDeliveredOnce(w.rx);
    }

    @Test
    void later_waitingCostIsStickyAcrossFlagsZeroReregistration_audit2_3_471() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.LATER), 0x2000);
        w.k.syscall(w.rx, Syscall.UINTR_UNREGISTER_HANDLER, 0);
        w.k.syscall(w.rx, Syscall.UINTR_REGISTER_HANDLER, Kernel.DEFAULT_HANDLER, 0);
        assertEquals(UpidContext.COST_SENDER, w.rxUpid().waitingCost);
    }

    /** A use-after-free the model must record, not allow: the later tree's register_self error path. */
    private static Kernel registerSelfUnderCount(boolean triggerBug) {
        Kernel k = new Kernel(KernelConfig.of(AbiProfile.LATER));
        int a = k.newProcess("A", 0);
        int b = k.spawnThread(a, "B", 1);
        k.syscall(a, Syscall.UINTR_REGISTER_HANDLER, Kernel.DEFAULT_HANDLER, 0);
        if (triggerBug) {
            k.failNextAllocations();
            assertEquals(-Errno.ENOMEM, k.syscall(a, Syscall.UINTR_REGISTER_SELF, 1, 0));
        }
        long fd = k.syscall(a, Syscall.UINTR_VECTOR_FD, 1, 0);
        long idx = k.syscall(a, Syscall.UINTR_REGISTER_SENDER, fd, 0);
        k.syscall(a, Syscall.CLOSE, fd);
        k.syscall(a, Syscall.UINTR_UNREGISTER_HANDLER, 0);
        k.exit(a);
        assertEquals(SendOutcome.OK, k.senduipi(b, idx));           // #UD fixup, then the post
        return k;
    }

    @Test
    void later_registerSelfErrorPathUnderCounts_freedUpidWrittenBySenduipi_isRecorded_audit2_3_477() {
        Kernel k = registerSelfUnderCount(true);
        assertEquals(1, k.violations().size(), k.violations().toString());
        assertTrue(k.violations().get(0).toString().startsWith("use-after-free: SENDUIPI by task 1"));
    }

    @Test
    void later_sameSequenceWithoutTheBug_noViolation() {
        Kernel k = registerSelfUnderCount(false);
        assertEquals(List.of(), k.violations());
        assertEquals(1, k.counters().udFixups);
    }

    @Test
    void later_forkChildSharesUitt_mmTeardownDropsItsReference_kernel4_2() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.LATER));
        int mm = w.task(w.tx).mm;
        int uitt = w.k.state().mm(mm).uitt;
        int child = w.k.fork(w.tx, "child", 1);
        assertEquals(2, w.k.state().uitt(uitt).refs);
        w.k.run(child);
        assertEquals(SendOutcome.OK, w.k.senduipi(child, w.idx));
        w.k.exit(child);
        assertEquals(1, w.k.state().uitt(uitt).refs);
        w.k.exit(w.tx);
        assertTrue(w.k.state().uitt(uitt).freed);
        assertEquals(3, w.rxUpid().refs, "the freed table released its entry's UPID reference");
    }

    @Test
    void rfc_forkChildInheritsFdButNoUintrState_kernel4_1() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.RFC_V1));
        int child = w.k.fork(w.rx, "child", 1);
        w.k.run(child);
        Task c = w.task(child);
        assertEquals(-1, c.upid);
        assertEquals(-1, c.tt);
        assertEquals(0, c.uinv);
        assertEquals(3, w.k.state().file(w.k.state().mm(c.mm).fds.get((int) w.fd).file()).refs,
                "rx, tx (passed) and the child share one open file");
        assertEquals(0, w.k.syscall(child, Syscall.UINTR_REGISTER_SENDER, w.fd, 0), "the inherited fd still targets rx");
    }

    @Test
    void exec_closesCloexecUintrFds_dupWithoutCloexecSurvives() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.RFC_V1));
        int child = w.k.fork(w.rx, "child", 1);
        w.k.run(child);
        long d = w.k.syscall(child, Syscall.DUP, w.fd);
        w.k.exec(child);
        Mm mm = w.k.state().mm(w.task(child).mm);
        assertFalse(mm.fds.containsKey((int) w.fd), "O_CLOEXEC fd closed");
        assertTrue(mm.fds.containsKey((int) d), "dup() clears close-on-exec");
    }

    @Test
    void rfc_taskWorkOnARunningSender_kickedByRescheduleIpi_audit5() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.RFC_V1));
        w.k.syscall(w.tx, Syscall.CLOSE, 3);
        w.k.syscall(w.rx, Syscall.CLOSE, w.fd);                           // tx runs in user mode on cpu1: kicked
        assertTrue(w.k.state().cpus[1].pending(PerCpu.RESCHEDULE_VECTOR));
        assertEquals(SendOutcome.SIGSEGV, w.k.senduipi(w.tx, w.idx), "before the kick lands: entry invalid");
        w.k.interrupts(1);                                          // the kick: exit-to-user runs the work
        assertTrue(w.task(w.tx).taskWork.isEmpty());
        assertEquals(SendOutcome.SIGILL, w.k.senduipi(w.tx, w.idx), "after it: the UITT is gone");
    }

    @Test
    void rfc_taskWorkOnASleepingReceiver_waitsForItsReturn_audit5() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.RFC_V1).withDesign(BlockingDesign.KERNEL_VECTOR));
        w.k.syscall(w.rx, Syscall.UINTR_WAIT, 0);
        w.k.syscall(w.tx, Syscall.CLOSE, 3);
        int closer = w.k.spawnThread(w.rx, "closer", 1);
        w.k.run(closer);
        w.k.syscall(closer, Syscall.CLOSE, w.fd);                           // last close, by another thread
        assertEquals(1, w.task(w.rx).taskWork.size(), "blocked in the kernel: not kicked, work waits");
        assertTrue(w.rxUpid().uvecMask != 0);
    }
}
