package dev.uintr.nat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Finds the executable a case's exec step runs (native/exec/program_exec.c, built beside
 * libuintrshim.so as {@code uintr-program-exec}) and checks that it starts here: the same search
 * as {@link ShimFile} (each folder of {@code jna.library.path}, then the classpath resource, copied
 * to a private temporary file and made executable), then {@code uintr-program-exec --probe} must
 * print its ABI. A temporary folder mounted noexec, a missing or stale build: a problem, so a
 * case with exec is SKIP with it, never a run that cannot continue after its exec.
 *
 * @param path the file to run, or null
 * @param problem why there is none, or null
 */
record ExecRunner(Path path, String problem) {
    static final String NAME = "uintr-program-exec";
    static final String RESOURCE = "/linux-x86-64/" + NAME;

    static ExecRunner locate(int abi) {
        for (String d : System.getProperty("jna.library.path", "").split(java.io.File.pathSeparator)) {
            Path p = d.isBlank() ? null : Path.of(d).resolve(NAME);
            if (p != null && Files.exists(p)) {
                return probe(p.toAbsolutePath(), abi);
            }
        }
        try (InputStream in = ExecRunner.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new ExecRunner(null, "the exec runner " + NAME + " is not built (jna.library.path, classpath "
                        + RESOURCE + "; rebuild with mvn package)");
            }
            Path tmp = Files.createTempFile(NAME + "-", "");
            tmp.toFile().deleteOnExit();
            Files.write(tmp, in.readAllBytes());
            if (!tmp.toFile().setExecutable(true, true)) {
                return new ExecRunner(null, "cannot make the exec runner's copy " + tmp + " executable");
            }
            return probe(tmp.toAbsolutePath(), abi);
        } catch (IOException e) {
            return new ExecRunner(null, "cannot copy the exec runner out of the classpath: " + e.getMessage());
        }
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
