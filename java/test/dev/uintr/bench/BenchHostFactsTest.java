package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uintr.AbiProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchHostFactsTest {

    @Test
    void kallsyms_decidesTheAbiBySymbolName_designItem8(@TempDir Path dir) throws Exception {
        Path later = Files.writeString(dir.resolve("later"),
                "0000000000000000 T __x64_sys_uintr_register_handler\n0000000000000000 T __x64_sys_uintr_vector_fd\n");
        Path rfc = Files.writeString(dir.resolve("rfc"), "ffffffff81000000 T __x64_sys_uintr_create_fd\n");
        Path none = Files.writeString(dir.resolve("none"), "ffffffff81000000 T __x64_sys_futex_waitv\n");
        assertEquals(AbiProfile.LATER, BenchHostFacts.kallsymsAbi(later));
        assertEquals(AbiProfile.RFC_V1, BenchHostFacts.kallsymsAbi(rfc));
        assertEquals(AbiProfile.NONE, BenchHostFacts.kallsymsAbi(none));
        assertEquals(AbiProfile.NONE, BenchHostFacts.kallsymsAbi(dir.resolve("missing")));
    }

    @Test
    void cpuinfo_firstProcessorOnly(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nmodel name\t: CPU Zero\nflags\t\t: a b\n\n"
                + "processor\t: 1\nmodel name\t: CPU One\n");
        assertEquals("CPU Zero", BenchHostFacts.cpuinfo(f).get("model name"));
        assertEquals("a b", BenchHostFacts.cpuinfo(f).get("flags"));
    }

    @Test
    void smtAndGovernor_fromSys_unknownWhenAbsent(@TempDir Path sys) throws Exception {
        assertEquals("unknown", HostSnapshot.readSmt(sys));
        assertEquals("unknown", HostSnapshot.readGovernor(sys, CpuPair.DEFAULT));
        Files.createDirectories(sys.resolve("devices/system/cpu/smt"));
        Files.writeString(sys.resolve("devices/system/cpu/smt/active"), "1\n");
        for (int cpu = 0; cpu < 2; cpu++) {
            Path d = Files.createDirectories(sys.resolve("devices/system/cpu/cpu" + cpu + "/cpufreq"));
            Files.writeString(d.resolve("scaling_governor"), cpu == 0 ? "performance\n" : "powersave\n");
        }
        assertEquals("yes", HostSnapshot.readSmt(sys));
        assertEquals("performance/powersave", HostSnapshot.readGovernor(sys, CpuPair.DEFAULT));
    }
}
