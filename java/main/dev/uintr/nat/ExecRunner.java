package dev.uintr.nat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Finds the executable a case's exec step runs (native/exec/program_exec.c, built beside
 * libuintrshim.so as {@code uintr-program-exec}) and checks that it starts here: the same search
 * as {@link ShimFile} (each folder of {@code jna.library.path}, then the classpath resource, copied
 * to a private temporary file and made executable), then {@code uintr-program-exec --probe} must
 * print its ABI. A temporary folder mounted noexec, a missing or stale build: a problem, so a
 * case with exec is SKIP with it, never a run that cannot continue after its exec. Found by
 * {@link NativeExecutable}.
 *
 * @param path the file to run, or null
 * @param problem why there is none, or null
 */
record ExecRunner(Path path, String problem) {
    static final String NAME = "uintr-program-exec";

    static ExecRunner locate(int abi) {
        NativeExecutable e = NativeExecutable.find(NAME);
        return e.path() == null ? new ExecRunner(null, "the exec runner " + e.problem()) : probe(e.path(), abi);
    }

    /** Runs {@code p --probe}: it must print "uintr-program-exec ABI" and exit 0 within 10 s. */
    static ExecRunner probe(Path p, int abi) {
        String want = NAME + " " + abi;
        try {
            Process proc = new ProcessBuilder(p.toString(), "--probe").redirectErrorStream(true).start();
            byte[] out = proc.getInputStream().readNBytes(256);
            if (!proc.waitFor(10, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return new ExecRunner(null, "the exec runner " + p + " did not answer --probe within 10 s");
            }
            String got = new String(out, StandardCharsets.US_ASCII).strip();
            if (proc.exitValue() != 0 || !got.equals(want)) {
                return new ExecRunner(null, "the exec runner " + p + " answered --probe with exit " + proc.exitValue()
                        + " and '" + got + "', not '" + want + "' (rebuild with mvn package)");
            }
            return new ExecRunner(p, null);
        } catch (IOException e) {
            return new ExecRunner(null, "the exec runner " + p + " does not start here: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecRunner(null, "interrupted while probing the exec runner " + p);
        }
    }
}
