package dev.uintr.report;

import dev.uintr.BadInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** One run's folder, {@code reports/runs/<stamp>-<host>/}: every stage of {@code run} writes its files here. */
public final class RunFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** Creates a new folder under {@code reportsRoot/runs}, named by the UTC time and the host name. */
    public static RunFolder create(Path reportsRoot) {
        String base = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "-" + hostName();
        Path runs = reportsRoot.resolve("runs");
        try {
            Files.createDirectories(runs);
            Path dir = runs.resolve(base);
            for (int i = 2; Files.exists(dir); i++) {
                dir = runs.resolve(base + "-" + i);
            }
            Files.createDirectory(dir);
            return new RunFolder(dir);
        } catch (IOException | SecurityException e) {
            throw new BadInputException("cannot create a run folder under " + runs + ": " + AtomicFiles.reason(e), e);
        }
    }

    /** Uses an existing folder (tests, or a stage run on its own with --out). */
    public static RunFolder at(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new BadInputException("cannot create " + dir + ": " + AtomicFiles.reason(e), e);
        }
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** The host name, reduced to characters safe in a folder name; "unknown-host" if it cannot be read. */
    public static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = null;
            }
        }
        if (h == null || h.isBlank()) {
            return "unknown-host";
        }
        return h.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
