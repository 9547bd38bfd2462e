package dev.uintr.hybrid;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import dev.uintr.kernel.KernelConfig;
import dev.uintr.nat.UintrHybridLib;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One supervised run. The calling thread is the tracer: it starts the program tree in the shim
 * (which seizes it), then takes each stop the models must answer ({@link Supervision}) and
 * carries out the answer, until the tree is gone or the deadline kills it. When this thread or
 * the JVM dies, the kernel kills every tracee (PTRACE_O_EXITKILL, PR_SET_PDEATHSIG).
 */
public final class HybridSession {
    /** How long the tree may take to go after a kill before the session gives up on it. */
    private static final long REAP_NS = 5_000_000_000L;
    /** One hybrid session at a time in this JVM: the tracer reaps with waitpid(-1). */
    private static final Object ONE_AT_A_TIME = new Object();

    /**
     * How a run ended.
     *
     * @param status   the first tracee's wait status (meaningful when neither timed out nor error)
     * @param timedOut killed at the deadline (a lost wake-up shows here, never as a hang)
     * @param events   events the models answered
     * @param error    why the run could not be done or was aborted, or null
     * @param tracerCpuNs CPU time of the tracer thread while it served the tree (waiting, JNA, the
     *                 models, the ptrace calls): divided by {@code events}, the cost of one stop
     */
    public record Outcome(int status, boolean timedOut, int events, String error, long tracerCpuNs) {
        public int exitCode() {
            return HybridExit.code(status);
        }
    }

    private final AbiProfile profile;
    private final KernelConfig config;
    private final HybridTrace trace;

    public HybridSession(AbiProfile profile, KernelConfig config, HybridTrace trace) {
        this.profile = profile;
        this.config = config;
        this.trace = trace;
    }

    /** The model kernel of a session: hardware present, everything built, the design given or the profile's own. */
    public static KernelConfig config(AbiProfile profile, BlockingDesign design) {
        KernelConfig c = KernelConfig.of(profile);
        return design == null ? c : c.withDesign(design);
    }

