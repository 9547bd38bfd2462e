package dev.uintr.nat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Finds the libuintrshim.so the loader would use and checks it with {@link ElfCheck} before
 * anything maps it. Search order ({@link NativeBuildFiles}): each folder of {@code jna.library.path},
 * then the classpath resource {@code linux-x86-64/libuintrshim.so}, which is copied to a private
 * temporary file so the bytes checked are the bytes loaded.
 *
 * @param path the checked file to load, or null when there is none
 * @param problem why it must not be loaded, or null when it may
 * @param exported the functions it exports (empty unless it may be loaded)
 */
record ShimFile(Path path, String problem, Set<String> exported) {
    static final String NAME = "libuintrshim.so";
    static final String RESOURCE = NativeBuildFiles.resource(NAME);

    static ShimFile locate(Set<String> required) {
        Path onPath = NativeBuildFiles.onLibraryPath(NAME, Files::exists);
        if (onPath != null) {
            return check(onPath, required);
        }
        try (InputStream in = NativeBuildFiles.openResource(NAME)) {
            if (in == null) {
                return new ShimFile(null, NAME + " not found (jna.library.path, classpath " + RESOURCE + ")", Set.of());
            }
            byte[] bytes = in.readNBytes(ElfCheck.MAX_BYTES + 1);
            String why = bytes.length > ElfCheck.MAX_BYTES ? "larger than " + (ElfCheck.MAX_BYTES >> 20) + " MiB"
                    : ElfCheck.problem(bytes, required);
            if (why != null) {
                return new ShimFile(null, NAME + " (classpath) not loaded: " + why, Set.of());
            }
            Path tmp = Files.createTempFile("uintrshim-", ".so");
            tmp.toFile().deleteOnExit();
            Files.write(tmp, bytes);
            return new ShimFile(tmp.toAbsolutePath(), null, exports(bytes));
        } catch (IOException e) {
            return new ShimFile(null, NAME + " (classpath) not loaded: cannot read or copy it: " + e.getMessage(), Set.of());
        }
    }

    /** Checks one file on disk: a regular readable file of sane size that {@link ElfCheck} accepts. */
    static ShimFile check(Path p, Set<String> required) {
        try {
            if (!Files.isRegularFile(p)) {
                return new ShimFile(null, p + " not loaded: not a regular file", Set.of());
            }
            long size = Files.size(p);
            if (size > ElfCheck.MAX_BYTES) {
                return new ShimFile(null, p + " not loaded: " + size + " bytes, larger than " + (ElfCheck.MAX_BYTES >> 20)
                        + " MiB", Set.of());
            }
            byte[] bytes = Files.readAllBytes(p);
            String why = ElfCheck.problem(bytes, required);
            return why == null ? new ShimFile(p.toAbsolutePath(), null, exports(bytes))
                    : new ShimFile(null, p + " not loaded: " + why, Set.of());
        } catch (IOException | SecurityException e) {
            return new ShimFile(null, p + " not loaded: cannot read it: " + e.getMessage(), Set.of());
        }
    }

    private static Set<String> exports(byte[] bytes) {
        return ElfCheck.exported(bytes);
    }
}
