package dev.uintr.hybrid;

import dev.uintr.AbiProfile;
import dev.uintr.nat.UintrBenchLib;
import dev.uintr.nat.UintrHybridLib;

/**
 * One bench measurement (native/include/uintr_bench.h) under the hybrid supervisor: the C loops
 * run for real, their SENDUIPI / UIRET / STUI and uintr syscalls are answered by the models of
 * {@code profile} ({@link Supervision}, through {@link HybridSession#benchRun}). The request's uintr
 * syscall numbers must be the profile's: those are the numbers the supervisor traps.
 */
public final class HybridBench {
    /** begin and result come in pairs: one bench run's shared page at a time. */
    private static final Object ONE_AT_A_TIME = new Object();

    /**
     * How it went.
     *
     * @param session the supervised run (its events: the stops the models answered)
     * @param bench   the measurement as ubench_run reports it (rc &lt; 0: none was made)
     */
    public record Result(HybridSession.Outcome session, UintrBenchLib.Outcome bench) {}

    private HybridBench() {}

    /** Runs {@code request} traced, at most timeoutMs; the samples (TSC ticks) land in {@code samples}. */
    public static Result run(AbiProfile profile, UintrBenchLib.Request request, long[] samples, int timeoutMs) {
        synchronized (ONE_AT_A_TIME) {
            HybridSession s = new HybridSession(profile, HybridSession.config(profile, null), HybridTrace.none());
            HybridSession.Outcome o = s.benchRun(request, timeoutMs);
            UintrBenchLib.Outcome b = HybridAvailability.available()
                    ? UintrHybridLib.Calls.benchResult(samples, o.timedOut(), o.status())
                    : new UintrBenchLib.Outcome(-2, 0, 0, 0, 0, -1, -1, 0, "");
            return new Result(o, b);
        }
    }
}
