package dev.uintr.nat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An executable the native build puts beside libuintrshim.so ({@code uintr-program-exec}, the
 * example programs under {@code programs/}), found where {@link ShimFile} finds the shim
 * ({@link NativeBuildFiles}: each folder of {@code jna.library.path}, then the classpath resource),
 * a resource copied to a private temporary file and made executable.
 *
 * @param path the file to run, or null
 * @param problem why there is none, or null
 */
public record NativeExecutable(Path path, String problem) {
    /** {@code name} relative to the native build's folder, e.g. {@code programs/ping-pong}. */
    public static NativeExecutable find(String name) {
        Path onPath = NativeBuildFiles.onLibraryPath(name, Files::isRegularFile);
        if (onPath != null) {
            return new NativeExecutable(onPath.toAbsolutePath(), null);
        }
        String resource = NativeBuildFiles.resource(name);
        try (InputStream in = NativeBuildFiles.openResource(name)) {
            if (in == null) {
                return new NativeExecutable(null, name + " is not built (jna.library.path, classpath " + resource
                        + "; rebuild with mvn package)");
            }
            Path tmp = Files.createTempFile(Path.of(name).getFileName() + "-", "");
            tmp.toFile().deleteOnExit();
            Files.write(tmp, in.readAllBytes());
            if (!tmp.toFile().setExecutable(true, true)) {
                return new NativeExecutable(null, "cannot make the copy " + tmp + " of " + name + " executable");
            }
            return new NativeExecutable(tmp.toAbsolutePath(), null);
        } catch (IOException e) {
            return new NativeExecutable(null, "cannot copy " + name + " out of the classpath: " + e.getMessage());
        }
    }
}
