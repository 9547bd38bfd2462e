package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.program.CaseSpec;
import dev.uintr.program.Observation;

/**
 * Calls the shim's program runner (native/src/program_*.c) for one run of a case and
 * decodes what it recorded. {@code kernelConfirmed}: the probe confirmed the host kernel
 * speaks the profile; without it every uintr syscall number is passed as -1 and the runner
 * answers -ENOSYS without making the call.
 */
public final class NativeBackendRunner {
    public static final int DEFAULT_TIMEOUT_MS = 5_000;

    /** One run: the observation, whether the child was killed on timeout, or an error. */
    public record Result(Observation observation, boolean timedOut, String error) {}

    private NativeBackendRunner() {}

    /** Why the runner cannot be called here, or null. */
    public static String unavailable() {
        return "the native program runner is not built into libuintrshim.so yet";
    }

    public static Result run(CaseSpec c, AbiProfile p, boolean kernelConfirmed, int timeoutMs) {
        return new Result(null, false, unavailable());
    }
}
