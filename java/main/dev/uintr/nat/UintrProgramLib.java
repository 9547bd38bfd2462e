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
    int ABI_VERSION = 3;

    int ush_program_abi();

    int ush_program_out_size();

    int ush_program_run(byte[] prog, int len, byte[] out, int outlen, int timeoutMs);

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

        /** Runs an encoded program; 0 and {@code out} filled, or -errno. */
        public static int run(byte[] prog, byte[] out, int timeoutMs) {
            return LIB.orElseThrow().ush_program_run(prog, prog.length, out, out.length, timeoutMs);
        }
    }
}
