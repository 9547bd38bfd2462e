package dev.uintr.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole kernel + platform state of the model: plain fields and lists indexed by id, no
 * randomness and no hash-ordered iteration, so an explorer can copy, compare and hash it.
 * Objects never hold Java references to each other, only ids.
 */
public final class KernelState {
    public final KernelConfig config;
    public final List<Task> tasks = new ArrayList<>();
    public final List<Mm> mms = new ArrayList<>();
    public final List<OpenFile> files = new ArrayList<>();
    public final List<UpidContext> upids = new ArrayList<>();
    public final List<Uitt> uitts = new ArrayList<>();
    public final PerCpu[] cpus;
    /** The global uintr wait list (UPID ids, in insertion order), kernel-vector designs. */
    public final List<Integer> waitList = new ArrayList<>();
    public Counters counters = new Counters();
    public final List<Violation> violations = new ArrayList<>();
    /** Model time in µs (timers of uintr_wait and nanosleep). */
    public long clockUs;
    /** Fault injection for the next syscall only: every kernel allocation fails (ENOMEM). */
    public boolean failAlloc;
    /** Fault injection for the next syscall only: anon_inode_getfd fails with EMFILE. */
    public boolean failFd;
    /**
     * The emulated machine the architectural steps run on (see MachineHardware): an execution
     * engine, not state: excluded from equality and hashing, and not copied.
     */
    transient dev.uintr.machine.Machine engine;
    /**
     * Real threads run the handlers (the hybrid backend, {@link HybridPort}): the model never runs
     * a delivery of its own. Set once before the first step; a fixed mode, not state.
     */
    transient boolean externalDelivery;
    /** The code handlers run between delivery and UIRET (conformance cases), null: none. Not copied. */
    transient HandlerBody handlerBody;

    public KernelState(KernelConfig config) {
        this.config = config;
        this.cpus = new PerCpu[config.cpus()];
        for (int i = 0; i < cpus.length; i++) {
            cpus[i] = new PerCpu(i);
        }
    }

    public Task task(int tid) {
        return tasks.get(tid);
    }

    public Mm mm(int id) {
        return mms.get(id);
    }

    public UpidContext upid(int id) {
        return upids.get(id);
    }

    /**
     * UITTs this state shares with a copy of it, or with the state it was copied from: a UITT
     * (256 entries, about 2.3 KB) rarely changes in a run, so {@link #copy()} shares them and
     * each side gets its own copy of one the first time it asks for it here. Every access goes
     * through this method (the list is read directly only by equality, hashing and encoders).
     */
    private boolean[] uittShared;

    public Uitt uitt(int id) {
        if (uittShared != null && id < uittShared.length && uittShared[id]) {
            uittShared[id] = false;
            uitts.set(id, uitts.get(id).copy());
        }
        return uitts.get(id);
    }

    public OpenFile file(int id) {
        return files.get(id);
    }

    public PerCpu cpuByApic(long apicId) {
        for (PerCpu c : cpus) {
            if (c.apicId() == apicId) {
                return c;
            }
        }
        return null;
    }

    public int newUpid(int task) {
        upids.add(new UpidContext(task));
        return upids.size() - 1;
    }

    public int newUitt() {
        uitts.add(new Uitt());
        return uitts.size() - 1;
    }

    public KernelState copy() {
        KernelState s = new KernelState(config);
        ((ArrayList<Task>) s.tasks).ensureCapacity(tasks.size());
        for (Task t : tasks) {
            s.tasks.add(t.copy());
        }
        for (Mm m : mms) {
            s.mms.add(m.copy());
        }
        for (OpenFile f : files) {
            s.files.add(f.copy());
        }
        for (UpidContext u : upids) {
            s.upids.add(u.copy());
        }
        if (!uitts.isEmpty()) {
            s.uitts.addAll(uitts);
            s.uittShared = new boolean[uitts.size()];
            java.util.Arrays.fill(s.uittShared, true);
            if (uittShared == null || uittShared.length < uitts.size()) {
                uittShared = new boolean[uitts.size()];
            }
            java.util.Arrays.fill(uittShared, 0, uitts.size(), true);
        }
        for (int i = 0; i < cpus.length; i++) {
            s.cpus[i] = cpus[i].copy();
        }
        if (!waitList.isEmpty()) {
            s.waitList.addAll(waitList);
        }
        s.counters = counters.copy();
        if (!violations.isEmpty()) {
            s.violations.addAll(violations);
        }
        s.clockUs = clockUs;
        s.failAlloc = failAlloc;
        s.failFd = failFd;
        return s;
    }

