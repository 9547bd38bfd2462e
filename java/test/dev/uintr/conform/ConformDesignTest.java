package dev.uintr.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conform --design and the case files' design line (design.md "Blocking designs"; issue 9 item 1). */
class ConformDesignTest {
    /** The rfc-v1 post-before-arm race (uintr-kernel §5.2 item 1), its lost wake-up FORBIDDEN here. */
    static final String RACE = String.join("\n",
            "case d.race", "profiles rfc-v1",
            "thread rx: register_handler; vector_fd 0 -> $fd; stui; barrier 1; uintr_wait 0",
            "thread tx: barrier 1; register_sender $fd -> $idx; senduipi $idx",
            "outcome \"rx: register_handler(): 0; vector_fd(0): fd; stui; barrier(1); TIMEOUT\" FORBIDDEN \"lost wake-up\"",
            "outcome * ACCEPTABLE \"the rest\"", "");

    /** kernel-vector (rfc-v1's own) loses the wake-up on some seeds; kernel-vector-checked never does (design.md). */
    @Test
    void runLevelDesign_changesTheModelsDesign(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("r.case"), RACE);
        assertEquals(1, CliRunner.run("conform", "--backend", "emulated", "--seeds", "100", "--cases", dir.toString())
                .exitCode(), "rfc-v1's own design: the lost wake-up is reached");
        assertEquals(0, CliRunner.run("conform", "--backend", "emulated", "--seeds", "100", "--design",
                "kernel-vector-checked", "--cases", dir.toString()).exitCode());
    }

    /** A case's own design line wins over --design. */
    @Test
    void caseDesignLine_winsOverTheOption(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("r.case"), RACE.replace("profiles rfc-v1", "profiles rfc-v1\ndesign kernel-vector-checked"));
        assertEquals(0, CliRunner.run("conform", "--backend", "emulated", "--seeds", "100", "--design", "kernel-vector",
                "--cases", dir.toString()).exitCode());
    }

    @Test
    void badDesign_exit2_namesTheOption() {
        CliRunner.Result r = CliRunner.run("conform", "--backend", "emulated", "--design", "telepathy");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--design: unknown blocking design 'telepathy'"), r.err());
    }

    /** A design a real kernel lacks is SKIP natively, naming it (never a pass). */
    @Test
    void nativeRun_ofAModelOnlyDesign_isSkipWithTheReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("r.case"), RACE);
        CliRunner.Result r = CliRunner.run("conform", "--backend", "native", "--design", "naive", "--format", "ktap",
                "--cases", dir.toString());
        assertEquals(4, r.exitCode(), r.out());
        assertTrue(r.out().contains("SKIP blocking design naive exists only in the kernel model"), r.out());
    }
}
