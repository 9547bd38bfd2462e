package dev.uintr.hybrid;

import dev.uintr.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What `exec` checks before it starts anything: the program exists, is executable, and is an
 * x86-64 ELF file (or a #! script, whose interpreter the kernel picks). Anything else is bad
 * input, named.
 */
public final class ProgramCheck {
    private ProgramCheck() {}

    /** The program as it will be run: a path with a slash as given, else looked up on PATH. */
    public static Path resolve(String program) {
        if (program.isEmpty()) {
            throw new BadInputException("PROGRAM is empty");
        }
        Path found = null;
        if (program.contains("/")) {
            found = Path.of(program);
        } else {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, program);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    found = p;
                    break;
                }
            }
            if (found == null) {
                throw new BadInputException("program '" + program + "' not found on PATH");
            }
        }
        if (!Files.exists(found)) {
            throw new BadInputException("program '" + program + "' does not exist");
        }
        if (!Files.isRegularFile(found)) {
            throw new BadInputException("program '" + program + "' is not a regular file");
        }
        if (!Files.isExecutable(found)) {
            throw new BadInputException("program '" + program + "' is not executable (chmod +x?)");
        }
        checkFormat(program, found);
        return found;
    }

    private static void checkFormat(String name, Path p) {
        byte[] h = new byte[20];
        int n;
        try (InputStream in = Files.newInputStream(p)) {
            n = in.readNBytes(h, 0, h.length);
        } catch (IOException e) {
            throw new BadInputException("program '" + name + "' cannot be read: " + e.getMessage());
        }
        if (n >= 2 && h[0] == '#' && h[1] == '!') {
            return;
        }
        if (n < 20 || h[0] != 0x7F || h[1] != 'E' || h[2] != 'L' || h[3] != 'F') {
            throw new BadInputException("program '" + name + "' is neither an ELF executable nor a #! script");
        }
        if (h[4] != 2) {
            throw new BadInputException("program '" + name + "' is a 32-bit ELF file; UINTR and the hybrid backend are x86-64 only");
        }
        int machine = (h[18] & 0xFF) | (h[19] & 0xFF) << 8;
        if (machine != 62) {
            throw new BadInputException("program '" + name + "' is an ELF file for machine " + machine + ", not x86-64 (62)");
        }
    }
}
