package dev.uintr.kernel;

/**
 * The six RFC v1 syscalls (449–454) as posted, one method each, returning the value or
 * -errno. Checks run in the order of uintr-kernel §2.2 as confirmed by the audit §2.1; each
 * line names its step. A kernel without CONFIG_X86_USER_INTERRUPTS answers ENOSYS (audit §2.0).
 */
final class RfcV1Syscalls {
    private RfcV1Syscalls() {}

    /** Steps 1–2 common to all six: no X86_FEATURE_UINTR → EOPNOTSUPP; flags ≠ 0 → EINVAL. 0 when both pass. */
    private static long prologue(KernelState s, long flags) {
        if (!s.config.built()) {
            return -Errno.ENOSYS;                                        // audit §2.0: COND_SYSCALL stub
        }
        if (!s.config.hardware()) {
            return -Errno.EOPNOTSUPP;                                    // §2.2 step 1
        }
        if ((int) flags != 0) {
            return -Errno.EINVAL;                                        // §2.2 step 2 (flags is unsigned int)
        }
        return 0;
    }

    /** 449 uintr_register_handler(handler, flags) — §2.2(a). */
    static long registerHandler(KernelState s, Task t, long handler, long flags) {
        long r = prologue(s, flags);
        if (r != 0) {
            return r;
        }
        if (handler == 0) {
            return -Errno.EFAULT;                                        // (a) step 3: NULL only
        }
        if (t.receiver) {
            return -Errno.EBUSY;                                         // (a) step 4
        }
        if (s.failAlloc) {
            return -Errno.ENOMEM;                                        // (a) step 5
        }
        int id = s.newUpid(t.tid);                                       // refs = 1 (owner)
        UpidContext u = s.upid(id);
        t.upid = id;
        t.receiver = true;
        ReceiverSteps.programReceiver(s, t, u, handler);
        return 0;
    }

    /** 450 uintr_unregister_handler(flags) — §2.2(b). */
    static long unregisterHandler(KernelState s, Task t, long flags) {
        long r = ReceiverSteps.receiverCheck(prologue(s, flags), t, Errno.EINVAL); // (b) steps 1–3
        if (r != 0) {
            return r;
        }
        UpidContext u = s.upid(t.upid);
        ReceiverSteps.clearReceiver(s, t);
        u.receiverActive = false;
        u.sn = true;
        Lifetimes.leaveWaitList(s, t.upid);
        int id = t.upid;
        t.receiver = false;
        t.upid = -1;                                                     // receiver struct (and its vector mask) freed
        Lifetimes.putUpid(s, id);                                        // owner reference
        return 0;
    }

    /** 451 uintr_create_fd(vector, flags) — §2.2(c), audit §2.1 (allocations before the receiver check). */
    static long createFd(KernelState s, Task t, long vector, long flags) {
        long r = ReceiverSteps.vectorChecks(prologue(s, flags), s, t, vector); // steps 1–6
        if (r != 0) {
            return r;
        }
        UpidContext u = s.upid(t.upid);
        if ((u.uvecMask & (1L << vector)) != 0) {
            return -Errno.EBUSY;                                         // step 7
        }
        u.uvecMask |= 1L << vector;
        Lifetimes.getUpid(s, t.upid);                                    // ReceiverInfo's reference
        long fd = Fds.anonInodeGetfd(s, t, FileKind.UINTR_FD, t.upid, (int) vector, -1);
        if (fd < 0) {                                                    // step 8: roll back via task_work on the caller
            t.taskWork.add(new TaskWork(TaskWork.Kind.RELEASE_VECTOR, t.upid, (int) vector));
        }
        return fd;
    }

    /** 452 uintr_register_sender(fd, flags) — §2.2(d), audit §2.1. Returns the UITT index. */
    static long registerSender(KernelState s, Task t, long fd, long flags) {
        OpenFile f = Fds.lookup(s, t, fd);
        long r = ReceiverSteps.fileChecks(prologue(s, flags), f, FileKind.UINTR_FD); // steps 1–4
        if (r != 0) {
            return r;
        }
        if (senderLink(f, t) != null) {
            return -Errno.EISCONN;                                       // step 5: per (file, task)
        }
        if (s.failAlloc) {
            return -Errno.ENOMEM;                                        // step 6: sender info
        }
        UpidContext u = s.upid(f.upid);
        if (!u.receiverActive) {
            return -Errno.ESHUTDOWN;                                     // step 7
        }
        int uittId = t.sendUitt;
        int idx;
        if (uittId >= 0) {
            idx = s.uitt(uittId).lowestFree();
            if (idx < 0) {
                return -Errno.ENOSPC;                                    // step 8: 256 in use
            }
        } else {
            uittId = s.newUitt();                                        // first registration: refs = 1 (owner)
            t.sendUitt = uittId;
            t.tt = uittId;
            t.uittSize = s.config.uittSizeWritten();                     // 256 as posted (audit §2.1)
            idx = 0;
        }
        s.uitt(uittId).fill(idx, f.vector, f.upid);
        Lifetimes.getUpid(s, f.upid);
        Lifetimes.getUitt(s, uittId);
        f.senders.add(new SenderLink(t.tid, uittId, idx));
        return idx;
    }

    /** 453 uintr_unregister_sender(fd, flags) — §2.2(e). */
    static long unregisterSender(KernelState s, Task t, long fd, long flags) {
        OpenFile f = Fds.lookup(s, t, fd);
        long r = ReceiverSteps.fileChecks(prologue(s, flags), f, FileKind.UINTR_FD); // steps 1–4
        if (r != 0) {
            return r;
        }
        SenderLink link = senderLink(f, t);
        if (link == null) {
            return -Errno.EINVAL;                                        // step 5
        }
        f.senders.remove(link);
        s.uitt(link.uitt()).valid[link.index()] = false;                 // invalid now: a racing SENDUIPI #GPs
        t.taskWork.add(new TaskWork(TaskWork.Kind.FREE_UITT_ENTRY, link.uitt(), link.index()));
        return 0;
    }

    /** t's sender registration on uintr fd f, or null (step 5 of 452 and 453; 452 allows one per file and task). */
    private static SenderLink senderLink(OpenFile f, Task t) {
        SenderLink link = null;
        for (SenderLink l : f.senders) {
            if (l.task() == t.tid) {
                link = l;
            }
        }
        return link;
    }

    /** 454 uintr_wait(flags) — §2.2(f), §5.1. Blocks, then returns -EINTR whatever woke it. */
    static long uintrWait(KernelState s, Task t, long flags) {
        long r = ReceiverSteps.receiverCheck(prologue(s, flags), t, Errno.EOPNOTSUPP); // steps 1–3
        if (r != 0) {
            return r;
        }
        return Blocking.rfcWait(s, t);
    }
}
