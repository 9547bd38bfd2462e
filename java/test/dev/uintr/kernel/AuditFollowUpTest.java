package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import org.junit.jupiter.api.Test;

/**
 * Independent audit (fixtures/kernel/README.md "Independent audit"): the checks the errno fixture
 * format cannot express, because their fault injection must hit a call that is followed by
 * another one (a fixture injects faults into its last call only).
 */
class AuditFollowUpTest {
    private static final long VEC = 5;

    /** The model of the test, and its process's main thread. */
    private Kernel k;
    private int a;

    /** A fresh {@code p} model with one process whose main thread {@link #a} is a registered receiver. */
    private void receiver(AbiProfile p) {
        k = new Kernel(KernelConfig.of(p));
        a = k.newProcess("a", 0);
        assertEquals(0, k.syscall(a, Syscall.UINTR_REGISTER_HANDLER, Kernel.DEFAULT_HANDLER, 0));
    }

    /** audit §2.1 451 step 8: an anon_inode_getfd error releases the vector (task_work at this syscall's return). */
    @Test
    void rfc_createFdEmfile_vectorReleasedAtOnce_sameVectorFreeAgain_audit2_1_451_step8() {
        receiver(AbiProfile.RFC_V1);
        k.failNextFdInstall();
        assertEquals(-Errno.EMFILE, k.syscall(a, Syscall.UINTR_CREATE_FD, VEC, 0));
        UpidContext u = k.state().upid(k.task(a).upid);
        assertEquals(0, u.uvecMask & (1L << VEC), "the vector bit is released by the return from the call");
        assertTrue(k.syscall(a, Syscall.UINTR_CREATE_FD, VEC, 0) >= 0, "the same vector can be created again");
        assertEquals(-Errno.EBUSY, k.syscall(a, Syscall.UINTR_CREATE_FD, VEC, 0), "and now it is held");
    }

    /** audit §2.1 451 steps 3-4: ENOMEM comes before any vector is taken, so nothing is held afterwards. */
    @Test
    void rfc_createFdEnomem_holdsNoVector_audit2_1_451_step3() {
        receiver(AbiProfile.RFC_V1);
        k.failNextAllocations();
        assertEquals(-Errno.ENOMEM, k.syscall(a, Syscall.UINTR_CREATE_FD, VEC, 0));
        assertTrue(k.syscall(a, Syscall.UINTR_CREATE_FD, VEC, 0) >= 0);
    }

    /** audit §2.3 473 step 7: the UPID reference taken for the fd is dropped, the vector bit stays set. */
    @Test
    void later_vectorFdEmfile_dropsTheFdsReference_keepsTheVectorBit_audit2_3_473_step7() {
        receiver(AbiProfile.LATER);
        UpidContext u = k.state().upid(k.task(a).upid);
        int refs = u.refs;
        k.failNextFdInstall();
        assertEquals(-Errno.EMFILE, k.syscall(a, Syscall.UINTR_VECTOR_FD, VEC, 0));
        assertEquals(refs, u.refs, "no reference leaked");
        assertEquals(1L << VEC, u.uvecMask & (1L << VEC), "vectors once registered stay registered");
        long fd = k.syscall(a, Syscall.UINTR_VECTOR_FD, VEC, 0);
        assertTrue(fd >= 0, "later allows the same vector again");
        assertEquals(refs + 1, u.refs, "a live uvec fd holds one reference");
    }

    /** audit §2.1 452 steps 6-8: a failed first registration leaves no UITT behind (the next SENDUIPI is SIGILL). */
    @Test
    void rfc_registerSenderEnomem_leavesNoUitt_senduipiSigill_audit2_1_452_step8() {
        receiver(AbiProfile.RFC_V1);
        long fd = k.syscall(a, Syscall.UINTR_CREATE_FD, VEC, 0);
        k.failNextAllocations();
        assertEquals(-Errno.ENOMEM, k.syscall(a, Syscall.UINTR_REGISTER_SENDER, fd, 0));
        assertEquals(SendOutcome.SIGILL, k.senduipi(a, 0));
        assertEquals(0, k.syscall(a, Syscall.UINTR_REGISTER_SENDER, fd, 0), "the retry gets slot 0");
        assertEquals(SendOutcome.OK, k.senduipi(a, 0));
    }
}
