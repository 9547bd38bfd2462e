package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.nat.ShimLoader;
import dev.uintr.nat.UintrShim;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the host once into {@link HostFacts}. CPU facts come from the CPUID instruction in
 * the shim when it is loaded, else from /proc/cpuinfo; the kernel's uintr ABI from its
 * symbol table only (no syscall is ever called to find out). The file-system root is
 * configurable ({@code -Duintr.proc.root=DIR}) so tests can feed canned /proc and /sys trees.
 */
public final class HostProbe {
    private static volatile HostFacts cached;

    private HostProbe() {}

    /** The facts of this host, probed on first use. */
    public static HostFacts probe() {
        HostFacts f = cached;
        if (f == null) {
            synchronized (HostProbe.class) {
                if (cached == null) {
                    cached = probe(Path.of(System.getProperty("uintr.proc.root", "/")), ShimLoader.SHIM,
                            ShimLoader.SHIM.isPresent() ? ShimLoader.buildInfo() : ShimLoader.failure());
                }
                f = cached;
            }
        }
        return f;
    }

    /** Probes with an explicit root and shim (tests). */
    public static HostFacts probe(Path root, Optional<UintrShim> shim, String shimDetail) {
        CpuInfo cpu = readText(root.resolve("proc/cpuinfo")).map(CpuInfo::parse).orElse(CpuInfo.UNKNOWN);
        String release = readText(root.resolve("proc/sys/kernel/osrelease")).map(String::trim).orElse("unknown");
        KernelUintr kernel = kernelUintr(root, release);
        Kpti kpti = Kpti.decide(readText(root.resolve("sys/devices/system/cpu/vulnerabilities/meltdown")).orElse(null), cpu);

        String vendor = cpu.vendor(), name = cpu.modelName();
        int family = cpu.family(), model = cpu.model(), stepping = cpu.stepping();
        Tri uintr = Tri.UNKNOWN, uiretUif = Tri.UNKNOWN, invariant;
        long tscHz = 0;
        if (shim.isPresent()) {
            UintrShim s = shim.get();
            CpuidReader id = new CpuidReader(s);
            vendor = id.vendor();
            int[] sig = id.signature();
            family = sig[0];
            model = sig[1];
            stepping = sig[2];
            String brand = id.brand();
            if (!brand.isEmpty()) {
                name = brand;
            }
            uintr = id.uintr();
            uiretUif = id.uiretUif();
            invariant = id.invariantTsc();
            tscHz = s.ush_tsc_hz(50);
        } else {
            invariant = cpu.flags().isEmpty() ? Tri.UNKNOWN
                    : Tri.of(cpu.hasFlag("constant_tsc") && cpu.hasFlag("nonstop_tsc"));
        }
        BackendSelector.Choice choice = BackendSelector.choose(shim.isPresent(), shimDetail, uintr, kernel.abi(), kpti.on());
        return new HostFacts(vendor, family, model, stepping, name, uintr, uiretUif, cpu.hasFlag("uintr"), release,
                kernel.abi(), kernel.how(), kpti.on(), kpti.how(), invariant, tscHz, shim.isPresent(),
                shimDetail == null ? "unknown" : shimDetail, choice.kind(), choice.reason());
    }

    private static KernelUintr kernelUintr(Path root, String release) {
        Optional<String> kallsyms = readText(root.resolve("proc/kallsyms"));
        if (kallsyms.isPresent() && !kallsyms.get().isEmpty()) {
            return KernelUintr.fromSymbols(kallsyms.get(), "/proc/kallsyms");
        }
        Path map = root.resolve("boot/System.map-" + release);
        Optional<String> systemMap = readText(map);
        if (systemMap.isPresent()) {
            return KernelUintr.fromSymbols(systemMap.get(), "/boot/System.map-" + release);
        }
        return new KernelUintr(AbiProfile.NONE, "neither /proc/kallsyms nor /boot/System.map-" + release
                + " is readable: uintr not confirmed, so no uintr syscall is tried");
    }

    static Optional<String> readText(Path p) {
        try {
            return Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
