package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.program.Arg;
import dev.uintr.program.CaseSpec;
import dev.uintr.program.Observation;
import dev.uintr.program.Op;
import dev.uintr.program.Step;
import dev.uintr.program.StepSyscall;
import dev.uintr.program.ThreadProgram;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte form of a case's programs for the native runner, and the decoding of what the runner
 * recorded — both as native/include/uintr_program.h lays them out (little-endian). A syscall
 * step's arguments are written in its syscall's order for the run's profile ({@link StepSyscall}),
 * so the runner passes them on as they stand. Pure Java:
 * the round trip is tested on any host.
 */
public final class NativeBackendCodec {
    public static final int MAGIC = 0x47525055;                          // "UPRG"
    public static final int VERSION = 4;
    public static final int MAX_THREADS = 16;
    public static final int MAX_VARS = 1024;
    public static final int MAX_BARRIERS = 16;
    public static final int MAX_EVENTS = 1024;
    public static final int MAX_STEPS = 8192;
    static final int HEADER = 128;
    static final int THREAD = 16;
    static final int STEP = 56;
    static final int LOG = 8 + MAX_EVENTS * 16;
    public static final int OUT_SIZE = 16 + MAX_THREADS * LOG;

    /** ush_prog_log.finished: KILLED | signal when the program's forked process died of a signal. */
    static final int KILLED = 0x100;
    static final int EV_STEP = 1;
    static final int EV_DELIVERY = 2;
    static final int EV_UNBOUND = 3;
    static final int EV_HSTEP = 4;
    static final int EV_SIGNAL = 5;
    static final int RUN_FINISHED = 0;
    static final int RUN_TIMEOUT = 1;
    static final int RUN_SIGNALED = 2;

    /** The steps whose syscall numbers fill the header's nr[], in its order (USH_NR_*; null: unused). */
    static final Op[] NR = {Op.REGISTER_HANDLER, Op.UNREGISTER_HANDLER, Op.VECTOR_FD, Op.REGISTER_SENDER,
        Op.UNREGISTER_SENDER, Op.UINTR_WAIT, Op.REGISTER_SELF, Op.ALT_STACK, Op.IPI_FD, null};

    private NativeBackendCodec() {}


    /** USH_OP_* of an op (1..USH_OP_LAST in the header's order). */
    static int opCode(Op op) {
        switch (op) {
            case REGISTER_HANDLER: return 1;
            case UNREGISTER_HANDLER: return 2;
            case VECTOR_FD: return 3;
            case REGISTER_SENDER: return 4;
            case UNREGISTER_SENDER: return 5;
            case REGISTER_SELF: return 6;
            case EVENTFD: return 7;
            case CLOSE: return 8;
            case SENDUIPI: return 9;
            case STUI: return 10;
            case CLUI: return 11;
            case TESTUI: return 12;
            case UINTR_WAIT: return 13;
            case SLEEP: return 14;
            case SPIN_UNTIL: return 15;
            case BARRIER: return 16;
            case FORK: return 17;
            case MARK: return 18;
            case REGISTER_PLAIN_HANDLER: return 19;
            case SEND_FD: return 20;
            case RECV_FD: return 21;
            case SPIN: return 22;
            case NANOSLEEP: return 23;
            case DELIVERIES: return 24;
            case FRAME: return 25;
            case ALT_STACK: return 26;
            case IPI_FD: return 27;
            case IOCTL: return 28;
            case SIGNAL: return 29;
            case EXEC: return 30;
            default: throw new IllegalArgumentException(op.toString());
        }
    }

    /**
     * Encodes {@code c} for profile {@code p}. {@code kernelConfirmed}: the probe confirmed the
     * kernel speaks {@code p}; otherwise every uintr syscall number is -1 (the runner answers
     * -ENOSYS without calling it).
     *
     * @throws IllegalArgumentException when the case exceeds the runner's limits
     */
    public static byte[] encode(CaseSpec c, AbiProfile p, boolean kernelConfirmed) {
        return encode(c, p, kernelConfirmed, new HostSyscalls.Table(Map.of(), ""));
    }

