package dev.uintr.report;

import dev.uintr.BadInputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Checks the files and folders a user names for output (report compare --csv, --reports)
 * before any work is done, so a mistake ends as exit 2 naming the option, not as a lost result
 * after a long run. The rule: no command writes over a file it did not create in this run.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /**
     * A file to create: not empty, not an existing file or folder, its folder existing and
     * writable. Returns it unchanged.
     */
    public static Path newFile(String option, Path file) {
        String shown = file == null ? "" : file.toString();
        if (file == null || shown.isBlank()) {
            throw new BadInputException(option + ": empty file name");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(option + " " + shown + ": is a folder, expected a new file name");
        }
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(option + " " + shown + ": exists, and the harness never writes over a file it "
                    + "did not create (remove it or name a new file)");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BadInputException(option + " " + shown + ": no such folder " + parent);
        }
        if (!Files.isWritable(parent)) {
            throw new BadInputException(option + " " + shown + ": folder " + parent + " is not writable");
        }
        return file;
    }

    /**
     * A reports root under which {@code runs/<stamp>-<host>/} is created: not empty, not a
     * file, writable where it exists (it and its parents are created when missing).
     */
    public static Path reportsRoot(String option, Path root) {
        String shown = root == null ? "" : root.toString();
        if (root == null || shown.isBlank()) {
            throw new BadInputException(option + ": empty folder name (omit the option for the default reports/)");
        }
        Path existing = root.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new BadInputException(option + " " + shown + ": no such folder");
        }
        if (!Files.isDirectory(existing)) {
            throw new BadInputException(option + " " + shown + ": " + (existing.equals(root.toAbsolutePath())
                    ? "is a file, expected a folder" : existing + " is a file, not a folder"));
        }
        if (!Files.isWritable(existing)) {
            throw new BadInputException(option + " " + shown + ": folder " + existing + " is not writable");
        }
        Path runs = root.resolve("runs");
        if (Files.exists(runs) && !Files.isDirectory(runs)) {
            throw new BadInputException(option + " " + shown + ": " + runs + " is a file, expected a folder");
        }
        return root;
    }

    /** A path from a command-line string, or exit 2 naming the option when the OS cannot take it. */
    public static Path path(String option, String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new BadInputException(option + ": not a usable path '" + text + "': " + e.getReason());
        }
    }
}
