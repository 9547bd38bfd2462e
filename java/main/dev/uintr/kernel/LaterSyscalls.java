package dev.uintr.kernel;

/**
 * The nine later-tree syscalls (471–479, intel/uintr-linux-kernel @fed8dc12), one method
 * each, returning the value or -errno, checks in the order of uintr-kernel §2.4 as confirmed
 * by the audit §2.3. Feature absent or not built → ENOSYS (audit §2.0).
 */
final class LaterSyscalls {
    /** UINTR_HANDLER_FLAG_WAITING_RECEIVER / _SENDER. */
    static final long WAITING_RECEIVER = 0x1000;
    static final long WAITING_SENDER = 0x2000;
    /** UIPI_SET_TARGET_TABLE = _IO('u', 0). */
    static final long UIPI_SET_TARGET_TABLE = 0x7500;
    static final long MAX_WAIT_USEC = 1_000_000_000L;

    private LaterSyscalls() {}

    private static boolean noFeature(KernelState s) {
        return !s.config.built() || !s.config.hardware();
    }

    /** Common prologue: ENOSYS, then flags ≠ 0 → EINVAL; 0 when both pass. */
    private static long prologue(KernelState s, long flags) {
        if (noFeature(s)) {
            return -Errno.ENOSYS;
        }
        if ((int) flags != 0) {
            return -Errno.EINVAL;
        }
        return 0;
    }

    /** 471 uintr_register_handler(handler, flags) — audit §2.3. */
    static long registerHandler(KernelState s, Task t, long handler, long flags) {
        if (noFeature(s)) {
            return -Errno.ENOSYS;                                        // step 1
        }
        int fl = (int) flags;
        if ((fl & ~0x3000) != 0) {
            return -Errno.EINVAL;                                        // step 2: only WAITING bits
        }
        if (fl != 0 && !s.config.blockingBuilt()) {
            return -Errno.EINVAL;                                        // step 3
        }
        if (handler == 0) {
            return -Errno.EFAULT;                                        // step 4
        }
        if (t.receiver) {
            return -Errno.EBUSY;                                         // step 5
        }
        if (t.upid < 0) {
            if (s.failAlloc) {
                return -Errno.ENOMEM;                                    // step 6: first-ever registration only
            }
            t.upid = s.newUpid(t.tid);                                   // refs = 1 (the thread's)
        }
        UpidContext u = s.upid(t.upid);
        Lifetimes.getUpid(s, t.upid);                                    // "programmed in MSR" reference
        ReceiverSteps.programReceiver(s, t, u, handler);
        t.receiver = true;
        if ((fl & 0x3000) != 0) {                                        // cost written only when a bit is set (sticky)
            u.waitingCost = (fl & WAITING_RECEIVER) != 0 ? UpidContext.COST_RECEIVER : UpidContext.COST_SENDER;
        }
        return 0;
    }

    /** 472 uintr_unregister_handler(flags): keeps the UPID, its mask, PIR and cost (audit §2.3). */
    static long unregisterHandler(KernelState s, Task t, long flags) {
        long r = ReceiverSteps.receiverCheck(prologue(s, flags), t, Errno.EINVAL); // steps 1–3
        if (r != 0) {
            return r;
        }
        UpidContext u = s.upid(t.upid);
        ReceiverSteps.clearReceiver(s, t);
        t.receiver = false;
        u.sn = true;
        Lifetimes.putUpid(s, t.upid);                                    // the "MSR" reference
        Lifetimes.leaveWaitList(s, t.upid);
        u.blkd = false;
        return 0;
    }

    /** 473 uintr_vector_fd(vector, flags). Same vector twice is allowed. */
    static long vectorFd(KernelState s, Task t, long vector, long flags) {
        long r = ReceiverSteps.vectorChecks(prologue(s, flags), s, t, vector); // steps 1–5: ENOMEM before the receiver check
        if (r != 0) {
            return r;
        }
        UpidContext u = s.upid(t.upid);
        u.uvecMask |= 1L << vector;
        Lifetimes.getUpid(s, t.upid);                                    // step 6
        long fd = Fds.anonInodeGetfd(s, t, FileKind.UVEC_FD, t.upid, (int) vector, -1);
        if (fd < 0) {
            Lifetimes.putUpid(s, t.upid);                                // step 7: ref dropped, vector bit stays
        }
        return fd;
    }

    /** 474 uintr_register_sender(uvec_fd, flags): per-mm UITT, no EISCONN. */
    static long registerSender(KernelState s, Task t, long fd, long flags) {
        OpenFile f = Fds.lookup(s, t, fd);
        long r = ReceiverSteps.fileChecks(prologue(s, flags), f, FileKind.UVEC_FD); // steps 1–4
        if (r != 0) {
            return r;
        }
        if (!s.upid(f.upid).receiverActive) {
            return -Errno.ESHUTDOWN;                                     // step 5: receiver thread exited
        }
        return addEntry(s, t, f.upid, f.vector);
    }

    /** Steps 6–7 of 474 (and 5–7 of 477): UITT allocation, free slot, fill, program the caller. */
    private static long addEntry(KernelState s, Task t, int upidId, int vector) {
        Mm mm = s.mm(t.mm);
        if (mm.uitt < 0) {
            if (s.failAlloc) {
                return -Errno.ENOMEM;                                    // step 6
            }
            mm.uitt = s.newUitt();                                       // refs = 1 (owning mm)
        }
        Uitt uitt = s.uitt(mm.uitt);
        int idx = uitt.lowestFree();
        if (idx < 0) {
            return -Errno.ENOSPC;                                        // step 7
        }
        uitt.fill(idx, vector, upidId);
        Lifetimes.getUpid(s, upidId);
        if (!t.uittActivated) {
            t.tt = mm.uitt;
            t.uittSize = s.config.uittSizeWritten();                     // 255
            t.uittActivated = true;
        }
        return idx;
    }

