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
        out.uvar(s.tasks.size());
        for (Task t : s.tasks) {
            task(t, out);
        }
        out.uvar(s.mms.size());
        for (Mm m : s.mms) {
            out.bool(m.alive);
            out.svar(m.uitt);
            out.uvar(m.fds.size());
            for (var e : m.fds.entrySet()) {
                out.svar(e.getKey());
                out.svar(e.getValue().file());
                out.bool(e.getValue().cloexec());
            }
            out.uvar(m.plainFunctions.size());
            for (long a : m.plainFunctions) {
                out.svar(a);
            }
        }
        out.uvar(s.files.size());
        for (OpenFile f : s.files) {
            out.uvar(f.kind.ordinal());
            out.svar(f.upid);
            out.svar(f.vector);
            out.svar(f.uitt);
            out.svar(f.refs);
            out.bool(f.released);
            out.uvar(f.senders.size());
            for (SenderLink l : f.senders) {
                out.svar(l.task());
                out.svar(l.uitt());
                out.svar(l.index());
            }
        }
        out.uvar(s.upids.size());
        for (UpidContext u : s.upids) {
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
        out.uvar(s.uitts.size());
        for (Uitt u : s.uitts) {
            cachedUitt(u, out);
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
        long[] k = s.counters.values();
        out.uvar(k.length);
        for (long v : k) {
            out.svar(v);
        }
        out.uvar(s.violations.size());
        for (Violation v : s.violations) {
            out.svar(v.upid());
            out.text(v.writer());
        }
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
        out.uvar(t.taskWork.size());
        for (TaskWork w : t.taskWork) {
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
            m.fds.clear();
            for (int j = 0, f = in.uint(); j < f; j++) {
                int fd = in.sint();
                m.fds.put(fd, new FdSlot(in.sint(), in.bool()));
            }
            m.plainFunctions.clear();
            for (int j = 0, f = in.uint(); j < f; j++) {
                m.plainFunctions.add(in.svar());
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
            f.senders.clear();
            for (int j = 0, l = in.uint(); j < l; j++) {
                f.senders.add(new SenderLink(in.sint(), in.sint(), in.sint()));
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
            c.runQueue.clear();
            ints(c.runQueue, in);
            c.liveUinv = in.sint();
            for (int w = 0; w < c.irr.length; w++) {
                c.irr[w] = in.svar();
            }
            c.spurious = in.svar();
            c.kernelNotifications = in.svar();
        }
        s.waitList.clear();
        ints(s.waitList, in);
        counters(s.counters, in);
        s.violations.clear();
        for (int i = 0, v = in.uint(); i < v; i++) {
            s.violations.add(new Violation(in.sint(), in.text()));
        }
        return new Node(kernel, pc, phase, lastColumn, mass, victims);
    }

    /** The counters in {@link Counters#values()} order. */
    private static void counters(Counters k, ByteSink.Source in) {
        long[] v = new long[in.uint()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.svar();
        }
        k.victimInterrupts = v[0];
        k.spuriousKernelInterrupts = v[1];
        k.kernelVectorInterrupts = v[2];
        k.gpFixups = v[3];
        k.udFixups = v[4];
        k.emptyWakeups = v[5];
        k.uintrWakeups = v[6];
        k.lostIpis = v[7];
        k.ipisSent = v[8];
        k.affinityInterrupts = v[9];
        k.wakeIpis = v[10];
        k.offTargetInterrupts = v[11];
        k.isolationHits = v[12];
        k.senderEntries = v[13];
        k.receiverEntries = v[14];
        k.syscalls = v[15];
        k.waitListWalked = v[16];
        k.unrelatedWakes = v[17];
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
        t.deliveries.clear();
        ints(t.deliveries, in);
        t.taskWork.clear();
        for (int j = 0, n = in.uint(); j < n; j++) {
            t.taskWork.add(new TaskWork(WORK_KINDS[in.uint()], in.sint(), in.sint()));
        }
    }

    private static void ints(List<Integer> into, ByteSink.Source in) {
        for (int i = 0, n = in.uint(); i < n; i++) {
            into.add(in.sint());
        }
    }
}
