package dev.uintr.cli;

import java.nio.file.Path;

/**
 * Where the repository's folders are: the launcher passes {@code -Duintr.home=<repo root>}
 * so reports and fixtures are found from any working directory; without it (tests, a bare
 * {@code java -jar}) the current directory is the root.
 */
public final class HarnessPaths {
    private HarnessPaths() {}

    public static Path home() {
        String h = System.getProperty("uintr.home");
        return h == null || h.isBlank() ? Path.of("") : Path.of(h);
    }

    public static Path reports() {
        return home().resolve("reports");
    }

    public static Path fixtures() {
        return home().resolve("fixtures");
    }
}
