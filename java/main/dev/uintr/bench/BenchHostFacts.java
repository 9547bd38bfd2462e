package dev.uintr.bench;

import dev.uintr.AbiProfile;
import dev.uintr.backend.BackendKind;
import dev.uintr.backend.HostFacts;
import dev.uintr.backend.Tri;
import dev.uintr.nat.ShimLoader;
import dev.uintr.nat.UintrBenchLib;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal reader of the {@link HostFacts} the bench needs, for {@code uintr-harness bench}
 * run on its own. The lead's {@code dev.uintr.backend.HostProbe} is the real probe (and
 * {@code run} hands its facts to {@link dev.uintr.cli.BenchStage}); once it is on main,
 * BenchCommand should call it instead and this class can go.
 *
 * <p>It never calls a uintr syscall: the kernel ABI is read from the symbol names in
 * /proc/kallsyms (design.md item 8), and only when the CPU reports UINTR at all.
 */
public final class BenchHostFacts {
    private BenchHostFacts() {}

    /** Reads this host's facts. */
    public static HostFacts read() {
        return read(Path.of("/proc"), Path.of("/sys"));
    }

    /** Reads the facts with /proc and /sys at the given roots (tests pass canned trees). */
    public static HostFacts read(Path procRoot, Path sysRoot) {
        Map<String, String> cpu = cpuinfo(procRoot.resolve("cpuinfo"));
        Set<String> flags = Set.of(cpu.getOrDefault("flags", "").split("\\s+"));
        // A leaf above the CPU's maximum returns another leaf's data on Intel: check the maxima first.
        int maxBasic = UintrBenchLib.Calls.cpuid(0, 0).map(r -> r[0]).orElse(0);
        int maxExt = UintrBenchLib.Calls.cpuid(0x80000000, 0).map(r -> r[0]).orElse(0);
        Optional<int[]> leaf7 = UintrBenchLib.Calls.cpuid(7, 0).filter(r -> maxBasic >= 7);
        Optional<int[]> leaf71 = UintrBenchLib.Calls.cpuid(7, 1).filter(r -> maxBasic >= 7);
        Optional<int[]> leafInv = UintrBenchLib.Calls.cpuid(0x80000007, 0)
                .filter(r -> Integer.compareUnsigned(maxExt, 0x80000007) >= 0);
        Tri cpuidUintr = leaf7.map(r -> Tri.of((r[3] >>> 5 & 1) == 1)).orElse(Tri.UNKNOWN);
        Tri uiretUif = leaf71.map(r -> Tri.of((r[3] >>> 17 & 1) == 1)).orElse(Tri.UNKNOWN);
        boolean procUintr = flags.contains("uintr");

        AbiProfile abi = AbiProfile.NONE;
        String abiHow;
        if (cpuidUintr != Tri.YES && !procUintr) {
            abiHow = "CPU reports no UINTR (CPUID.(7,0):EDX[5] and /proc/cpuinfo): kernel not consulted";
        } else {
            abi = kallsymsAbi(procRoot.resolve("kallsyms"));
            abiHow = abi == AbiProfile.NONE ? "no uintr syscall symbols in /proc/kallsyms"
                    : "symbol sys_uintr_" + (abi == AbiProfile.LATER ? "vector_fd" : "create_fd") + " in /proc/kallsyms";
        }

        String meltdown = readLine(sysRoot.resolve("devices/system/cpu/vulnerabilities/meltdown"));
        Tri kpti = meltdown == null ? Tri.UNKNOWN
                : Tri.of(meltdown.contains("PTI"));
        Tri invariant = leafInv.filter(r -> (r[3] >>> 8 & 1) == 1).map(r -> Tri.YES)
                .orElse(flags.contains("constant_tsc") && flags.contains("nonstop_tsc") ? Tri.YES
                        : cpu.isEmpty() ? Tri.UNKNOWN : Tri.NO);
        boolean nativeOk = cpuidUintr == Tri.YES && abi != AbiProfile.NONE && kpti == Tri.NO;
        return new HostFacts(
                cpu.getOrDefault("vendor_id", HostSnapshot.UNKNOWN),
                intOr(cpu.get("cpu family")),
                intOr(cpu.get("model")),
                intOr(cpu.get("stepping")),
                cpu.getOrDefault("model name", HostSnapshot.UNKNOWN),
                cpuidUintr,
                uiretUif,
                procUintr,
                Optional.ofNullable(readLine(procRoot.resolve("sys/kernel/osrelease"))).orElse(HostSnapshot.UNKNOWN),
                abi,
                abiHow,
                kpti,
                meltdown == null ? "vulnerabilities/meltdown not readable" : "vulnerabilities/meltdown: " + meltdown,
                invariant,
                0,
                ShimLoader.SHIM.isPresent(),
                ShimLoader.describe(),
                nativeOk ? BackendKind.NATIVE : BackendKind.EMULATED,
                nativeOk ? "UINTR CPU, uintr kernel, KPTI off" : "no UINTR hardware or kernel (or KPTI on)");
    }

    /** The first processor's fields of /proc/cpuinfo; empty when unreadable. */
    static Map<String, String> cpuinfo(Path file) {
        Map<String, String> m = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    if (!m.isEmpty()) {
                        break;
                    }
                    continue;
                }
                int c = line.indexOf(':');
                if (c > 0) {
                    m.putIfAbsent(line.substring(0, c).trim(), line.substring(c + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: every fact stays unknown
        }
        return m;
    }

    /** LATER when sys_uintr_vector_fd is a kernel symbol, RFC_V1 for sys_uintr_create_fd, else NONE. */
    static AbiProfile kallsymsAbi(Path kallsyms) {
        boolean createFd = false;
        try (BufferedReader r = Files.newBufferedReader(kallsyms)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.endsWith("sys_uintr_vector_fd")) {
                    return AbiProfile.LATER;
                }
                if (line.endsWith("sys_uintr_create_fd")) {
                    createFd = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return AbiProfile.NONE;
        }
        return createFd ? AbiProfile.RFC_V1 : AbiProfile.NONE;
    }

    private static String readLine(Path p) {
        try {
            String s = Files.readString(p).trim();
            return s.isEmpty() ? null : s;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int intOr(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
