package dev.uintr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uintr.cli.ExitCodes;
import org.junit.jupiter.api.Test;

/** The one exit-code type: the CLI's constants are its codes, and worst() keeps the old order. */
class VerdictTest {
    @Test
    void exitCodesAreTheVerdicts() {
        assertEquals(ExitCodes.OK, Verdict.PASS.exitCode());
        assertEquals(ExitCodes.FAILED, Verdict.FAILED.exitCode());
        assertEquals(ExitCodes.USAGE, Verdict.BAD_INPUT.exitCode());
        assertEquals(ExitCodes.ALL_SKIPPED, Verdict.ALL_SKIPPED.exitCode());
        assertEquals(ExitCodes.INTERNAL, Verdict.INTERNAL.exitCode());
    }

    @Test
    void worst_failureOverBadInputOverSkip() {
        assertEquals(Verdict.FAILED, Verdict.BAD_INPUT.worst(Verdict.FAILED));
        assertEquals(Verdict.BAD_INPUT, Verdict.ALL_SKIPPED.worst(Verdict.BAD_INPUT));
        assertEquals(Verdict.ALL_SKIPPED, Verdict.PASS.worst(Verdict.ALL_SKIPPED));
        assertEquals(Verdict.INTERNAL, Verdict.FAILED.worst(Verdict.INTERNAL));
        assertEquals(ExitCodes.FAILED, ExitCodes.worst(ExitCodes.USAGE, ExitCodes.FAILED));
        assertEquals(Verdict.FAILED, Verdict.of(true, true));
        assertEquals(Verdict.ALL_SKIPPED, Verdict.of(false, true));
    }
}
