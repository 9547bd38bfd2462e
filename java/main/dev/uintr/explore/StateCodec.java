package dev.uintr.explore;

import dev.uintr.kernel.Counters;
import dev.uintr.kernel.PerCpu;
import dev.uintr.kernel.FdSlot;
import dev.uintr.kernel.FileKind;
import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.KernelConfig;
import dev.uintr.kernel.KernelState;
import dev.uintr.kernel.Mm;
import dev.uintr.kernel.OpenFile;
import dev.uintr.kernel.SenderLink;
import dev.uintr.kernel.Task;
import dev.uintr.kernel.TaskState;
import dev.uintr.kernel.TaskWork;
import dev.uintr.kernel.Uitt;
import dev.uintr.kernel.UpidContext;
import dev.uintr.kernel.Violation;
import dev.uintr.kernel.WaitKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search state as bytes: every field that {@link KernelState#equals} and {@link Node#equals}
 * compare, as varints (a UITT as its non-empty entries only), so two nodes are equal exactly
 * when their encodings are, and {@link #decode} gives back a node equal to the one encoded.
 * The frontier holds states this way (a few hundred bytes instead of ~10 KB of objects) and
 * the {@link Fingerprint} is a hash of these bytes.
 *
 * <p>What is not encoded: the kernel configuration (fixed per world) and the machine engine
 * (transient). A task's name is written only when it differs from the same task's name in
 * the world's initial state. {@link #COVERED} lists the fields encoded per class; a test
 * compares it with the classes' declared fields, so a field added to the kernel model fails
 * the build until it is encoded here.
 */
final class StateCodec {
    /** The fields of each kernel-state class this codec writes (and reads back). */
    static final Map<Class<?>, Set<String>> COVERED = Map.of(
            KernelState.class, Set.of("config", "tasks", "mms", "files", "upids", "uitts", "cpus", "waitList",
                    "counters", "violations", "clockUs", "failAlloc", "failFd"),
            Task.class, Set.of("tid", "mm", "name", "state", "cpu", "inKernel", "handler", "stackAdjust", "uittSize",
                    "uinv", "pd", "uirr", "tt", "uif", "upid", "receiver", "sendUitt", "uittActivated", "waitKind",
                    "deadline", "notifySignal", "lastResult", "deliveryFaulted", "killedBy", "handlerRsp", "deliveries",
                    "taskWork"),
            Mm.class, Set.of("id", "alive", "fds", "uitt", "plainFunctions"),
            OpenFile.class, Set.of("id", "kind", "upid", "vector", "uitt", "refs", "released", "senders"),
            UpidContext.class, Set.of("on", "sn", "blkd", "nv", "ndst", "pir", "refs", "freed", "task", "receiverActive",
                    "waiting", "waitingCost", "uvecMask"),
            Uitt.class, Set.of("valid", "vector", "upid", "mask", "refs", "freed"),
            PerCpu.class, Set.of("id", "online", "irqsOn", "curr", "runQueue", "liveUinv", "irr", "spurious",
                    "kernelNotifications"),
            Counters.class, Set.of("victimInterrupts", "spuriousKernelInterrupts", "kernelVectorInterrupts", "gpFixups",
                    "udFixups", "emptyWakeups", "uintrWakeups", "lostIpis", "ipisSent", "affinityInterrupts", "wakeIpis",
                    "offTargetInterrupts", "isolationHits", "senderEntries", "receiverEntries", "syscalls", "waitListWalked",
                    "unrelatedWakes"));

    /**
     * Fields that are not state, so not encoded: Task.lastSendFault only explains the outcome of
     * the step that set it (trace labels; equality ignores it); KernelState.uittShared is
     * copy-on-write bookkeeping.
     */
    static final Set<String> NOT_STATE = Set.of("Task.lastSendFault", "KernelState.uittShared");

    private static final TaskState[] TASK_STATES = TaskState.values();
    private static final WaitKind[] WAIT_KINDS = WaitKind.values();
    private static final FileKind[] FILE_KINDS = FileKind.values();
    private static final TaskWork.Kind[] WORK_KINDS = TaskWork.Kind.values();
    /** How many counters {@link Counters#values()} has (a test keeps this in step). */
    static final int COUNTERS = 18;

    private final KernelConfig config;
    private final String[] names;
    private final int actors;
    /** Runs this codec's decoded kernels on one machine engine (the codec belongs to one thread). */
    private final Kernel engine;
    /**
     * UITTs recently written or read, with their bytes: a UITT rarely changes during a search,
     * so most are written by copying their bytes (after a vectorised compare) and read by
     * sharing the decoded object. The bytes are the same as without the cache.
     */
    private final Uitt[] uittSeen = new Uitt[8];
    private final byte[][] uittBytes = new byte[8][];
    private int uittNext;

    StateCodec(World world) {
        this.config = world.kernel.config();
        List<Task> tasks = world.kernel.state().tasks;
        this.names = new String[tasks.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = tasks.get(i).name;
        }
        this.actors = world.scenario.actors().size();
        this.engine = new Kernel(config);
    }

    private final ByteSink scratch = new ByteSink();

    /** The fingerprint of {@code n}'s encoding (for passes that keep a set of visited nodes). */
    Fingerprint fingerprint(Node n) {
        scratch.reset();
        encode(n, scratch);
        return Fingerprint.of(scratch.buf, 0, scratch.len);
    }

    /** Appends {@code n}'s encoding to {@code out}. */
    void encode(Node n, ByteSink out) {
        for (int i = 0; i < actors; i++) {
            out.uvar(n.pc[i]);
            out.uvar(n.phase[i]);
        }
        out.svar(n.lastColumn);
        out.bool(n.massWakeup);
        out.uvar(n.victims);
        KernelState s = n.kernel.state();
        out.svar(s.clockUs);
        out.uvar((s.failAlloc ? 1 : 0) | (s.failFd ? 2 : 0));
        int tasks = s.tasks.size();
        out.uvar(tasks);
        for (int i = 0; i < tasks; i++) {
            task(s.tasks.get(i), out);
        }
        int mms = s.mms.size();
        out.uvar(mms);
        for (int i = 0; i < mms; i++) {
            Mm m = s.mms.get(i);
            out.bool(m.alive);
            out.svar(m.uitt);
            out.uvar(m.fds.size());
            if (!m.fds.isEmpty()) {
                for (var e : m.fds.entrySet()) {
                    out.svar(e.getKey());
                    out.svar(e.getValue().file());
                    out.bool(e.getValue().cloexec());
                }
            }
            out.uvar(m.plainFunctions.size());
            if (!m.plainFunctions.isEmpty()) {
                for (long a : m.plainFunctions) {
                    out.svar(a);
                }
            }
        }
        int files = s.files.size();
        out.uvar(files);
        for (int i = 0; i < files; i++) {
            OpenFile f = s.files.get(i);
            out.uvar(f.kind.ordinal());
            out.svar(f.upid);
            out.svar(f.vector);
            out.svar(f.uitt);
            out.svar(f.refs);
            out.bool(f.released);
            int senders = f.senders.size();
            out.uvar(senders);
            for (int j = 0; j < senders; j++) {
                SenderLink l = f.senders.get(j);
                out.svar(l.task());
                out.svar(l.uitt());
                out.svar(l.index());
            }
        }
        int upids = s.upids.size();
        out.uvar(upids);
        for (int i = 0; i < upids; i++) {
            UpidContext u = s.upids.get(i);
            out.uvar((u.on ? 1 : 0) | (u.sn ? 2 : 0) | (u.blkd ? 4 : 0) | (u.freed ? 8 : 0) | (u.receiverActive ? 16 : 0)
                    | (u.waiting ? 32 : 0));
            out.svar(u.nv);
            out.svar(u.ndst);
            out.svar(u.pir);
            out.svar(u.refs);
            out.svar(u.task);
            out.svar(u.waitingCost);
            out.svar(u.uvecMask);
        }
        int uitts = s.uitts.size();
        out.uvar(uitts);
        for (int i = 0; i < uitts; i++) {
            cachedUitt(s.uitts.get(i), out);
        }
        for (PerCpu c : s.cpus) {
            out.uvar((c.online ? 1 : 0) | (c.irqsOn ? 0 : 2));              // one byte as before: IF = 0 is rare
            out.svar(c.curr);
            ints(c.runQueue, out);
            out.svar(c.liveUinv);
            for (long w : c.irr) {
                out.svar(w);
            }
            out.svar(c.spurious);
            out.svar(c.kernelNotifications);
        }
        ints(s.waitList, out);
        counters(s.counters, out);
        int violations = s.violations.size();
        out.uvar(violations);
        for (int i = 0; i < violations; i++) {
            Violation v = s.violations.get(i);
            out.svar(v.upid());
            out.text(v.writer());
        }
    }

    /** The counters as their count and values, in {@link Counters#values()} order (without making the array). */
    private static void counters(Counters k, ByteSink out) {
        out.uvar(COUNTERS);
        out.svar(k.victimInterrupts);
        out.svar(k.spuriousKernelInterrupts);
        out.svar(k.kernelVectorInterrupts);
        out.svar(k.gpFixups);
        out.svar(k.udFixups);
        out.svar(k.emptyWakeups);
        out.svar(k.uintrWakeups);
        out.svar(k.lostIpis);
        out.svar(k.ipisSent);
        out.svar(k.affinityInterrupts);
        out.svar(k.wakeIpis);
        out.svar(k.offTargetInterrupts);
        out.svar(k.isolationHits);
        out.svar(k.senderEntries);
        out.svar(k.receiverEntries);
        out.svar(k.syscalls);
        out.svar(k.waitListWalked);
        out.svar(k.unrelatedWakes);
    }

    private void task(Task t, ByteSink out) {
        out.svar(t.mm);
        boolean sameName = t.tid < names.length && names[t.tid].equals(t.name);
        out.bool(sameName);
        if (!sameName) {
            out.text(t.name);
        }
        out.uvar(t.state.ordinal() | t.waitKind.ordinal() << 4);
        out.svar(t.cpu);
        out.uvar((t.inKernel ? 1 : 0) | (t.uif ? 2 : 0) | (t.receiver ? 4 : 0) | (t.uittActivated ? 8 : 0)
                | (t.notifySignal ? 16 : 0) | (t.deliveryFaulted ? 32 : 0));
        out.svar(t.handler);
        out.svar(t.stackAdjust);
        out.svar(t.uittSize);
        out.svar(t.uinv);
        out.svar(t.pd);
        out.svar(t.uirr);
        out.svar(t.tt);
        out.svar(t.upid);
        out.svar(t.sendUitt);
        out.svar(t.deadline);
        out.svar(t.lastResult);
        out.svar(t.killedBy);
        out.svar(t.handlerRsp);
        ints(t.deliveries, out);
        int work = t.taskWork.size();
        out.uvar(work);
        for (int i = 0; i < work; i++) {
            TaskWork w = t.taskWork.get(i);
            out.uvar(w.kind().ordinal());
            out.svar(w.a());
            out.svar(w.b());
        }
    }

    /** A UITT as its length and {@link #uitt} bytes, copied from the cache when an equal one was seen. */
    private void cachedUitt(Uitt u, ByteSink out) {
        for (int i = 0; i < uittSeen.length; i++) {
            Uitt c = uittSeen[i];
            if (c != null && (c == u || sameUitt(c, u))) {
                byte[] b = uittBytes[i];
                out.uvar(b.length);
                out.raw(b, 0, b.length);
                return;
            }
        }
        ByteSink one = new ByteSink();
        uitt(u, one);
        byte[] b = java.util.Arrays.copyOf(one.buf, one.len);
        remember(u.copy(), b);
        out.uvar(b.length);
        out.raw(b, 0, b.length);
    }

    private void remember(Uitt u, byte[] b) {
        uittSeen[uittNext] = u;
        uittBytes[uittNext] = b;
        uittNext = (uittNext + 1) % uittSeen.length;
    }

    private static boolean sameUitt(Uitt a, Uitt b) {
        return a.refs == b.refs && a.freed == b.freed && java.util.Arrays.equals(a.mask, b.mask)
                && java.util.Arrays.equals(a.upid, b.upid) && java.util.Arrays.equals(a.vector, b.vector)
                && java.util.Arrays.equals(a.valid, b.valid);
    }

    /** A UITT: refs, freed, the allocation mask, then every entry that is not empty (invalid, vector 0, no UPID). */
    private static void uitt(Uitt u, ByteSink out) {
        out.svar(u.refs);
        out.bool(u.freed);
        for (long w : u.mask) {
            out.svar(w);
        }
        int used = 0;
        for (int i = 0; i < Uitt.ENTRIES; i++) {
            used += isEmpty(u, i) ? 0 : 1;
        }
        out.uvar(used);
        for (int i = 0; i < Uitt.ENTRIES; i++) {
            if (!isEmpty(u, i)) {
                out.uvar(i);
                out.bool(u.valid[i]);
                out.svar(u.vector[i]);
                out.svar(u.upid[i]);
            }
        }
    }

    private static boolean isEmpty(Uitt u, int i) {
        return !u.valid[i] && u.vector[i] == 0 && u.upid[i] == -1;
    }

    private static void ints(List<Integer> l, ByteSink out) {
        out.uvar(l.size());
        for (int i = 0, n = l.size(); i < n; i++) {
            out.svar(l.get(i));
        }
    }

    /** The node encoded at {@code buf[off..]}, in new objects. */
    Node decode(byte[] buf, int off) {
        return decodeInto(buf, off, null);
    }

    /**
     * The node encoded at {@code buf[off..]}, written over the objects of {@code reuse}'s
     * kernel (lists truncated or extended, objects overwritten field by field) instead of new
     * ones; null makes new ones. A worker decodes each parent once per move this way and
     * applies the move in place: cheaper than copying a kernel, which allocates every object.
     */
    Node decodeInto(byte[] buf, int off, Kernel reuse) {
        ByteSink.Source in = new ByteSink.Source(buf, off);
        int[] pc = new int[actors];
        int[] phase = new int[actors];
        for (int i = 0; i < actors; i++) {
            pc[i] = in.uint();
            phase[i] = in.uint();
        }
        int lastColumn = in.sint();
        boolean mass = in.bool();
        int victims = in.uint();
        Kernel kernel = reuse != null ? reuse : engine.sharingEngine(new KernelState(config));
        KernelState s = kernel.state();
        s.clockUs = in.svar();
        int fail = in.uint();
        s.failAlloc = (fail & 1) != 0;
        s.failFd = (fail & 2) != 0;
        int n = in.uint();
        truncate(s.tasks, n);
        for (int i = 0; i < n; i++) {
            task(s.tasks, i, in);
        }
        n = in.uint();
        truncate(s.mms, n);
        for (int i = 0; i < n; i++) {
            Mm m = i < s.mms.size() ? s.mms.get(i) : add(s.mms, new Mm(i));
            m.alive = in.bool();
            m.uitt = in.sint();
            fds(m.fds, in);
            int plain = in.uint();
            if (plain != 0 || !m.plainFunctions.isEmpty()) {
                m.plainFunctions.clear();
                for (int j = 0; j < plain; j++) {
                    m.plainFunctions.add(in.svar());
                }
            }
        }
        n = in.uint();
        truncate(s.files, n);
        for (int i = 0; i < n; i++) {
            FileKind kind = FILE_KINDS[in.uint()];
            int upid = in.sint();
            int vector = in.sint();
            int uitt = in.sint();
            OpenFile f = i < s.files.size() ? s.files.get(i) : null;
            if (f == null || f.kind != kind || f.upid != upid || f.vector != vector || f.uitt != uitt) {
                f = new OpenFile(i, kind, upid, vector, uitt);
                if (i < s.files.size()) {
                    s.files.set(i, f);
                } else {
                    s.files.add(f);
                }
            }
            f.refs = in.sint();
            f.released = in.bool();
            int senders = in.uint();
            truncate(f.senders, senders);
            for (int j = 0; j < senders; j++) {
                int task = in.sint();
                int table = in.sint();
                int index = in.sint();
                if (j == f.senders.size()) {
                    f.senders.add(new SenderLink(task, table, index));
                } else {
                    SenderLink l = f.senders.get(j);
                    if (l.task() != task || l.uitt() != table || l.index() != index) {
                        f.senders.set(j, new SenderLink(task, table, index));
                    }
                }
            }
        }
        n = in.uint();
        truncate(s.upids, n);
        for (int i = 0; i < n; i++) {
            int flags = in.uint();
            UpidContext u = i < s.upids.size() ? s.upids.get(i) : add(s.upids, new UpidContext(0));
            u.on = (flags & 1) != 0;
            u.sn = (flags & 2) != 0;
            u.blkd = (flags & 4) != 0;
            u.freed = (flags & 8) != 0;
            u.receiverActive = (flags & 16) != 0;
            u.waiting = (flags & 32) != 0;
            u.nv = in.sint();
            u.ndst = in.svar();
            u.pir = in.svar();
            u.refs = in.sint();
            u.task = in.sint();
            u.waitingCost = in.sint();
            u.uvecMask = in.svar();
        }
        n = in.uint();
        truncate(s.uitts, n);
        for (int i = 0; i < n; i++) {
            Uitt u = i < s.uitts.size() ? s.uitts.get(i) : add(s.uitts, new Uitt());
            overwrite(u, cachedUitt(buf, in));
        }
        for (PerCpu c : s.cpus) {
            int flags = in.uint();
            c.online = (flags & 1) != 0;
            c.irqsOn = (flags & 2) == 0;
            c.curr = in.sint();
            ints(c.runQueue, in);
            c.liveUinv = in.sint();
            for (int w = 0; w < c.irr.length; w++) {
                c.irr[w] = in.svar();
            }
            c.spurious = in.svar();
            c.kernelNotifications = in.svar();
        }
        ints(s.waitList, in);
        counters(s.counters, in);
        int violations = in.uint();
        if (violations != 0 || !s.violations.isEmpty()) {
            s.violations.clear();
            for (int i = 0; i < violations; i++) {
                s.violations.add(new Violation(in.sint(), in.text()));
            }
        }
        return new Node(kernel, pc, phase, lastColumn, mass, victims);
    }

    /**
     * The node {@code n} with its kernel state copied over {@code reuse}'s objects (every
     * field the codec covers, plus Task.lastSendFault), as {@link #decodeInto} would give from
     * {@code n}'s bytes but without reading them. A worker decodes a parent once and restores
     * it before each of its moves but the last, which is applied to the decoded parent itself.
     */
    Node restore(Node n, Kernel reuse) {
        Kernel kernel = reuse != null ? reuse : engine.sharingEngine(new KernelState(config));
        copy(n.kernel.state(), kernel.state());
        return new Node(kernel, n.pc, n.phase, n.lastColumn, n.massWakeup, n.victims);
    }

    /** Makes {@code to} equal to {@code from} field by field, reusing {@code to}'s objects where it can. */
    static void copy(KernelState from, KernelState to) {
        to.clockUs = from.clockUs;
        to.failAlloc = from.failAlloc;
        to.failFd = from.failFd;
        int n = from.tasks.size();
        truncate(to.tasks, n);
        for (int i = 0; i < n; i++) {
            Task f = from.tasks.get(i);
            Task t = i < to.tasks.size() ? to.tasks.get(i) : null;
            if (t == null || t.tid != f.tid) {
                t = new Task(f.tid, f.mm, f.name, f.cpu);
                if (i < to.tasks.size()) {
                    to.tasks.set(i, t);
                } else {
                    to.tasks.add(t);
                }
            }
            copy(f, t);
        }
        n = from.mms.size();
        truncate(to.mms, n);
        for (int i = 0; i < n; i++) {
            Mm f = from.mms.get(i);
            Mm m = i < to.mms.size() ? to.mms.get(i) : null;
            if (m == null || m.id != f.id) {
                m = new Mm(f.id);
                if (i < to.mms.size()) {
                    to.mms.set(i, m);
                } else {
                    to.mms.add(m);
                }
            }
            m.alive = f.alive;
            m.uitt = f.uitt;
            if (!sameFds(m.fds, f.fds)) {
                m.fds.clear();
                m.fds.putAll(f.fds);
            }
            if (!(m.plainFunctions.isEmpty() && f.plainFunctions.isEmpty()) && !m.plainFunctions.equals(f.plainFunctions)) {
                m.plainFunctions.clear();
                m.plainFunctions.addAll(f.plainFunctions);
            }
        }
        n = from.files.size();
        truncate(to.files, n);
        for (int i = 0; i < n; i++) {
            OpenFile f = from.files.get(i);
            OpenFile o = i < to.files.size() ? to.files.get(i) : null;
            if (o == null || o.id != f.id || o.kind != f.kind || o.upid != f.upid || o.vector != f.vector || o.uitt != f.uitt) {
                o = new OpenFile(f.id, f.kind, f.upid, f.vector, f.uitt);
                if (i < to.files.size()) {
                    to.files.set(i, o);
                } else {
                    to.files.add(o);
                }
            }
            o.refs = f.refs;
            o.released = f.released;
            list(f.senders, o.senders);
        }
        n = from.upids.size();
        truncate(to.upids, n);
        for (int i = 0; i < n; i++) {
            UpidContext f = from.upids.get(i);
            UpidContext u = i < to.upids.size() ? to.upids.get(i) : add(to.upids, new UpidContext(0));
            u.on = f.on;
            u.sn = f.sn;
            u.blkd = f.blkd;
            u.nv = f.nv;
            u.ndst = f.ndst;
            u.pir = f.pir;
            u.refs = f.refs;
            u.freed = f.freed;
            u.task = f.task;
            u.receiverActive = f.receiverActive;
            u.waiting = f.waiting;
            u.waitingCost = f.waitingCost;
            u.uvecMask = f.uvecMask;
        }
        n = from.uitts.size();
        truncate(to.uitts, n);
        for (int i = 0; i < n; i++) {
            Uitt f = from.uitts.get(i);
            Uitt u = i < to.uitts.size() ? to.uitts.get(i) : add(to.uitts, new Uitt());
            if (u != f && !sameUitt(u, f)) {
                overwrite(u, f);
            }
        }
        for (int i = 0; i < from.cpus.length; i++) {
            PerCpu f = from.cpus[i];
            PerCpu c = to.cpus[i];
            c.online = f.online;
            c.irqsOn = f.irqsOn;
            c.curr = f.curr;
            list(f.runQueue, c.runQueue);
            c.liveUinv = f.liveUinv;
            System.arraycopy(f.irr, 0, c.irr, 0, f.irr.length);
            c.spurious = f.spurious;
            c.kernelNotifications = f.kernelNotifications;
        }
        list(from.waitList, to.waitList);
        copy(from.counters, to.counters);
        list(from.violations, to.violations);
    }

    private static boolean sameFds(java.util.TreeMap<Integer, FdSlot> a, java.util.TreeMap<Integer, FdSlot> b) {
        if (a.size() != b.size()) {
            return false;
        }
        if (a.isEmpty()) {
            return true;
        }
        var i = a.entrySet().iterator();
        for (var e : b.entrySet()) {
            var x = i.next();
            if (!x.getKey().equals(e.getKey()) || !x.getValue().equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static void copy(Task f, Task t) {
        t.mm = f.mm;
        t.name = f.name;
        t.state = f.state;
        t.cpu = f.cpu;
        t.inKernel = f.inKernel;
        t.handler = f.handler;
        t.stackAdjust = f.stackAdjust;
        t.uittSize = f.uittSize;
        t.uinv = f.uinv;
        t.pd = f.pd;
        t.uirr = f.uirr;
        t.tt = f.tt;
        t.uif = f.uif;
        t.upid = f.upid;
        t.receiver = f.receiver;
        t.sendUitt = f.sendUitt;
        t.uittActivated = f.uittActivated;
        t.waitKind = f.waitKind;
        t.deadline = f.deadline;
        t.notifySignal = f.notifySignal;
        t.lastResult = f.lastResult;
        t.deliveryFaulted = f.deliveryFaulted;
        t.killedBy = f.killedBy;
        t.handlerRsp = f.handlerRsp;
        t.lastSendFault = f.lastSendFault;
        list(f.deliveries, t.deliveries);
        list(f.taskWork, t.taskWork);
    }

    private static void copy(Counters f, Counters k) {
        k.victimInterrupts = f.victimInterrupts;
        k.spuriousKernelInterrupts = f.spuriousKernelInterrupts;
        k.kernelVectorInterrupts = f.kernelVectorInterrupts;
        k.gpFixups = f.gpFixups;
        k.udFixups = f.udFixups;
        k.emptyWakeups = f.emptyWakeups;
        k.uintrWakeups = f.uintrWakeups;
        k.lostIpis = f.lostIpis;
        k.ipisSent = f.ipisSent;
        k.affinityInterrupts = f.affinityInterrupts;
        k.wakeIpis = f.wakeIpis;
        k.offTargetInterrupts = f.offTargetInterrupts;
        k.isolationHits = f.isolationHits;
        k.senderEntries = f.senderEntries;
        k.receiverEntries = f.receiverEntries;
        k.syscalls = f.syscalls;
        k.waitListWalked = f.waitListWalked;
        k.unrelatedWakes = f.unrelatedWakes;
    }

    /** {@code to} made equal to {@code from} (immutable elements: records and boxed ints are shared). */
    private static <T> void list(List<T> from, List<T> to) {
        int n = from.size();
        truncate(to, n);
        for (int i = 0; i < n; i++) {
            T x = from.get(i);
            if (i == to.size()) {
                to.add(x);
            } else if (to.get(i) != x) {
                to.set(i, x);
            }
        }
    }

    /** The counters in {@link Counters#values()} order. */
    private static void counters(Counters k, ByteSink.Source in) {
        int n = in.uint();
        if (n != COUNTERS) {
            throw new IllegalStateException("encoded " + n + " counters, expected " + COUNTERS);
        }
        k.victimInterrupts = in.svar();
        k.spuriousKernelInterrupts = in.svar();
        k.kernelVectorInterrupts = in.svar();
        k.gpFixups = in.svar();
        k.udFixups = in.svar();
        k.emptyWakeups = in.svar();
        k.uintrWakeups = in.svar();
        k.lostIpis = in.svar();
        k.ipisSent = in.svar();
        k.affinityInterrupts = in.svar();
        k.wakeIpis = in.svar();
        k.offTargetInterrupts = in.svar();
        k.isolationHits = in.svar();
        k.senderEntries = in.svar();
        k.receiverEntries = in.svar();
        k.syscalls = in.svar();
        k.waitListWalked = in.svar();
        k.unrelatedWakes = in.svar();
    }

    private static <T> T add(List<T> l, T x) {
        l.add(x);
        return x;
    }

    private static void truncate(List<?> l, int n) {
        while (l.size() > n) {
            l.remove(l.size() - 1);
        }
    }

    private static void overwrite(Uitt to, Uitt from) {
        System.arraycopy(from.valid, 0, to.valid, 0, Uitt.ENTRIES);
        System.arraycopy(from.vector, 0, to.vector, 0, Uitt.ENTRIES);
        System.arraycopy(from.upid, 0, to.upid, 0, Uitt.ENTRIES);
        System.arraycopy(from.mask, 0, to.mask, 0, from.mask.length);
        to.refs = from.refs;
        to.freed = from.freed;
    }

    /** A UITT's bytes read back as the cached UITT with those bytes (never handed out: callers copy from it). */
    private Uitt cachedUitt(byte[] buf, ByteSink.Source in) {
        int len = in.uint();
        int at = in.position();
        for (int i = 0; i < uittSeen.length; i++) {
            byte[] b = uittBytes[i];
            if (b != null && b.length == len && java.util.Arrays.equals(b, 0, len, buf, at, at + len)) {
                in.skip(len);
                return uittSeen[i];
            }
        }
        Uitt u = uitt(in);
        remember(u, java.util.Arrays.copyOfRange(buf, at, at + len));
        return u;
    }

    private static Uitt uitt(ByteSink.Source in) {
        Uitt u = new Uitt();
        u.refs = in.sint();
        u.freed = in.bool();
        for (int w = 0; w < u.mask.length; w++) {
            u.mask[w] = in.svar();
        }
        for (int j = 0, used = in.uint(); j < used; j++) {
            int idx = in.uint();
            u.valid[idx] = in.bool();
            u.vector[idx] = in.sint();
            u.upid[idx] = in.sint();
        }
        return u;
    }

    private void task(List<Task> tasks, int tid, ByteSink.Source in) {
        int mm = in.sint();
        String name = in.bool() ? names[tid] : in.text();
        int st = in.uint();
        int cpu = in.sint();
        Task t;
        if (tid < tasks.size()) {
            t = tasks.get(tid);
            t.mm = mm;
            t.name = name;
            t.cpu = cpu;
        } else {
            t = add(tasks, new Task(tid, mm, name, cpu));
        }
        t.state = TASK_STATES[st & 15];
        t.waitKind = WAIT_KINDS[st >>> 4];
        int flags = in.uint();
        t.inKernel = (flags & 1) != 0;
        t.uif = (flags & 2) != 0;
        t.receiver = (flags & 4) != 0;
        t.uittActivated = (flags & 8) != 0;
        t.notifySignal = (flags & 16) != 0;
        t.deliveryFaulted = (flags & 32) != 0;
        t.handler = in.svar();
        t.stackAdjust = in.svar();
        t.uittSize = in.sint();
        t.uinv = in.sint();
        t.pd = in.sint();
        t.uirr = in.svar();
        t.tt = in.sint();
        t.upid = in.sint();
        t.sendUitt = in.sint();
        t.deadline = in.svar();
        t.lastResult = in.svar();
        t.killedBy = in.sint();
        t.handlerRsp = in.svar();
        ints(t.deliveries, in);
        int work = in.uint();
        truncate(t.taskWork, work);
        for (int j = 0; j < work; j++) {
            TaskWork.Kind kind = WORK_KINDS[in.uint()];
            int a = in.sint();
            int b = in.sint();
            if (j == t.taskWork.size()) {
                t.taskWork.add(new TaskWork(kind, a, b));
            } else {
                TaskWork w = t.taskWork.get(j);
                if (w.kind() != kind || w.a() != a || w.b() != b) {
                    t.taskWork.set(j, new TaskWork(kind, a, b));
                }
            }
        }
    }

    /** Reads a list of ints over {@code into}'s elements (cleared first by the caller or not: it is truncated here). */
    private static void ints(List<Integer> into, ByteSink.Source in) {
        int n = in.uint();
        truncate(into, n);
        for (int i = 0; i < n; i++) {
            int v = in.sint();
            if (i == into.size()) {
                into.add(v);
            } else if (into.get(i) != v) {
                into.set(i, v);
            }
        }
    }

    /** An mm's fd table, read over the map it replaces (most decodes find it unchanged: nothing is allocated). */
    private static void fds(java.util.TreeMap<Integer, FdSlot> into, ByteSink.Source in) {
        int n = in.uint();
        int at = in.position();
        if (n == into.size()) {
            boolean same = true;
            for (var e : into.entrySet()) {
                if (e.getKey() != in.sint() || e.getValue().file() != in.sint() || e.getValue().cloexec() != in.bool()) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return;
            }
            in.skip(at - in.position());
        }
        into.clear();
        for (int j = 0; j < n; j++) {
            int fd = in.sint();
            into.put(fd, new FdSlot(in.sint(), in.bool()));
        }
    }
}
