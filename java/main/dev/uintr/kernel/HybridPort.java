package dev.uintr.kernel;

import java.util.Map;
import java.util.TreeMap;

/**
 * The kernel model as the hybrid supervisor drives it: real threads run the user code, so the
 * model never runs a delivery + UIRET of its own. It says when a thread has a deliverable user
 * interrupt, builds the frame at the thread's real registers (and pops it at its real UIRET),
 * and keeps its fd tables in step with the real ones, whose numbers the real kernel chooses.
 */
public final class HybridPort {
    private final Kernel kernel;
    private final KernelState s;

    public HybridPort(Kernel kernel) {
        this.kernel = kernel;
        this.s = kernel.state();
        s.externalDelivery = true;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** A user interrupt is recognized and deliverable at t's next user-mode boundary (uintr-isa §9 conditions). */
    public boolean deliverable(int tid) {
        Task t = s.task(tid);
        return t.alive() && t.state == TaskState.RUNNING && !t.inKernel && t.uif && t.uirr != 0 && !t.deliveryFaulted;
    }

    /**
     * A user interrupt for t ends an interruptible sleep t is in with -EINTR: the later tree built
     * with blocking support, t's handler registered with a WAITING flag (uintr-kernel §2.5 9c, §5.5).
     * Otherwise the sleep goes on and the interrupt waits for its return to user mode (§4.3).
     */
    public boolean endsSleep(int tid) {
        Task t = s.task(tid);
        return s.config.later() && s.config.blockingBuilt() && t.upid >= 0
                && s.upid(t.upid).waitingCost != UpidContext.COST_NONE;
    }

    /** Delivers at the boundary where the real thread stopped; null when nothing is deliverable. */
    public UserFrame deliverAt(int tid, long rip, long rsp, long rflags) {
        if (!deliverable(tid)) {
            return null;
        }
        return MachineHardware.deliverAt(s, s.task(tid), rip, rsp, rflags);
    }

    /** The real thread executed UIRET at {@code rip} with {@code stack} = the bytes at {@code rsp}. */
    public UserFrame uiretAt(int tid, long rip, long rsp, long rflags, byte[] stack) {
        return MachineHardware.uiretAt(s, s.task(tid), rip, rsp, rflags, stack);
    }

    /** fd → open-file id of t's process (uintr files and the placeholders of {@link #adoptForeign}). */
    public Map<Integer, Integer> fds(int tid) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (var e : s.mm(s.task(tid).mm).fds.entrySet()) {
            out.put(e.getKey(), e.getValue().file());
        }
        return out;
    }

    /** fd of t's process is a uintr file of the model (not a foreign fd held as a placeholder). */
    public boolean isUintrFile(int tid, int fd) {
        FdSlot slot = s.mm(s.task(tid).mm).fds.get(fd);
        return slot != null && s.file(slot.file()).kind != FileKind.EVENTFD;
    }

    /** The kind of open file {@code fileId}. */
    public FileKind kind(int fileId) {
        return s.file(fileId).kind;
    }

    /** The model gave fd {@code from}; the real kernel gave {@code to}: renumber (close-on-exec kept). */
    public void renumber(int tid, int from, int to) {
        if (from == to) {
            return;
        }
        Mm mm = s.mm(s.task(tid).mm);
        FdSlot slot = mm.fds.remove(from);
        if (slot == null) {
            throw new IllegalStateException("no fd " + from + " to renumber");
        }
        FdSlot old = mm.fds.put(to, slot);
        if (old != null) {
            Lifetimes.putFile(s, old.file());
        }
    }

    /**
     * Two fds the model gave two threads of one process while the real kernel was numbering both
     * swap numbers: the real kernel handed them out in the other order (each thread's memfd_create
     * ran in its own time), so the model's {@code a} is the real {@code b} and the other way round.
     */
    public void swap(int tid, int a, int b) {
        Mm mm = s.mm(s.task(tid).mm);
        FdSlot sa = mm.fds.remove(a);
        FdSlot sb = mm.fds.remove(b);
        if (sa == null || sb == null) {
            throw new IllegalStateException("no fds " + a + " and " + b + " to swap");
        }
        mm.fds.put(a, sb);
        mm.fds.put(b, sa);
    }

    /** A real fd the model has not seen (dup, SCM_RIGHTS, fcntl) now refers to model file {@code fileId}. */
    public void install(int tid, int fd, int fileId) {
        Mm mm = s.mm(s.task(tid).mm);
        FdSlot old = mm.fds.put(fd, new FdSlot(fileId, false));
        s.file(fileId).refs++;
        if (old != null) {
            Lifetimes.putFile(s, old.file());
        }
    }

    /** A real fd that is no uintr file (an eventfd, a pipe, ...): the model holds it as an eventfd. */
    public void adoptForeign(int tid, int fd) {
        Mm mm = s.mm(s.task(tid).mm);
        if (mm.fds.containsKey(fd)) {
            return;
        }
        OpenFile f = Fds.newFile(s, FileKind.EVENTFD, -1, 0, -1);
        mm.fds.put(fd, new FdSlot(f.id, false));
    }

    /** The real close of fd in t's process: the model's file reference goes too (nothing when it held none). */
    public void closed(int tid, int fd) {
        Mm mm = s.mm(s.task(tid).mm);
        FdSlot slot = mm.fds.remove(fd);
        if (slot != null) {
            Lifetimes.putFile(s, slot.file());
        }
    }

    /** Advances model time to {@code us} (never backwards); timers that expired wake their tasks. */
    public void clockTo(long us) {
        if (us > s.clockUs) {
            kernel.advanceTime(us - s.clockUs);
        }
    }

    /** The earliest timer of a sleeping task in model µs, or -1. */
    public long nextTimerUs() {
        long best = -1;
        for (Task t : s.tasks) {
            if (t.alive() && t.state == TaskState.SLEEPING && t.deadline >= 0 && (best < 0 || t.deadline < best)) {
                best = t.deadline;
            }
        }
        return best;
    }

    /** "task N vector V" for SENDUIPI index {@code idx} of t's UITT, as the trace shows it; "no target" when invalid. */
    public String describeTarget(int tid, long idx) {
        Task t = s.task(tid);
        int tt = t.tt >= 0 ? t.tt : (s.config.later() ? s.mm(t.mm).uitt : -1);
        if (tt < 0 || idx < 0 || idx >= Uitt.ENTRIES) {
            return "no target";
        }
        Uitt u = s.uitt(tt);
        int i = (int) idx;
        if (!u.valid[i] || u.upid[i] < 0) {
            return "invalid entry";
        }
        for (Task r : s.tasks) {
            if (r.alive() && r.upid == u.upid[i]) {
                return "task " + r.tid + " vector " + u.vector[i];
            }
        }
        return "upid " + u.upid[i] + " vector " + u.vector[i];
    }
}
