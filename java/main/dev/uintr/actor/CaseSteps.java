package dev.uintr.actor;

import dev.uintr.Syscall;
import dev.uintr.kernel.HandlerAbi;
import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.TaskState;
import dev.uintr.program.Arg;
import dev.uintr.program.Op;
import dev.uintr.program.Step;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The steps only case programs have, as {@link ActorMachine} runs them (it dispatches every step;
 * these are the bodies of the case-only kinds and syscalls): model-time sleeps and spins, barriers,
 * tgkill, STUI / CLUI / TESTUI, exec, fork, fd passing and alt stacks, with the state a case run
 * shares between its threads (barrier counts, the fd mailbox).
 */
final class CaseSteps {
    private final ActorMachine m;
    private final Map<Long, Integer> barrierParticipants = new HashMap<>();
    private final Map<Long, Integer> barrierArrivals = new HashMap<>();
    /**
     * The SCM_RIGHTS mailbox: {sender tid, fd} in send order. The descriptor is passed to the
     * receiver's process when it is taken (Kernel.passFd), so a case must keep the sender and its fd
     * alive until then (a real in-flight descriptor holds its own reference).
     */
    private final ArrayDeque<long[]> mailbox = new ArrayDeque<>();

    CaseSteps(ActorMachine m, Map<Long, Integer> barrierParties) {
        this.m = m;
        barrierParticipants.putAll(barrierParties);
    }

    /** Case step {@code s} of thread {@code x} can be taken now (its task runs): a barrier complete, a descriptor to take, a started target. */
    boolean enabled(CaseThread x, Step s) {
        switch (s.op()) {
            case RECV_FD:
                return !mailbox.isEmpty();
            case BARRIER: {
                long id = s.args().get(0).value(x.vars);
                if (x.barrierGen == 0) {
                    return true;                                         // arriving is a step
                }
                return barrierArrivals.getOrDefault(id, 0) >= x.barrierGen * barrierParticipants.get(id);
            }
            case SIGNAL:
                return m.tid(m.actor(s.args().get(0).word())) >= 0;      // natively: waits for the target to start
            default:
                return true;
        }
    }

    /** A step only case programs have. */
    void step(Kernel k, int[] pc, int[] phase, int i, CaseThread x, Instr s, ActorMachine.Listener l) {
        Step st = s.step();
        int t = m.tid(i);
        switch (s.kind()) {
            case SLEEP:
                if (x.sleepEnd < 0) {
                    x.sleepEnd = k.state().clockUs + st.arg(0, x.vars, 0);
                }
                kernelSleep(k, pc, phase, i, x, s, l);
                return;
            case SPIN:
                x.sleepUntil = k.state().clockUs + st.arg(0, x.vars, 0);
                return;
            case BARRIER: {
                long id = st.args().get(0).value(x.vars);
                if (x.barrierGen == 0) {
                    x.barrierGen = x.barrierPasses.merge(id, 1, Integer::sum);
                    barrierArrivals.merge(id, 1, Integer::sum);
                    return;
                }
                x.barrierGen = 0;
                m.advance(k, pc, i, x, s, null, l);
                return;
            }
            case TGKILL: {
                int target = m.actor(st.args().get(0).word());
                if (m.thread(target).done) {
                    m.advance(k, pc, i, x, s, "ESRCH", l);                 // the thread has exited
                    return;
                }
                m.thread(target).pendingSignals.add(st.args().get(1).word());
                k.signal(m.tid(target));                                   // an interruptible sleep returns -EINTR
                m.advance(k, pc, i, x, s, "0", l);
                return;
            }
            case STUI:
                x.inStui = true;                                          // a pending interrupt comes right after STUI (isa §7.2)
                try {
                    k.stui(t);
                } finally {
                    x.inStui = false;
                }
                m.advance(k, pc, i, x, s, null, l);
                return;
            case CLUI:
                k.clui(t);
                m.advance(k, pc, i, x, s, null, l);
                return;
            case TESTUI:
                m.advance(k, pc, i, x, s, k.testui(t) ? "1" : "0", l);
                return;
            case EXEC:
                // execve() by a fork child: the kernel model drops its UINTR state and closes its
                // close-on-exec fds (Kernel.exec, uintr-kernel §4.1); the program goes on in the new
                // image with its named results, and without the old image's alt_stack buffer.
                k.exec(t);
                x.altName = null;
                x.altBase = 0;
                x.altSize = 0;
                m.advance(k, pc, i, x, s, "0", l);
                return;
            case FORK: {
                int c = m.actor(st.child().name());
                m.start(c, k.fork(t, st.child().name(), m.thread(c).cpu), new HashMap<>(x.vars));
                if (k.task(m.tid(c)).state == TaskState.READY) {
                    k.run(m.tid(c));
                }
                m.advance(k, pc, i, x, s, null, l);
                return;
            }
            default:
                throw new IllegalStateException("not a step: " + s);
        }
    }

