package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.nat.UintrProgramLib;
import dev.uintr.program.CaseSpec;
import dev.uintr.program.Observation;

/**
 * Calls the shim's program runner (native/src/program_runner.c) for one run of a case and
 * decodes what it recorded. {@code kernelConfirmed}: the probe confirmed the host kernel
 * speaks the profile; without it every uintr syscall number is passed as -1 and the runner
 * answers -ENOSYS without making the call.
 */
public final class NativeBackendRunner {
    public static final int DEFAULT_TIMEOUT_MS = 5_000;

    /** One run: the observation, whether the child was killed on timeout, or an error (then the rest is null). */
    public record Result(Observation observation, boolean timedOut, String error) {}

    private NativeBackendRunner() {}

    /** Why the runner cannot be called here, or null. */
    public static String unavailable() {
        String why = UintrProgramLib.Calls.unavailableReason();
        if (why == null && UintrProgramLib.Calls.outSize() != NativeBackendCodec.OUT_SIZE) {
            return "libuintrshim.so's ush_prog_out is " + UintrProgramLib.Calls.outSize() + " bytes, this harness expects "
                    + NativeBackendCodec.OUT_SIZE;
        }
        return why;
    }

    /**
     * Why a case with an exec step cannot run on the runner here (the exec runner, see
     * UintrProgramLib.Calls#execProblem), or null: also null for a case without exec.
     */
    public static String execUnavailable(CaseSpec c) {
        boolean exec = c.allPrograms().stream().anyMatch(t -> t.steps().stream().anyMatch(s -> s.op() == dev.uintr.program.Op.EXEC));
        if (!exec || unavailable() != null) {
            return null;
        }
        String why = UintrProgramLib.Calls.execProblem();
        return why == null ? null : "exec step: " + why;
    }

    /** One run at a time: the runner keeps the program in the shim's globals while its child starts. */
    public static synchronized Result run(CaseSpec c, AbiProfile p, boolean kernelConfirmed, int timeoutMs) {
        String why = unavailable();
        if (why != null) {
            return new Result(null, false, why);
        }
        byte[] prog;
        try {
            prog = NativeBackendCodec.encode(c, p, kernelConfirmed, HostSyscalls.current());
        } catch (IllegalArgumentException e) {
            return new Result(null, false, e.getMessage());
        }
        byte[] out = new byte[NativeBackendCodec.OUT_SIZE];
        int rc = UintrProgramLib.Calls.run(prog, out, timeoutMs);
        if (rc < 0) {
            return new Result(null, false, "program runner failed: errno " + -rc);
        }
        NativeBackendCodec.Decoded d = NativeBackendCodec.decode(c, out);
        return new Result(d.observation(), d.timedOut(), null);
    }
}
