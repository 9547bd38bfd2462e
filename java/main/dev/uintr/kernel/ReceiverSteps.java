package dev.uintr.kernel;

/**
 * Steps that the rfc-v1 (449–454) and later (471–479) syscalls take word for word. Each
 * profile keeps its own prologue and its own order around these; a check helper returns 0
 * when every check passes, else the first failing -errno, in the order written here.
 */
final class ReceiverSteps {
    private ReceiverSteps() {}

    /**
     * The checks before a vector is taken, after the profile's prologue (its result is
     * {@code prologue}, steps 1–2, and comes first when it failed): rfc-v1 451 uintr_create_fd
     * steps 3–6 (audit §2.1: allocations before the receiver check) and later 473
     * uintr_vector_fd steps 3–5.
     */
    static long vectorChecks(long prologue, KernelState s, Task t, long vector) {
        if (prologue != 0) {
            return prologue;                                             // steps 1–2
        }
        if (s.failAlloc) {
            return -Errno.ENOMEM;                                        // rfc 3–4 (fd context, receiver info); later 3
        }
        if (!t.receiver) {
            return -Errno.EINVAL;                                        // rfc 5; later 4
        }
        if (Long.compareUnsigned(vector, 64) >= 0) {
            return -Errno.ENOSPC;                                        // rfc 6; later 5 (u64: -1 too)
        }
        return 0;
    }

    /**
     * Step 3 of the calls only a receiver may make (rfc-v1 450, 454; later 472, 477, 478),
     * after the profile's prologue (its result is {@code prologue}, steps 1–2, and comes first
     * when it failed): {@code -notReceiver} when {@code t} has no handler registered. Which
     * errno that is differs per call (EINVAL or EOPNOTSUPP), so the caller names it.
     */
    static long receiverCheck(long prologue, Task t, int notReceiver) {
        if (prologue != 0) {
            return prologue;                                             // steps 1–2
        }
        if (!t.receiver) {
            return -notReceiver;                                         // step 3
        }
        return 0;
    }

    /**
     * The fd checks of uintr_register_sender (rfc-v1 452 and later 474) and rfc-v1 453
     * uintr_unregister_sender, steps 3–4, after the profile's prologue (its result is
     * {@code prologue}, steps 1–2, and comes first when it failed): {@code f} is what the fd
     * names (null: none).
     */
    static long fileChecks(long prologue, OpenFile f, FileKind kind) {
        if (prologue != 0) {
            return prologue;                                             // steps 1–2
        }
        if (f == null) {
            return -Errno.EBADF;                                         // step 3
        }
        if (f.kind != kind) {
            return -Errno.EOPNOTSUPP;                                    // step 4
        }
        return 0;
    }

    /**
     * uintr_register_handler's programming of the receiver MSRs, t.upid already set: the UPID
     * notifies this CPU on vector 0xEC; HANDLER, PD (t's UPID), STACKADJUST 128 and MISC.UINV
     * go into t's image and UINV into the live register.
     */
    static void programReceiver(KernelState s, Task t, UpidContext u, long handler) {
        u.nv = UpidContext.NOTIFICATION_VECTOR;
        u.ndst = s.cpus[t.cpu].ndst();
        t.handler = handler;
        t.pd = t.upid;
        t.stackAdjust = 128;
        t.uinv = UpidContext.NOTIFICATION_VECTOR;
        s.cpus[t.cpu].liveUinv = t.uinv;                                 // written to the live MSR
    }

    /** uintr_unregister_handler's clearing of the receiver MSRs: UINV (image and live), PD, UIRR, STACKADJUST, HANDLER. */
    static void clearReceiver(KernelState s, Task t) {
        t.uinv = 0;
        s.cpus[t.cpu].liveUinv = 0;
        t.pd = -1;
        t.uirr = 0;
        t.stackAdjust = 0;
        t.handler = 0;
    }
}