    long syscall(Kernel k, int i, CaseThread x, Step s) {
        int t = m.tid(i);
        switch (s.op()) {
            case SEND_FD:
                mailbox.add(new long[] {t, s.arg(0, x.vars, 0)});
                return 0;
            case RECV_FD: {
                long[] m = mailbox.poll();
                return k.passFd((int) m[0], m[1], t);
            }
            case REGISTER_PLAIN_HANDLER:                                 // a regular function's code at that address
                k.defineHandlerAbi(t, ActorMachine.PLAIN_HANDLER, HandlerAbi.PLAIN_FUNCTION);
                break;
            case ALT_STACK:
                return altStack(k, i, x, s);
            default:
                break;
        }
        long handler = s.op() == Op.REGISTER_PLAIN_HANDLER ? ActorMachine.PLAIN_HANDLER : Kernel.DEFAULT_HANDLER;
        return StepCalls.syscall(k, t, s, x.vars, handler);
    }

    /** Where alt_stack buffers of program {@code actor} lie in the model's user address space (2 MiB apart, room below each). */
    static long altBufferBase(int actor, int n) {
        return 0x00007e0000000000L + ((long) actor << 26) + ((long) n << 21) + (1L << 20);
    }

    /** alt_stack BUF SIZE [flags]: a new buffer of SIZE (BUF+N passes N into it) or NULL; the thread's current one on success. */
    private long altStack(Kernel k, int i, CaseThread x, Step s) {
        Arg buf = s.args().get(0);
        long size = s.args().get(1).offset();
        long flags = s.arg(2, x.vars, 0);
        long base = 0;
        long sp = 0;
        String name = null;
        if (buf.isWord()) {
            int plus = buf.word().indexOf('+');
            name = plus < 0 ? buf.word() : buf.word().substring(0, plus);
            base = altBufferBase(i, x.altBuffers++);
            sp = base + (plus < 0 ? 0 : Long.parseLong(buf.word().substring(plus + 1)));
        }
        long r = k.syscall(m.tid(i), Syscall.UINTR_ALT_STACK, sp, size, flags);
        if (r == 0) {
            x.altName = name;
            x.altBase = base;
            x.altSize = name == null ? 0 : size;
        }
        return r;
    }

    /**
     * {@code sleep}: nanosleep for the time left, as the native runner's loop does (a wake before
     * the end, -EINTR from a signal or a uintr wake, sleeps again); the task is switched out in the
     * kernel model meanwhile, so its UPID has SN = 1 unless a WAITING cost arms it (§4.3).
     */
    void kernelSleep(Kernel k, int[] pc, int[] phase, int i, CaseThread x, Instr s, ActorMachine.Listener l) {
        long left = x.sleepEnd - k.state().clockUs;
        if (left <= 0) {
            x.sleepEnd = -1;
            m.advance(k, pc, i, x, s, null, l);
            return;
        }
        x.inSyscall = true;
        try {
            if (StepCalls.nanosleep(k, m.tid(i), left) == Kernel.BLOCKED) {
                phase[i] = ActorMachine.RETURNING;
            }
        } finally {
            x.inSyscall = false;
        }
    }
}
