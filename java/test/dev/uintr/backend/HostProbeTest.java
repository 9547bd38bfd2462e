package dev.uintr.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.nat.ShimLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class HostProbeTest {

    /** A canned SPR host with an rfc-v1 kernel and KPTI off, probed without the shim. */
    @Test
    void cannedUintrHost_withoutShim(@TempDir Path root) throws IOException {
        write(root, "proc/cpuinfo", CpuInfoTest.SPR);
        write(root, "proc/sys/kernel/osrelease", "5.15.0-uintr\n");
        write(root, "proc/kallsyms", KernelUintrTest.RFC_V1);
        write(root, "sys/devices/system/cpu/vulnerabilities/meltdown", "Not affected\n");
        HostFacts h = HostProbe.probe(root, Optional.empty(), "not built: gcc not found on PATH");
        assertEquals("GenuineIntel", h.cpuVendor());
        assertEquals(143, h.cpuModel());
        assertTrue(h.procUintrFlag());
        assertEquals(Tri.UNKNOWN, h.cpuidUintr(), "without the shim CPUID is not read");
        assertEquals(AbiProfile.RFC_V1, h.kernelAbi());
        assertEquals("5.15.0-uintr", h.kernelRelease());
        assertEquals(Tri.NO, h.kpti());
        assertEquals(Tri.YES, h.invariantTsc(), "constant_tsc + nonstop_tsc");
        assertEquals(BackendKind.EMULATED, h.autoBackend());
        assertTrue(h.autoReason().contains("gcc not found"), h.autoReason());
    }

    @Test
    void systemMapFallback_whenKallsymsUnreadable(@TempDir Path root) throws IOException {
        write(root, "proc/cpuinfo", CpuInfoTest.SPR);
        write(root, "proc/sys/kernel/osrelease", "6.1.0-uintr-next\n");
        write(root, "boot/System.map-6.1.0-uintr-next", KernelUintrTest.LATER);
        HostFacts h = HostProbe.probe(root, Optional.empty(), "off");
        assertEquals(AbiProfile.LATER, h.kernelAbi());
        assertTrue(h.kernelAbiHow().contains("System.map"), h.kernelAbiHow());
    }

    @Test
    void nothingReadable_isUnknownNotZero(@TempDir Path root) {
        HostFacts h = HostProbe.probe(root, Optional.empty(), "off");
        assertEquals("unknown", h.cpuVendor());
        assertEquals("unknown", h.kernelRelease());
        assertEquals(AbiProfile.NONE, h.kernelAbi());
        assertEquals(Tri.UNKNOWN, h.kpti());
        assertEquals(Tri.UNKNOWN, h.invariantTsc());
        assertEquals(BackendKind.EMULATED, h.autoBackend());
    }

    /** The acceptance test: the probe of this host agrees with /proc/cpuinfo. */
    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void thisHost_matchesProcCpuinfo() throws IOException {
        CpuInfo cpu = CpuInfo.parse(Files.readString(Path.of("/proc/cpuinfo")));
        HostFacts h = HostProbe.probe();
        dev.uintr.nat.ShimRequirement.require();
        assertTrue(h.shimLoaded(), "shim: " + ShimLoader.failure());
        // CPUID read by the shim agrees with what the kernel reports.
        assertEquals(cpu.vendor(), h.cpuVendor());
        assertEquals(cpu.family(), h.cpuFamily());
        assertEquals(cpu.model(), h.cpuModel());
        assertEquals(cpu.stepping(), h.cpuStepping());
        assertEquals(cpu.hasFlag("uintr"), h.procUintrFlag());
        assertFalse(h.kernelRelease().isBlank());
        if (!cpu.hasFlag("uintr")) {
            // No uintr flag: the kernel does not drive UINTR, so no ABI and no native backend.
            assertEquals(AbiProfile.NONE, h.kernelAbi(), h.kernelAbiHow());
            assertEquals(BackendKind.EMULATED, h.autoBackend());
            assertTrue(h.autoReason().contains("no uintr syscalls"), h.autoReason());
            if (cpu.vendor().equals("AuthenticAMD")) {
                assertEquals(Tri.NO, h.cpuidUintr(), "no AMD CPU implements UINTR");
                assertTrue(h.autoReason().contains("CPUID.(7,0):EDX[5] = 0"), h.autoReason());
            }
        } else {
            assertEquals(Tri.YES, h.cpuidUintr(), "the kernel shows uintr, so CPUID must");
        }
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
