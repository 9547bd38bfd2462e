package dev.uintr.bench;

import dev.uintr.backend.HostFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The host facts that change a latency answer, as report columns. Text is "unknown" when a
 * fact could not be read, never 0 or empty (style: OSHI's sentinels).
 *
 * @param cpuModel          brand string
 * @param kernel            uname -r
 * @param kernelAbi         uintr syscall generation (rfc-v1, later, none)
 * @param cpuidUintr        CPUID.(7,0):EDX[5]
 * @param kpti              page-table isolation (yes/no/unknown)
 * @param smt               SMT active (yes/no/unknown) from /sys/devices/system/cpu/smt/active
 * @param governor          cpufreq governor of the pinned CPUs ("unknown" where cpufreq is absent, as in most VMs)
 * @param invariantTsc      yes/no/unknown
 * @param tscHz             calibrated TSC rate, ticks per second (0 only when it could not be measured)
 * @param timerOverheadTicks median of back-to-back RDTSCP deltas; -1 when not measured (no shim): written "unknown"
 * @param pinning           "a,b" as requested; on emulated rows the emulated CPUs ("emu0,emu1")
 */
public record HostSnapshot(String cpuModel, String kernel, String kernelAbi, String cpuidUintr, String kpti,
                           String smt, String governor, String invariantTsc, long tscHz, long timerOverheadTicks,
                           String pinning) {

    public static final String UNKNOWN = "unknown";

    /** The same facts with another {@code pinning} (emulated rows: their emulated CPUs). */
    public HostSnapshot withPinning(String newPinning) {
        return new HostSnapshot(cpuModel, kernel, kernelAbi, cpuidUintr, kpti, smt, governor, invariantTsc, tscHz,
                timerOverheadTicks, newPinning);
    }

    /** The timer overhead in nanoseconds (NaN when it or the TSC rate is unknown). */
    public double timerOverheadNs() {
        return tscHz > 0 && timerOverheadTicks >= 0 ? timerOverheadTicks * 1e9 / tscHz : Double.NaN;
    }

    /** Builds the snapshot from the probe's facts plus what only the bench needs (SMT, governor). */
    public static HostSnapshot of(HostFacts f, long tscHz, long timerOverheadTicks, CpuPair cpus, Path sysRoot) {
        return new HostSnapshot(
                orUnknown(f.cpuName()),
                orUnknown(f.kernelRelease()),
                f.kernelAbi() == null ? UNKNOWN : f.kernelAbi().id(),
                String.valueOf(f.cpuidUintr()),
                String.valueOf(f.kpti()),
                readSmt(sysRoot),
                readGovernor(sysRoot, cpus),
                String.valueOf(f.invariantTsc()),
                tscHz,
                timerOverheadTicks,
                cpus.toString());
    }

    static String readSmt(Path sysRoot) {
        String v = readLine(sysRoot.resolve("devices/system/cpu/smt/active"));
        if (v == null) {
            return UNKNOWN;
        }
        return switch (v) {
            case "1" -> "yes";
            case "0" -> "no";
            default -> UNKNOWN;
        };
    }

    /** The governor of CPU a (and of b when it differs: "a-gov/b-gov"). */
    static String readGovernor(Path sysRoot, CpuPair cpus) {
        String a = readLine(sysRoot.resolve("devices/system/cpu/cpu" + cpus.a() + "/cpufreq/scaling_governor"));
        String b = readLine(sysRoot.resolve("devices/system/cpu/cpu" + cpus.b() + "/cpufreq/scaling_governor"));
        if (a == null && b == null) {
            return UNKNOWN;
        }
        a = a == null ? UNKNOWN : a;
        b = b == null ? UNKNOWN : b;
        return a.equals(b) ? a : a + "/" + b;
    }

    private static String readLine(Path p) {
        try {
            String s = Files.readString(p).trim();
            return s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? UNKNOWN : s;
    }
}
