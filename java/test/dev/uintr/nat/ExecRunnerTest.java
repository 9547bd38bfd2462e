package dev.uintr.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The exec runner is used only when it starts here and answers with this harness's ABI; otherwise a reason, never a run. */
class ExecRunnerTest {
    @Test
    void builtRunner_answersTheProbe() {
        ShimRequirement.require();
        ExecRunner r = ExecRunner.locate(UintrProgramLib.ABI_VERSION);
        assertNull(r.problem(), "the build puts uintr-program-exec beside the shim");
        assertTrue(Files.isExecutable(r.path()));
        assertNull(UintrProgramLib.Calls.execProblem());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void notExecutable_orWrongAnswer_isAProblemNamingTheFile(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("uintr-program-exec"), "not a program\n");
        ExecRunner r = ExecRunner.probe(text, 4);
        assertNull(r.path());
        assertTrue(r.problem().contains("does not start here") && r.problem().contains(text.toString()), r.problem());
        ExecRunner silent = ExecRunner.probe(Path.of("/bin/true"), 4);
        assertNull(silent.path());
        assertEquals("the exec runner /bin/true answered --probe with exit 0 and '', not 'uintr-program-exec 4' "
                + "(rebuild with mvn package)", silent.problem());
    }
}