    /** Runs {@code argv} with this process's stdin/stdout/stderr, at most timeoutMs (≤ 0: no limit). */
    public Outcome exec(List<String> argv, int timeoutMs) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        for (String a : argv) {
            blob.writeBytes(a.getBytes(StandardCharsets.UTF_8));
            blob.write(0);
        }
        byte[] bytes = blob.toByteArray();
        return run(timeoutMs, sup -> UintrHybridLib.Calls.beginExec(bytes, argv.size(), profile.id(), sup.traps()), null);
    }

    /**
     * The conformance program runner on an encoded program (uintr_program.h); on success
     * {@code out} holds its observations (ush_prog_out) with the run status of USH_RUN_*.
     */
    public Outcome programRun(byte[] prog, byte[] out, int timeoutMs) {
        return run(timeoutMs, sup -> UintrHybridLib.Calls.beginProgram(prog, sup.traps()), out);
    }

    /**
     * The bench's measurement child (uintr_bench.h) on {@code request}, whose uintr syscall numbers are
     * this session's profile's. The caller collects the samples with
     * {@code UintrHybridLib.Calls.benchResult} after this returns, whatever the outcome (see HybridBench).
     */
    public Outcome benchRun(dev.uintr.nat.UintrBenchLib.Request request, int timeoutMs) {
        return run(timeoutMs, sup -> UintrHybridLib.Calls.beginBench(request, sup.traps()), null);
    }

    private interface Starter {
        int start(Supervision sup);
    }

    private Outcome run(int timeoutMs, Starter starter, byte[] programOut) {
        String why = HybridAvailability.reason();
        if (why != null) {
            return new Outcome(0, false, 0, why, 0);
        }
        synchronized (ONE_AT_A_TIME) {
            HybridWarmup.once(profile);                       // compiled models before the program's threads take the CPUs
            UintrHybridLib.Calls.priority(true);             // every stop waits for this thread: it must not wait behind a spinner
            try {
                return serve(timeoutMs, starter, programOut);
            } finally {
                UintrHybridLib.Calls.priority(false);
                trace.flush();
            }
        }
    }

    private Outcome serve(int timeoutMs, Starter starter, byte[] programOut) {
        Supervision sup = new Supervision(profile, config, trace);
        int pid = starter.start(sup);
        if (pid < 0) {
            return new Outcome(0, false, 0, "the hybrid supervisor could not start the program: errno " + -pid, 0);
        }
        long deadline = timeoutMs > 0 ? System.nanoTime() + timeoutMs * 1_000_000L : 0;
        answer(sup, new StopEvent(StopEvent.START, pid, pid, 0, 0, System.nanoTime(), new long[Regs.COUNT], new byte[0], new byte[64]));
        byte[] ev = new byte[StopEvent.SIZE];
        boolean timedOut = false;
        String error = null;
        long waitNs = 0;
        long answerNs = 0;
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (;;) {
            long wake = earliest(deadline, sup.nextTimerNs());
            long t0 = System.nanoTime();
            int r = UintrHybridLib.Calls.await(ev, wake);
            long t1 = System.nanoTime();
            waitNs += t1 - t0;
            if (r < 0) {
                UintrHybridLib.Calls.killAll();
                error = "the hybrid supervisor failed: errno " + -r;
                deadline = System.nanoTime() + REAP_NS;
                continue;
            }
            if (r == 0) {
                if (deadline > 0 && System.nanoTime() >= deadline) {
                    if (timedOut || error != null) {
                        break;                                           // the tree would not go: give up on it
                    }
                    timedOut = true;
                    UintrHybridLib.Calls.killAll();
                    deadline = System.nanoTime() + REAP_NS;
                    continue;
                }
                answer(sup, new StopEvent(StopEvent.TICK, 0, 0, 0, 0, System.nanoTime(), new long[Regs.COUNT], new byte[0], new byte[64]));
                continue;
            }
            StopEvent e = StopEvent.decode(ev);
            if (e.kind() == StopEvent.END) {
                sup.handle(e);
                break;
            }
            if (error == null && !timedOut) {
                long t2 = System.nanoTime();
                error = answer(sup, e);
                answerNs += System.nanoTime() - t2;
                if (error != null) {
                    deadline = System.nanoTime() + REAP_NS;
                }
            } else {
                UintrHybridLib.Calls.apply(new Reply().resume(e.tid()).finish());   // on its way out
            }
        }
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
        if (System.getenv("USH_HY_STATS") != null) {
            System.err.printf("uintr-harness hybrid: %d events; %.1f us waiting, %.1f us answering, %.1f us tracer CPU per event%n",
                    sup.events(), waitNs / 1000.0 / Math.max(1, sup.events()), answerNs / 1000.0 / Math.max(1, sup.events()),
                    cpu / 1000.0 / Math.max(1, sup.events()));
        }
        if (programOut != null) {
            int status = timedOut ? 1 : (sup.endStatus() & 0x7F) != 0 ? 2 : 0;   // USH_RUN_TIMEOUT / SIGNALED / FINISHED
            UintrHybridLib.Calls.programResult(programOut, status, Math.max(0, sup.endStatus()));
        }
        return new Outcome(Math.max(0, sup.endStatus()), timedOut, sup.events(), error, Math.max(0, cpu));
    }

    /** Answers one event; a model failure aborts the run and is returned as the error. */
    private static String answer(Supervision sup, StopEvent e) {
        byte[] reply;
        String error = null;
        try {
            reply = sup.handle(e);
        } catch (HybridLimitException ex) {
            error = ex.getMessage();
            reply = new Reply().abort(error).finish();
        } catch (RuntimeException ex) {
            error = "hybrid model failed on event " + e.kind() + " of thread " + e.tid() + ": " + ex;
            reply = new Reply().abort(error).finish();
        }
        if (reply != null && UintrHybridLib.Calls.apply(reply) != 0) {
            UintrHybridLib.Calls.killAll();
            return "the hybrid supervisor refused an answer to event " + e.kind();
        }
        return error;
    }

    private static long earliest(long a, long b) {
        if (a <= 0) {
            return b;
        }
        return b <= 0 ? a : Math.min(a, b);
    }
}
