package dev.uintr.nat;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests that need the native shim. Where the build could not make it (native/build.sh
 * wrote "not built: why" into uintrshim-build.txt: no gcc, USH_SKIP_NATIVE=1), the test is
 * SKIPPED with that reason; where the build made it but it does not load, the test FAILS.
 */
public final class ShimRequirement {
    private ShimRequirement() {}

    /** The build's one-line note, or "" when there is none. */
    public static String buildNote() {
        try (InputStream in = ShimRequirement.class.getResourceAsStream("/uintrshim-build.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** The loaded shim; skips the test when the build says it was not built, fails otherwise. */
    public static UintrShim require() {
        if (ShimLoader.SHIM.isPresent()) {
            return ShimLoader.SHIM.get();
        }
        String note = buildNote();
        Assumptions.assumeFalse(note.startsWith("not built"), () -> "the shim was " + note);
        return fail("the build says '" + note + "' but the shim does not load: " + ShimLoader.failure());
    }
}
