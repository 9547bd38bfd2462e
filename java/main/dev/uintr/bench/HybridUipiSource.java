package dev.uintr.bench;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import dev.uintr.hybrid.HybridAvailability;
import dev.uintr.hybrid.HybridBench;
import dev.uintr.hybrid.HybridSession;
import dev.uintr.hybrid.HybridTrace;
import dev.uintr.nat.FloorPlacement;
import dev.uintr.nat.NativeExecutable;
import dev.uintr.nat.PtraceFloor;
import dev.uintr.nat.UintrBenchLib;
import dev.uintr.nat.UintrHybridLib;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The uipi and uipi-blocked C loops (native/src/bench_uipi.c) under the hybrid supervisor, answered
 * by the models of one ABI profile, whose syscall numbers the loops call (the supervisor traps
 * those). Their samples are real RDTSCP round trips of the traced loop: the emulation's cost, never
 * hardware latency.
 */
public final class HybridUipiSource implements HybridLatencySource {
    private final AbiProfile profile;

    public HybridUipiSource(AbiProfile profile) {
        if (profile != AbiProfile.RFC_V1 && profile != AbiProfile.LATER) {
            throw new IllegalArgumentException("hybrid needs rfc-v1 or later, not " + profile);
        }
        this.profile = profile;
    }

    @Override
    public String unavailableReason() {
        String why = UintrBenchLib.Calls.unavailableReason();
        return why != null ? why : HybridAvailability.reason();
    }

    @Override
    public String profile() {
        return profile.id();
    }

    @Override
    public HybridRun measure(Mechanism m, BenchConfig cfg) {
        if (!m.needsUintr()) {
            throw new IllegalArgumentException(m + " has no user interrupts to supervise");
        }
        String why = unavailableReason();
        if (why != null) {
            return new HybridRun(Measurement.skipped("hybrid unavailable: " + why).asHybrid(), 0, 0);
        }
        Syscall[] order = {Syscall.UINTR_REGISTER_HANDLER, Syscall.UINTR_UNREGISTER_HANDLER, Syscall.vectorFd(profile),
            Syscall.UINTR_REGISTER_SENDER, Syscall.UINTR_UNREGISTER_SENDER, Syscall.UINTR_WAIT};
        int[] sys = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            sys[i] = order[i].number(profile);
        }
        int abi = profile == AbiProfile.LATER ? UintrBenchLib.ABI_LATER : UintrBenchLib.ABI_RFC_V1;
        long[] samples = new long[cfg.iterations()];
        UintrBenchLib.Request req = new UintrBenchLib.Request(m.nativeId(), Mode.ROUND_TRIP.nativeId(),
                cfg.iterations(), cfg.warmup(), cfg.cpus().a(), cfg.cpus().b(), cfg.timeoutMs(), abi, sys,
                NativeLatencySource.WAITING_RECEIVER, NativeLatencySource.WAIT_USEC);
        HybridBench.Result r = HybridBench.run(profile, req, samples, cfg.timeoutMs());
        long stops = r.session().events();
        long roundTrips = (long) cfg.warmup() + cfg.iterations();
        return new HybridRun(toMeasurement(r, samples, cfg).asHybrid(), stops, roundTrips, r.session().tracerCpuNs());
    }

    private static Measurement toMeasurement(HybridBench.Result r, long[] samples, BenchConfig cfg) {
        UintrBenchLib.Outcome o = r.bench();
        if (r.session().error() != null) {
            return Measurement.failed("hybrid supervisor: " + r.session().error());
        }
        if (r.session().timedOut()) {
            return Measurement.failed("timed out under the hybrid supervisor (--timeout-ms " + cfg.timeoutMs()
                    + "): the loop did not end");
        }
        if (o.rc() < 0) {
            return Measurement.failed("no result from the traced measurement child (errno " + -o.rc() + ")");
        }
        String seen = (o.cpuASeen() < 0 ? "?" : o.cpuASeen()) + "," + (o.cpuBSeen() < 0 ? "?" : o.cpuBSeen());
        return switch (o.status()) {
            case UintrBenchLib.STATUS_OK -> o.count() == cfg.iterations()
                    ? Measurement.ok(samples, o.count(), seen)
                    : Measurement.failed(o.count() + " samples came back, " + cfg.iterations() + " expected");
            case UintrBenchLib.STATUS_SETUP -> Measurement.failed(o.detail() + " failed under the models: errno " + o.err());
            case UintrBenchLib.STATUS_CRASHED -> Measurement.failed("traced measurement child died of signal " + o.signo());
            case UintrBenchLib.STATUS_BAD_ARG -> Measurement.failed("rejected by the native side: " + o.detail());
            default -> Measurement.failed("native status " + o.status() + ": " + o.detail());
        };
    }

    @Override
    public PtraceFloor floor(int rounds, FloorPlacement where) {
        return unavailableReason() != null ? PtraceFloor.failed(38) : UintrHybridLib.Calls.floor(rounds, where);
    }

    @Override
    public ExecPingPong execPingPong(int roundTrips, int timeoutMs) {
        String why = unavailableReason();
        if (why != null) {
            return ExecPingPong.none("hybrid unavailable: " + why);
        }
        NativeExecutable prog = NativeExecutable.find("programs/ping-pong");
        if (prog.path() == null) {
            return ExecPingPong.none(prog.problem());
        }
        Path out = null;
        try {
            out = Files.createTempFile("uintr-ping-pong-", ".out");
            // sh only redirects the program's stdout into the file and execs it (the session passes ours through).
            HybridSession.Outcome o = new HybridSession(profile, HybridSession.config(profile, null), HybridTrace.none())
                    .exec(List.of("/bin/sh", "-c", "exec \"$0\" \"$1\" > \"$2\"", prog.path().toString(),
                            Integer.toString(roundTrips), out.toString()), timeoutMs);
            String printed = Files.readString(out);
            double rt = ExecPingPong.parse(printed);
            if (o.error() != null || o.timedOut() || o.exitCode() != 0 || Double.isNaN(rt)) {
                return ExecPingPong.none("ping-pong " + roundTrips + " under exec: " + (o.error() != null ? o.error()
                        : o.timedOut() ? "timed out" : "exit " + o.exitCode() + ", printed '" + printed.strip() + "'"));
            }
            return new ExecPingPong(rt, roundTrips, o.events(), o.tracerCpuNs(), null);
        } catch (IOException e) {
            return ExecPingPong.none("ping-pong under exec: " + e.getMessage());
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }
}