    /** As {@link #encode(CaseSpec, AbiProfile, boolean)} with the host's syscall numbers where {@code host} names them. */
    public static byte[] encode(CaseSpec c, AbiProfile p, boolean kernelConfirmed, HostSyscalls.Table host) {
        List<ThreadProgram> progs = c.allPrograms();
        if (progs.size() > MAX_THREADS) {
            throw new IllegalArgumentException(c.name() + ": " + progs.size() + " programs, the native runner takes "
                    + MAX_THREADS);
        }
        Map<String, Integer> vars = new LinkedHashMap<>();
        Map<Long, Integer> slots = new LinkedHashMap<>();
        Map<Long, Integer> parties = c.barrierParties();
        for (Long id : parties.keySet()) {
            slots.put(id, slots.size());
        }
        if (slots.size() > MAX_BARRIERS) {
            throw new IllegalArgumentException(c.name() + ": more than " + MAX_BARRIERS + " barriers");
        }
        int nsteps = progs.stream().mapToInt(t -> t.steps().size() + c.handlerOf(t.name()).size()).sum();
        if (nsteps > MAX_STEPS) {
            throw new IllegalArgumentException(c.name() + ": " + nsteps + " steps, the native runner takes " + MAX_STEPS);
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER + progs.size() * THREAD + nsteps * STEP).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION).putInt(progs.size()).putInt(nsteps);
        for (Op op : NR) {
            b.putInt(op == null || !kernelConfirmed ? -1 : host.number(StepSyscall.of(op, p).syscall(), p));
        }
        b.putInt(p == AbiProfile.RFC_V1 ? 0 : 1).putInt(0);
        for (int k = 0; k < MAX_BARRIERS; k++) {
            b.putInt(0);
        }
        int slotBase = 16 + NR.length * 4 + 8;
        for (var e : slots.entrySet()) {
            b.putInt(slotBase + 4 * e.getValue(), parties.get(e.getKey()));
        }
        int first = 0;
        for (ThreadProgram t : progs) {
            int body = c.handlerOf(t.name()).size();
            b.putInt(forkedBy(c, progs, t)).putInt(first).putInt(t.steps().size()).putInt(body);
            first += t.steps().size() + body;
        }
        for (ThreadProgram t : progs) {
            List<Step> all = new ArrayList<>(t.steps());
            all.addAll(c.handlerOf(t.name()));
            for (Step s : all) {
                b.putShort((short) opCode(s.op()));
                b.putShort((short) (s.bind() == null ? -1 : var(vars, s.bind())));
                int child = -1;
                if (s.op() == Op.FORK) {
                    child = progs.indexOf(s.child());
                } else if (s.op() == Op.BARRIER) {
                    child = slots.get(s.args().get(0).offset());
                } else if (s.op() == Op.ALT_STACK) {
                    child = s.args().get(0).isWord() ? 1 : 0;                 // 1: a new buffer
                }
                b.putShort((short) child);
                StepSyscall call = StepSyscall.of(s.op(), p);
                List<Arg> args = nativeArgs(s, call, progs);
                b.putShort((short) (call == null ? args.size() : call.fromStep().size()));
                for (int i = 0; i < 3; i++) {
                    Arg a = i < args.size() ? args.get(i) : Arg.literal(0);
                    b.putInt(a.isRef() ? var(vars, a.ref()) : -1).putInt(0).putLong(a.offset());
                }
            }
        }
        if (vars.size() > MAX_VARS) {
            throw new IllegalArgumentException(c.name() + ": more than " + MAX_VARS + " named results");
        }
        return b.array();
    }

    private static int var(Map<String, Integer> vars, String name) {
        return vars.computeIfAbsent(name, k -> vars.size());
    }

    /**
     * A syscall step's arguments in its syscall's order (nargs counts those; any after them are
     * only checked for being bound); spin_until's target becomes a literal; mark's name stays in
     * Java (the runner needs only the step index).
     */
    private static List<Arg> nativeArgs(Step s, StepSyscall call, List<ThreadProgram> progs) {
        if (s.op() == Op.ALT_STACK && s.args().get(0).isWord()) {
            String w = s.args().get(0).word();                           // BUF+N: the runner passes buffer + N
            List<Arg> args = new ArrayList<>(call.orderedArgs(s));
            args.set(0, Arg.literal(w.contains("+") ? Long.parseLong(w.substring(w.indexOf('+') + 1)) : 0));
            return args;
        }
        if (call != null) {
            return call.orderedArgs(s);
        }
        if (s.op() == Op.SPIN_UNTIL) {
            return List.of(Arg.literal(s.spinTarget()));
        }
        if (s.op() == Op.MARK) {
            return List.of();
        }
        if (s.op() == Op.SIGNAL) {
            String target = s.args().get(0).word();              // the target program by index
            return List.of(Arg.literal(progs.stream().map(ThreadProgram::name).toList().indexOf(target)),
                    Arg.literal(dev.uintr.program.Signal.number(s.args().get(1).word())));
        }
        return s.args();
    }

    private static int forkedBy(CaseSpec c, List<ThreadProgram> progs, ThreadProgram t) {
        if (c.threads().contains(t)) {
            return -1;
        }
        for (int i = 0; i < progs.size(); i++) {
            for (Step s : progs.get(i).steps()) {
                if (s.op() == Op.FORK && s.child() == t) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("program " + t.name() + " is neither a thread nor forked");
    }

    /** What one run showed: the observation, and how the runner's child ended. */
    public record Decoded(Observation observation, int status, int signal) {
        public boolean timedOut() {
            return status == RUN_TIMEOUT;
        }
    }

    /** Decodes the runner's ush_prog_out for case {@code c}. */
    public static Decoded decode(CaseSpec c, byte[] out) {
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int status = b.getInt(0);
        int signal = b.getInt(4);
        List<ThreadProgram> progs = c.allPrograms();
        Observation obs = new Observation(progs.stream().map(ThreadProgram::name).toList());
        boolean[] started = new boolean[progs.size()];
        List<List<long[]>> events = new ArrayList<>();
        for (int i = 0; i < progs.size(); i++) {
            int base = 16 + i * LOG;
            int n = Math.min(b.getInt(base), MAX_EVENTS);
            List<long[]> ev = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                int at = base + 8 + j * 16;
                ev.add(new long[] {b.getInt(at), b.getInt(at + 4), b.getLong(at + 8)});
            }
            events.add(ev);
        }
        for (int i = 0; i < progs.size(); i++) {
            int parent = forkedBy(c, progs, progs.get(i));
            if (parent < 0) {
                started[i] = true;
            } else {
                int forkStep = -1;
                List<Step> ps = progs.get(parent).steps();
                for (int k = 0; k < ps.size(); k++) {
                    if (ps.get(k).op() == Op.FORK && ps.get(k).child() == progs.get(i)) {
                        forkStep = k;
                    }
                }
                final int fs = forkStep;
                started[i] = events.get(parent).stream().anyMatch(e -> e[0] == EV_STEP && e[1] == fs && e[2] == 0);
            }
        }
        for (int i = 0; i < progs.size(); i++) {
            ThreadProgram t = progs.get(i);
            List<Step> body = c.handlerOf(t.name());
            List<long[]> ev = events.get(i);
            for (int j = 0; j < ev.size(); j++) {
                long[] e = ev.get(j);
                int kind = (int) e[0];
                if (kind == EV_STEP || kind == EV_UNBOUND) {
                    Step s = t.steps().get((int) e[1]);
                    obs.step(t.name(), s, kind == EV_UNBOUND ? "unbound" : result(s.op(), e[2]));
                } else if (kind == EV_SIGNAL) {
                    obs.event(t.name(), "signal(" + dev.uintr.program.Signal.name(e[2]) + ")");
                } else if (kind == EV_DELIVERY) {
                    List<String> bodyEvents = new ArrayList<>();
                    while (j + 1 < ev.size() && ev.get(j + 1)[0] == EV_HSTEP) {
                        long[] h = ev.get(++j);
                        bodyEvents.add(handlerEvent(t, body.get((int) h[1]), h[2]));
                    }
                    long v = e[2];
                    List<String> odd = new ArrayList<>();
                    if ((v >> 8 & 1) != 0) {
                        odd.add("uif=1");
                    }
                    if ((v >> 16 & 15) != 0) {
                        odd.add("rsp%16=" + (v >> 16 & 15));
                    }
                    if ((v >> 10 & 1) != 0) {
                        odd.add("frame=bad");
                    }
                    obs.delivery(t.name(), (int) (v & 0x3f), odd, bodyEvents);
                }
            }
            int finished = b.getInt(16 + i * LOG + 4);
            if ((finished & KILLED) != 0) {
                obs.event(t.name(), "killed(" + Observation.signalName(finished & 0xff) + ")");
            } else if (started[i] && finished == 0) {
                if (status == RUN_SIGNALED) {
                    obs.event(t.name(), "killed(" + Observation.signalName(signal) + ")");
                } else {
                    obs.timeout(t.name());
                }
            }
        }
        return new Decoded(obs, status, signal);
    }

    /** A handler body step's event as the emulated backend renders it. */
    static String handlerEvent(ThreadProgram t, Step s, long v) {
        switch (s.op()) {
            case TESTUI:
                return "testui: " + v;
            case DELIVERIES:
                return "deliveries: " + v;
            case FRAME: {
                int altStep = (int) (v >> 8) - 1;
                String name = null;
                if (altStep >= 0 && altStep < t.steps().size() && t.steps().get(altStep).args().get(0).isWord()) {
                    String w = t.steps().get(altStep).args().get(0).word();
                    name = w.contains("+") ? w.substring(0, w.indexOf('+')) : w;
                }
                return dev.uintr.program.FrameView.render((int) (v & 0xff), name);
            }
            case SENDUIPI:
                return s.call() + ": " + (v == 3 ? "unbound" : v == 1 ? "SIGILL" : v == 2 ? "SIGSEGV" : "ok");
            default:
                return s.call();
        }
    }

    /** A step's raw result as the observation shows it (the same rendering the emulated backend uses). */
    static String result(Op op, long v) {
        if (op.isSyscall()) {
            return Observation.syscallResult(op, v);
        }
        switch (op) {
            case SENDUIPI:
                return v == 1 ? "SIGILL" : v == 2 ? "SIGSEGV" : "ok";
            case TESTUI:
                return Long.toString(v);
            default:
                return null;
        }
    }
}
