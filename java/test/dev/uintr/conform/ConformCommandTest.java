package dev.uintr.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uintr.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformCommandTest {
    @Test
    void emulatedSuite_passes_exit0() {
        assertEquals(0, Main.execute("conform", "--backend", "emulated", "--seeds", "3", "--format", "table"));
    }

    @Test
    void nativeHere_everythingSkipped_exit4_orRuns() {
        boolean uintrHost = dev.uintr.backend.HostProbe.probe().cpuidUintr() == dev.uintr.backend.Tri.YES;
        int rc = Main.execute("conform", "--backend", "native", "--case", "senduipi.*", "--seeds", "1");
        if (!uintrHost) {
            assertEquals(4, rc);
        }
    }

    @Test
    void badInput_exit2(@TempDir Path dir) throws Exception {
        assertEquals(2, Main.execute("conform", "--backend", "sideways"));
        assertEquals(2, Main.execute("conform", "--case", "no.such.*"));
        assertEquals(2, Main.execute("conform", "--format", "xml"));
        Files.writeString(dir.resolve("bad.case"), "case a.b\nprofiles later\nthread t: senduipi\n");
        assertEquals(2, Main.execute("conform", "--cases", dir.toString()));
    }

    @Test
    void failingCase_exit1(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("f.case"), "case a.b\nprofiles later\nthread t: senduipi 0\n"
                + "outcome * FORBIDDEN \"every outcome forbidden\"\n");
        assertEquals(1, Main.execute("conform", "--backend", "emulated", "--cases", dir.toString()));
    }
}
