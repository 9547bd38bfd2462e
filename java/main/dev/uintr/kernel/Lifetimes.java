package dev.uintr.kernel;

/**
 * Reference counts and the release paths of uintr-kernel §4.1 (rfc-v1) and §4.2 (later),
 * with the audit's corrections: who holds which reference, what the last close of an fd
 * does, deferred task_work, thread exit (uintr_free), mm teardown.
 */
final class Lifetimes {
    private Lifetimes() {}

    static void getUpid(KernelState s, int id) {
        s.upid(id).refs++;
    }

    /** Drops one reference; at 0 the UPID is freed (later writes are recorded as use-after-free). */
    static void putUpid(KernelState s, int id) {
        UpidContext u = s.upid(id);
        u.refs--;
        if (u.refs <= 0) {
            u.freed = true;
        }
    }

    static void getUitt(KernelState s, int id) {
        s.uitt(id).refs++;
    }

    /** Drops one UITT reference; at 0 the table is freed and its entries release their UPID references. */
    static void putUitt(KernelState s, int id) {
        Uitt t = s.uitt(id);
        t.refs--;
        if (t.refs == 0) {
            t.freed = true;
            for (int i = 0; i < Uitt.ENTRIES; i++) {
                if (t.allocated(i) && t.upid[i] >= 0) {
                    int u = t.upid[i];
                    t.clear(i);
                    putUpid(s, u);
                }
            }
        }
    }

    /** Writes to a UPID by hardware or the kernel: a freed one is recorded, the write still happens. */
    static UpidContext touch(KernelState s, int upidId, String writer) {
        UpidContext u = s.upid(upidId);
        if (u.freed) {
            s.violations.add(new Violation(upidId, writer));
        }
        return u;
    }

    /** Removes {@code upidId} from the global wait list, restoring NV = 0xEC (uintr_remove_task_wait). */
    static void leaveWaitList(KernelState s, int upidId) {
        UpidContext u = s.upid(upidId);
        if (s.waitList.remove((Integer) upidId)) {
            u.nv = UpidContext.NOTIFICATION_VECTOR;
        }
        u.waiting = false;
    }

    /**
     * task_work_add(t, work, TWA_RESUME): queued; a target running in user mode is kicked with a
     * reschedule IPI (so the work runs once that IPI is taken, a chooser decision); a target in
     * the kernel (the caller itself, or asleep) runs it at its next return to user mode.
     */
    static void queueWork(KernelState s, Task t, TaskWork w) {
        t.taskWork.add(w);
        if (t.state == TaskState.RUNNING && !t.inKernel) {
            s.cpus[t.cpu].raise(PerCpu.RESCHEDULE_VECTOR);                 // not counted with the notification IPIs
        }
    }

    /** Runs the task_work queued on {@code t} (at its return to user mode, or at exit). */
    static void runTaskWork(KernelState s, Task t) {
        while (!t.taskWork.isEmpty()) {
            TaskWork w = t.taskWork.remove(0);
            switch (w.kind()) {
                case FREE_UITT_ENTRY:
                    freeRfcUittEntry(s, t, w.a(), w.b());
                    break;
                case RELEASE_VECTOR:
                    releaseRfcVector(s, t, w.a(), w.b());
                    break;
                default:
                    throw new IllegalStateException("unknown task work " + w);
            }
        }
    }

    /**
     * rfc-v1: zero a sender's slot, drop the SenderInfo's UPID and UITT references; if the
     * running sender's table became empty, tear it down (TT = 0, UITTSZ = 0 → SENDUIPI #UD).
     */
    static void freeRfcUittEntry(KernelState s, Task sender, int uittId, int idx) {
        Uitt uitt = s.uitt(uittId);
        int upidId = uitt.upid[idx];
        uitt.clear(idx);
        if (upidId >= 0) {
            putUpid(s, upidId);
        }
        putUitt(s, uittId);
        if (sender != null && sender.alive() && sender.sendUitt == uittId && uitt.empty()) {
            sender.tt = -1;
            sender.uittSize = 0;
            sender.sendUitt = -1;
            putUitt(s, uittId);
        }
    }

    /** rfc-v1: the receiver-side half of a uintr_fd release (skipped if it re-registered with a new UPID). */
    static void releaseRfcVector(KernelState s, Task receiver, int upidId, int vector) {
        UpidContext u = s.upid(upidId);
        if (receiver != null && receiver.upid == upidId) {
            u.pir &= ~(1L << vector);
            u.uvecMask &= ~(1L << vector);
        }
        putUpid(s, upidId);
    }

    /** The last close of an open file (its release method). */
    static void releaseFile(KernelState s, OpenFile f) {
        f.released = true;
        switch (f.kind) {
            case UINTR_FD:
                // §4.1: invalidate every sender's entry now, free it via task_work on the sender
                for (SenderLink l : f.senders) {
                    s.uitt(l.uitt()).valid[l.index()] = false;
                    Task sender = s.task(l.task());
                    if (sender.alive()) {
                        queueWork(s, sender, new TaskWork(TaskWork.Kind.FREE_UITT_ENTRY, l.uitt(), l.index()));
                    } else {
                        freeRfcUittEntry(s, null, l.uitt(), l.index());
                    }
                }
                f.senders.clear();
                Task receiver = s.task(s.upid(f.upid).task);
                if (receiver.alive()) {
                    queueWork(s, receiver, new TaskWork(TaskWork.Kind.RELEASE_VECTOR, f.upid, f.vector));
                } else {
                    releaseRfcVector(s, null, f.upid, f.vector);
                }
                break;
            case UVEC_FD:
                putUpid(s, f.upid); // later: close only drops the reference, the vector stays registered
                break;
            case UIPI_FD:
                putUitt(s, f.uitt);
                break;
            default:
                break;
        }
    }

    /** Drops one fd slot's reference to its file; releases the file on the last one. */
    static void putFile(KernelState s, int fileId) {
        OpenFile f = s.file(fileId);
        f.refs--;
        if (f.refs == 0) {
            releaseFile(s, f);
        }
    }

    /** uintr_free at thread exit (and, by our decision, exec): §4.1 / §4.2. */
    static void uintrFree(KernelState s, Task t) {
        if (t.upid >= 0) {
            UpidContext u = s.upid(t.upid);
            if (s.config.rfc()) {
                if (t.receiver) {
                    u.sn = true;
                    leaveWaitList(s, t.upid);
                    u.receiverActive = false;
                    putUpid(s, t.upid); // owner reference
                }
            } else {
                if (t.receiver) {
                    u.sn = true;
                    leaveWaitList(s, t.upid);
                    u.receiverActive = false;
                    putUpid(s, t.upid); // "activated" reference
                }
                // §4.2: receiver_active is cleared only under "if active"; a thread that unregistered
                // before exiting leaves it true, so its uvec fds still accept new senders.
                putUpid(s, t.upid); // the thread's own reference
            }
        }
        if (s.config.rfc() && t.sendUitt >= 0) {
            putUitt(s, t.sendUitt); // owner reference; entries stay while their SenderInfo holds them
            t.sendUitt = -1;
        }
        t.receiver = false;
        t.upid = -1;
        t.uittActivated = false;
        t.clearMsrs();
    }
}
