package dev.uintr.report;

import dev.uintr.BadInputException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes report files so that a reader (or an interrupted run) only ever sees a complete
 * old version or a complete new one: write a temporary file beside the target, then rename
 * it over the target.
 *
 * <p>Files get the permissions any program creating a file gets (0666 less the umask, so
 * usually rw-r--r--), not the owner-only ones of a JDK temporary file. A failed write (a full
 * disk, a read-only folder) is a {@link BadInputException} naming the file and the reason
 * (exit code 2): the user can fix it, it is not a bug of the harness.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Something that writes a whole file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Something that fills the temporary file. */
    @FunctionalInterface
    private interface Filler {
        void fill(Path tmp) throws IOException;
    }

    /** Replaces {@code target} with what {@code content} writes, atomically. */
    public static void write(Path target, Content content) {
        replace(target, textOf(content), true);
    }

    /** Replaces {@code target} with {@code text}, atomically. */
    public static void writeString(Path target, String text) {
        write(target, w -> w.write(text));
    }

    /** Replaces {@code target} with raw bytes (plots), atomically. */
    public static void writeBytes(Path target, byte[] bytes) {
        replace(target, tmp -> Files.write(tmp, bytes), true);
    }

    /**
     * Creates {@code target}, which must not exist yet, with what {@code content} writes: for
     * files a user names on the command line (never written over, see {@link OutputFiles}).
     * The complete file appears at once (a hard link of the finished temporary file), and a
     * file that appeared meanwhile is left alone: exit 2 naming it.
     */
    public static void writeNew(Path target, Content content) {
        replace(target, textOf(content), false);
    }

    private static Filler textOf(Content content) {
        return tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
        };
    }

    private static void replace(Path target, Filler content, boolean overwrite) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = temporaryBeside(dir, target.getFileName().toString());
            try {
                content.fill(tmp);
                if (overwrite) {
                    move(tmp, target);
                } else {
                    link(tmp, target);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException("cannot write " + target + ": it exists, and the harness never writes over a "
                    + "file it did not create (remove it or name a new file)", e);
        } catch (IOException | SecurityException e) {
            throw new BadInputException("cannot write " + target + ": " + reason(e), e);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void link(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);                     // fails if target exists: never replaces
        } catch (UnsupportedOperationException e) {
            Files.move(tmp, target);                           // no hard links: move fails if it exists too
        }
    }

    /** A new empty file ".NAME.RANDOM.tmp" in {@code dir}, created with the umask's permissions. */
    private static Path temporaryBeside(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * The short reason for an I/O failure ({@link dev.uintr.FixtureText#reason}), except that a
     * write names a path component that is not a folder as such.
     */
    static String reason(Exception e) {
        return e instanceof java.nio.file.NotDirectoryException ? "a path component is not a folder" : dev.uintr.FixtureText.reason(e);
    }
}
