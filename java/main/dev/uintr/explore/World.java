package dev.uintr.explore;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import dev.uintr.actor.StepCalls;
import dev.uintr.kernel.BlockingDesign;
import dev.uintr.kernel.Errno;
import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.KernelConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scenario's starting point on the kernel model for one (profile, design): tasks created,
 * handlers registered, fds made and passed, senders registered, initial tasks made current.
 * Setup is deterministic and not interleaved; a setup syscall that fails is a scenario error.
 */
public final class World {
    /** later profile: uintr_register_handler flags that pick the design (uintr-kernel §5.5). */
    static final long WAITING_RECEIVER = 0x1000;
    static final long WAITING_SENDER = 0x2000;
    /** later profile: the uintr_wait timeout (µs). Timers are never chosen by the explorer (see Explorer). */
    static final long WAIT_USEC = 1000;

    final Scenario scenario;
    final AbiProfile profile;
    final BlockingDesign design;
    final Kernel kernel;
    final Map<String, Integer> tids = new LinkedHashMap<>();
    /** "sender>receiver" → UITT index. */
    final Map<String, Long> index = new HashMap<>();
    /** uintr_wait's arguments in this profile (see {@link #waitArgs}). */
    private final long[] waitArgs;
    /** The counters before the {@code asleep} receivers' uintr_wait calls: costs count those calls too. */
    long[] countersBeforeAsleep;

    private World(Scenario sc, AbiProfile p, BlockingDesign d, Kernel k) {
        this.scenario = sc;
        this.profile = p;
        this.design = d;
        this.kernel = k;
        this.waitArgs = StepCalls.uintrWaitArgs(k, WAIT_USEC, 0);
    }

    /**
     * Why this pair cannot be explored, or null when it can: the later tree implements only
     * kernel-vector (WAITING_RECEIVER) and gp-fault (WAITING_SENDER); the other designs
     * exist only as rfc-v1 uintr_wait variants in the model.
     */
    public static String notApplicable(Scenario sc, AbiProfile p, BlockingDesign d) {
        if (!sc.profiles().contains(p)) {
            return "scenario " + sc.name() + " does not apply to " + p.id();
        }
        if (p == AbiProfile.LATER && d != BlockingDesign.KERNEL_VECTOR && d != BlockingDesign.GP_FAULT) {
            return "the later tree has only kernel-vector (WAITING_RECEIVER) and gp-fault (WAITING_SENDER)";
        }
        return null;
    }

    static long handlerFlags(AbiProfile p, BlockingDesign d) {
        if (p != AbiProfile.LATER) {
            return 0;
        }
        return d == BlockingDesign.GP_FAULT ? WAITING_SENDER : WAITING_RECEIVER;
    }

    public static World build(Scenario sc, AbiProfile p, BlockingDesign d) {
        KernelConfig cfg = KernelConfig.of(p).withDesign(d).withCpus(sc.cpus()).withIsolated(sc.isolated())
                .withIrqAffinity(sc.housekeeping());
        World w = new World(sc, p, d, new Kernel(cfg));
        Kernel k = w.kernel;
        Map<String, Long> fds = new HashMap<>();
        for (TaskDecl t : sc.tasks()) {
            int tid = t.threadOf() == null ? k.newProcess(t.name(), t.cpu())
                    : k.spawnThread(w.tids.get(t.threadOf()), t.name(), t.cpu());
            w.tids.put(t.name(), tid);
        }
        for (TaskDecl t : sc.tasks()) {
            if (!t.receiver()) {
                continue;
            }
            int tid = w.tids.get(t.name());
            k.run(tid);
            w.ok(t.line(), "uintr_register_handler", k.registerHandler(tid, Kernel.DEFAULT_HANDLER, handlerFlags(p, d)));
            if (t.vector() >= 0) {
                fds.put(t.name(), w.ok(t.line(), Syscall.vectorFd(p).sysName(), k.vectorFd(tid, t.vector(), 0)));
            }
            k.stui(tid);
        }
        for (Scenario.Connect c : sc.connects()) {
            int s = w.tids.get(c.sender());
            int r = w.tids.get(c.receiver());
            long fd = fds.get(c.receiver());
            if (k.task(s).mm != k.task(r).mm) {
                fd = w.ok(c.line(), "pass fd", k.passFd(r, fd, s));
            }
            k.run(s);
            w.index.put(c.sender() + ">" + c.receiver(), w.ok(c.line(), "uintr_register_sender",
                    k.registerSender(s, fd, 0)));
        }
        for (String n : sc.runs()) {
            k.run(w.tids.get(n));
        }
        w.countersBeforeAsleep = k.counters().values();
        for (String n : sc.asleep()) {
            int tid = w.tids.get(n);
            k.run(tid);
            long r = k.syscall(tid, Syscall.UINTR_WAIT, w.waitArgs());
            if (r != Kernel.BLOCKED) {
                throw dev.uintr.BadInputException.at(sc.file(), sc.task(n).line(), "asleep " + n + ": uintr_wait did not block under "
                        + p.id() + "/" + d.id() + " (" + Errno.render(r) + ")");
            }
        }
        return w;
    }

    private long ok(int line, String what, long r) {
        if (r < 0) {
            throw dev.uintr.BadInputException.at(scenario.file(), line, what + " failed in setup under "
                    + profile.id() + ": " + Errno.render(r));
        }
        return r;
    }

    /** The arguments of uintr_wait(WAIT_USEC, 0) in this profile: rfc-v1 (flags), later (usec, flags). */
    long[] waitArgs() {
        return waitArgs;
    }
}
