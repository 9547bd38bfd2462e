package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;

/**
 * A small fixed world for schedule tests: a receiver thread "rx" on CPU 0 with a handler,
 * vector {@link #VEC} behind {@link #fd} and UIF = 1; a sender thread "tx" (another process)
 * on CPU 1 connected to it at {@link #idx}.
 */
final class Rig {
    static final int VEC = 3;
    final Kernel k;
    final int rx;
    final int tx;
    final long fd;
    final long idx;

    Rig(KernelConfig cfg) {
        this(cfg, 0);
    }

    /** {@code handlerFlags}: later profile's WAITING flags for rx. */
    Rig(KernelConfig cfg, long handlerFlags) {
        k = new Kernel(cfg);
        rx = k.newProcess("rx", 0);
        ok(k.syscall(rx, Syscall.UINTR_REGISTER_HANDLER, Kernel.DEFAULT_HANDLER, handlerFlags));
        fd = ok(k.syscall(rx, Syscall.vectorFd(cfg.profile()), VEC, 0));
        k.stui(rx);
        tx = k.newProcess("tx", 1);
        long txFd = ok(k.passFd(rx, fd, tx));
        idx = ok(k.syscall(tx, Syscall.UINTR_REGISTER_SENDER, txFd, 0));
    }

    static Rig rfc(BlockingDesign d, int cpus) {
        return new Rig(KernelConfig.of(AbiProfile.RFC_V1).withDesign(d).withCpus(cpus));
    }

    static long ok(long r) {
        assertTrue(r >= 0, "expected success, got " + Errno.render(r));
        return r;
    }

    /** A process on {@code cpu} that is itself a UIPI receiver (handler registered, UIF = 1); left READY. */
    int bystanderReceiver(int cpu) {
        int y = k.newProcess("bystander", cpu);
        k.run(y);
        ok(k.syscall(y, Syscall.UINTR_REGISTER_HANDLER, Kernel.DEFAULT_HANDLER, 0));
        k.stui(y);
        return y;
    }

    Task task(int tid) {
        return k.task(tid);
    }

    UpidContext rxUpid() {
        return k.upidOf(rx);
    }

    void assertDeliveredOnce(int tid) {
        assertEquals(java.util.List.of(VEC), k.task(tid).deliveries, "deliveries of " + k.task(tid).name);
    }
}
