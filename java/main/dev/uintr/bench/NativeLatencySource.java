package dev.uintr.bench;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import dev.uintr.backend.HostFacts;
import dev.uintr.nat.UintrBenchLib;
import java.util.Optional;

/**
 * Measures through the C loops in libuintrshim.so (each in a forked, time-limited child).
 * The uipi mechanisms get their syscall numbers from {@link AbiProfile}, and only when
 * {@link UipiGate} found UINTR hardware and a uintr kernel.
 */
public final class NativeLatencySource implements LatencySource {
    /** later ABI: UINTR_HANDLER_FLAG_WAITING_RECEIVER, the kernel-vector scheme the RFC measured (uintr-kernel §2.4). */
    static final int WAITING_RECEIVER = 0x1000;
    /** later ABI: how long one uintr_wait may sleep before the receiver re-checks (µs). */
    static final int WAIT_USEC = 1000;

    private final HostFacts host;

    public NativeLatencySource(HostFacts host) {
        this.host = host;
    }

    /** Empty when the native loops can run here, else why not. */
    public static Optional<String> unavailable() {
        return UintrBenchLib.Calls.available() ? Optional.empty()
                : Optional.of(UintrBenchLib.Calls.unavailableReason());
    }

    @Override
    public Measurement measure(Mechanism m, Mode mode, BenchConfig cfg) {
        Optional<String> why = unavailable().or(() -> UipiGate.skipReason(m, host));
        if (why.isPresent()) {
            return Measurement.skipped(why.get());
        }
        int abi = UintrBenchLib.ABI_NONE;
        int[] sys = new int[6];
        if (m.needsUintr()) {
            AbiProfile p = host.kernelAbi();
            abi = p == AbiProfile.LATER ? UintrBenchLib.ABI_LATER : UintrBenchLib.ABI_RFC_V1;
            Syscall[] order = {Syscall.UINTR_REGISTER_HANDLER, Syscall.UINTR_UNREGISTER_HANDLER, Syscall.vectorFd(p),
                Syscall.UINTR_REGISTER_SENDER, Syscall.UINTR_UNREGISTER_SENDER, Syscall.UINTR_WAIT};
            for (int i = 0; i < order.length; i++) {
                sys[i] = dev.uintr.backend.HostSyscalls.current().number(order[i], p);
            }
        }
        long[] samples = new long[cfg.iterations()];
        UintrBenchLib.Outcome o = UintrBenchLib.Calls.run(new UintrBenchLib.Request(m.nativeId(), mode.nativeId(),
                cfg.iterations(), cfg.warmup(), cfg.cpus().a(), cfg.cpus().b(), cfg.timeoutMs(), abi, sys,
                WAITING_RECEIVER, WAIT_USEC), samples);
        if (o.rc() < 0) {
            return Measurement.failed("could not start the measurement child (errno " + -o.rc() + ")");
        }
        String seen = (o.cpuASeen() < 0 ? "?" : o.cpuASeen()) + "," + (o.cpuBSeen() < 0 ? "?" : o.cpuBSeen());
        switch (o.status()) {
            case UintrBenchLib.STATUS_OK:
                return Measurement.ok(samples, o.count(), seen);
            case UintrBenchLib.STATUS_SETUP:
                return Measurement.failed(o.detail() + " failed: errno " + o.err());
            case UintrBenchLib.STATUS_TIMEOUT:
                return Measurement.failed("timed out: " + o.detail() + " (--timeout-ms " + cfg.timeoutMs() + ")"
                        + (m == Mechanism.UIPI_BLOCKED && host.kernelAbi() == AbiProfile.RFC_V1
                        ? "; rfc-v1's uintr_wait has no timeout, so a wake-up lost to the post-before-arm race"
                                + " (uintr-kernel §5) ends here" : ""));
            case UintrBenchLib.STATUS_CRASHED:
                return Measurement.failed("measurement child died of signal " + o.signo()
                        + (o.signo() == 4 ? " (SIGILL: an instruction this CPU lacks)" : ""));
            case UintrBenchLib.STATUS_BAD_ARG:
                return Measurement.failed("rejected by the native side: " + o.detail());
            default:
                return Measurement.failed("unknown native status " + o.status());
        }
    }
}
