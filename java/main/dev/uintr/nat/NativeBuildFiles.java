package dev.uintr.nat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Where the files of the native build are looked for, in one order for the shim and for the
 * executables beside it: each folder of {@code jna.library.path}, then the classpath resource
 * under {@link #RESOURCE_DIR} (where {@code mvn package} puts them).
 */
final class NativeBuildFiles {
    /** The classpath folder of the native build (JNA's resource prefix for this platform). */
    static final String RESOURCE_DIR = "/linux-x86-64/";

    private NativeBuildFiles() {}

    /** The first {@code name} (relative to the build folder) in a folder of jna.library.path that {@code accept}s, or null. */
    static Path onLibraryPath(String name, Predicate<Path> accept) {
        for (String d : System.getProperty("jna.library.path", "").split(java.io.File.pathSeparator)) {
            if (!d.isBlank()) {
                Path p = Path.of(d).resolve(name);
                if (accept.test(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The classpath resource name of {@code name}. */
    static String resource(String name) {
        return RESOURCE_DIR + name;
    }

    /** The classpath copy of {@code name}, or null where the build did not put one. */
    static InputStream openResource(String name) {
        return NativeBuildFiles.class.getResourceAsStream(resource(name));
    }
}
