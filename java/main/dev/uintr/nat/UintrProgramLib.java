package dev.uintr.nat;

import com.sun.jna.Library;
import java.util.Optional;

/**
 * JNA mirror of native/include/uintr_program.h, name for name, bound to libuintrshim.so with
 * {@code ShimLoader.bind(UintrProgramLib.class)}. Other packages use the plain-Java facade
 * {@link Calls} (byte arrays in, byte arrays out), so only package {@code nat} touches JNA.
 */
public interface UintrProgramLib extends Library {
    /** The USH_PROG_ABI_VERSION this interface (and dev.uintr.backend.NativeBackendCodec) was written against. */
    int ABI_VERSION = 4;

    int ush_program_abi();

    int ush_program_out_size();

    int ush_program_run(byte[] prog, int len, byte[] out, int outlen, int timeoutMs);

    /** The executable an exec step runs (uintr-program-exec); 0 or -EINVAL. */
    int ush_program_set_exec(String path);

    /** The facade the backend uses. */
    final class Calls {
        private static final Optional<UintrProgramLib> LIB = ShimLoader.bind(UintrProgramLib.class);

        private Calls() {}

        /** Why the runner cannot be called, or null when it can. */
        public static String unavailableReason() {
            return ShimLoader.partProblem(LIB, "program runner", UintrProgramLib::ush_program_abi, ABI_VERSION);
        }

        /** sizeof(ush_prog_out). */
        public static int outSize() {
            return LIB.orElseThrow().ush_program_out_size();
        }

        /**
         * Why an exec step cannot run here (the exec runner is missing or does not start), or null
         * when it can: then the runner knows the file to run. Found and checked once.
         */
        public static synchronized String execProblem() {
            String why = unavailableReason();
            if (why != null) {
                return why;
            }
            if (execProblem == null) {
                ExecRunner found = ExecRunner.locate(ABI_VERSION);
                execProblem = found.problem() != null ? found.problem()
                        : LIB.orElseThrow().ush_program_set_exec(found.path().toString()) == 0 ? ""
                        : "the exec runner's path is too long: " + found.path();
            }
            return execProblem.isEmpty() ? null : execProblem;
        }

        private static String execProblem;

        /** Runs an encoded program; 0 and {@code out} filled, or -errno. */
        public static int run(byte[] prog, byte[] out, int timeoutMs) {
            return LIB.orElseThrow().ush_program_run(prog, prog.length, out, out.length, timeoutMs);
        }
    }
}