    /** The short STATE string of traces: CPUs, live UPIDs, tasks, counters when non-zero. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (PerCpu c : cpus) {
            sb.append(c.id == 0 ? "" : " | ").append("cpu").append(c.id).append(c.online ? "" : "(offline)").append(": ")
                    .append(c.curr >= 0 ? task(c.curr).name : "idle");
            if (c.liveUinv != 0) {
                sb.append(" UINV=0x").append(Integer.toHexString(c.liveUinv));
            }
            if (c.anyPending()) {
                sb.append(" irr=[");
                for (int v = 255; v >= 0; v--) {
                    if (c.pending(v)) {
                        sb.append("0x").append(Integer.toHexString(v)).append(' ');
                    }
                }
                sb.setLength(sb.length() - 1);
                sb.append(']');
            }
            if (!c.runQueue.isEmpty()) {
                sb.append(" q=");
                for (int i = 0; i < c.runQueue.size(); i++) {
                    sb.append(i == 0 ? "" : ",").append(task(c.runQueue.get(i)).name);
                }
            }
        }
        for (int i = 0; i < upids.size(); i++) {
            UpidContext u = upids.get(i);
            sb.append(" | ").append(task(u.task).name).append(".UPID ON=").append(u.on ? 1 : 0).append(" SN=")
                    .append(u.sn ? 1 : 0).append(u.blkd ? " BLKD=1" : "").append(" NV=0x").append(Integer.toHexString(u.nv))
                    .append(" PIR=0x").append(Long.toHexString(u.pir)).append(u.freed ? " FREED" : "");
        }
        for (Task t : tasks) {
            if (t.killedBy != 0 && t.tid == lastOfProcess(t)) {
                sb.append(" | ").append(t.name).append(" killed by ").append(Signals.name(t.killedBy));
            }
            if (t.state == TaskState.SLEEPING || t.uirr != 0) {
                sb.append(" | ").append(t.name).append(' ').append(t.state == TaskState.SLEEPING ? "asleep" : "")
                        .append(t.uirr != 0 ? " UIRR=0x" + Long.toHexString(t.uirr) : "");
            }
        }
        if (!waitList.isEmpty()) {
            sb.append(" | wait list:");
            for (Integer id : waitList) {
                sb.append(' ').append(task(upid(id).task).name);
            }
        }
        return sb.toString();
    }

    /** The highest tid of t's process (one "killed by" entry per process in the STATE line). */
    private int lastOfProcess(Task t) {
        int last = t.tid;
        for (Task o : tasks) {
            if (o.mm == t.mm && o.killedBy != 0) {
                last = Math.max(last, o.tid);
            }
        }
        return last;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KernelState)) {
            return false;
        }
        KernelState s = (KernelState) o;
        return config.equals(s.config) && clockUs == s.clockUs && failAlloc == s.failAlloc && failFd == s.failFd
                && tasks.equals(s.tasks) && mms.equals(s.mms) && files.equals(s.files) && upids.equals(s.upids)
                && uitts.equals(s.uitts) && java.util.Arrays.equals(cpus, s.cpus) && waitList.equals(s.waitList)
                && counters.equals(s.counters) && violations.equals(s.violations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(config, clockUs, tasks, mms, files, upids, uitts, java.util.Arrays.hashCode(cpus),
                waitList, counters, violations);
    }
}