    /** 475 uintr_unregister_sender(index, flags). The table is kept: SENDUIPI on the index then #GPs. */
    static long unregisterSender(KernelState s, Task t, long index, long flags) {
        long r = prologue(s, flags);
        if (r != 0) {
            return r;
        }
        Mm mm = s.mm(t.mm);
        if (mm.uitt < 0) {
            return -Errno.EINVAL;                                        // step 3
        }
        Uitt uitt = s.uitt(mm.uitt);
        int idx = (int) index;
        if (idx < 0 || idx >= Uitt.ENTRIES) {
            return -Errno.EINVAL;                                        // kernel behaviour undefined here (audit §2.3); we say EINVAL
        }
        if (!uitt.allocated(idx)) {
            return -Errno.EINVAL;                                        // step 4
        }
        int upidId = uitt.upid[idx];
        uitt.valid[idx] = false;
        Lifetimes.putUpid(s, upidId);
        uitt.clear(idx);
        return 0;
    }

    /** 476 uintr_wait(usec, flags): 0 on timeout, -EINTR on any other wake; arms nothing itself. */
    static long uintrWait(KernelState s, Task t, long usec, long flags) {
        if (noFeature(s)) {
            return -Errno.ENOSYS;                                        // step 1
        }
        if (!s.config.blockingBuilt()) {
            return -Errno.ENOSYS;                                        // step 2
        }
        if ((int) flags != 0) {
            return -Errno.EINVAL;                                        // step 3
        }
        if (Long.compareUnsigned(usec, MAX_WAIT_USEC) > 0) {
            return -Errno.EINVAL;                                        // step 4 (u64)
        }
        if (usec == 0) {
            return 0;                                                    // step 5: even for non-receivers
        }
        if (!t.receiver) {
            return -Errno.EOPNOTSUPP;                                    // step 6
        }
        return sleep(s, t, usec, WaitKind.UINTR_WAIT);                   // step 7
    }

    /** An interruptible sleep: armed by switch_uintr_prepare when the handler has a WAITING cost. */
    static long sleep(KernelState s, Task t, long usec, WaitKind kind) {
        t.waitKind = kind;
        t.deadline = s.clockUs + usec;
        Scheduler.block(s, t);
        return Kernel.BLOCKED;
    }

    /** 477 uintr_register_self(vector, flags): an index every thread of the process can use. */
    static long registerSelf(KernelState s, Task t, long vector, long flags) {
        long r = ReceiverSteps.receiverCheck(prologue(s, flags), t, Errno.EINVAL); // steps 1–3
        if (r != 0) {
            return r;
        }
        if (Long.compareUnsigned(vector, 64) >= 0) {
            return -Errno.ENOSPC;                                        // step 4
        }
        UpidContext u = s.upid(t.upid);
        u.uvecMask |= 1L << vector;
        if (!u.receiverActive) {
            Lifetimes.putUpid(s, t.upid);                                // reproduced bug (audit §2.3): drops a ref it never took
            return -Errno.ESHUTDOWN;
        }
        long idx = addEntry(s, t, t.upid, (int) vector);
        if (idx < 0) {
            Lifetimes.putUpid(s, t.upid);                                // same reproduced under-count
        }
        return idx;
    }

    /** 478 uintr_alt_stack(sp, size, flags): size unused. */
    static long altStack(KernelState s, Task t, long sp, long size, long flags) {
        long r = ReceiverSteps.receiverCheck(prologue(s, flags), t, Errno.EOPNOTSUPP); // steps 1–3
        if (r != 0) {
            return r;
        }
        t.stackAdjust = sp != 0 ? (sp | 1) : 128;
        return 0;
    }

    /** 479 uintr_ipi_fd(flags): an fd holding a reference to the caller's mm UITT. */
    static long ipiFd(KernelState s, Task t, long flags) {
        long r = prologue(s, flags);
        if (r != 0) {
            return r;
        }
        Mm mm = s.mm(t.mm);
        if (mm.uitt < 0) {
            if (s.failAlloc) {
                return -Errno.ENOMEM;                                    // step 3
            }
            mm.uitt = s.newUitt();
        }
        Lifetimes.getUitt(s, mm.uitt);
        long fd = Fds.anonInodeGetfd(s, t, FileKind.UIPI_FD, -1, 0, mm.uitt);
        if (fd < 0) {
            Lifetimes.putUitt(s, mm.uitt);                               // step 4
        }
        return fd;
    }

    /** ioctl on a uintr fd: UIPI_SET_TARGET_TABLE on a uipi_fd; ENOTTY on the others (audit §6 item 11). */
    static long ioctl(KernelState s, Task t, long fd, long cmd) {
        OpenFile f = Fds.lookup(s, t, fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        if (f.kind != FileKind.UIPI_FD) {
            return -Errno.ENOTTY;
        }
        if (cmd != UIPI_SET_TARGET_TABLE) {
            return -Errno.EINVAL;                                        // any other command (not ENOTTY)
        }
        Mm mm = s.mm(t.mm);
        if (mm.uitt >= 0) {
            return -Errno.EBUSY;                                         // the mm already has a UITT, even its own
        }
        mm.uitt = f.uitt;
        Lifetimes.getUitt(s, f.uitt);
        t.tt = f.uitt;
        t.uittSize = s.config.uittSizeWritten();
        t.uittActivated = true;
        return 0;
    }
}
