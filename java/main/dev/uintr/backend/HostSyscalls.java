package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.Syscall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The uintr syscall numbers of the running kernel, where something says them: the RFC's calls
 * exist in public Intel trees at 449–454 and also renumbered at 471–476, so the symbol table
 * (which names the ABI) cannot pick the numbers. In order: the UINTR_HARNESS_SYSCALLS override
 * ({@code name=number,...}), the running kernel's generated uapi header, the installed
 * {@code asm/unistd_64.h}; a file that names no uintr call is passed over. Where none does, the
 * profile's own numbers stand (design.md item 8) — and the native backend still never calls a
 * number whose kernel the probe did not confirm.
 */
public final class HostSyscalls {
    /** The environment variable that overrides every number it names. */
    public static final String OVERRIDE = "UINTR_HARNESS_SYSCALLS";
    private static final Pattern DEFINE = Pattern.compile("^#define\\s+__NR_(uintr_\\w+)\\s+(\\d+)\\s*$");

    /** Numbers by syscall name and where they came from ("" when nothing named them). */
    public record Table(Map<String, Integer> numbers, String source) {
        /** The number of {@code call} on this host for profile {@code p}. */
        public int number(Syscall call, AbiProfile p) {
            Integer n = numbers.get(call.sysName());
            return n != null ? n : call.number(p);
        }

        /** "uintr_register_handler=471 ..." or "none named". */
        public String render() {
            if (numbers.isEmpty()) {
                return "none named";
            }
            StringBuilder sb = new StringBuilder();
            numbers.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return sb.toString();
        }
    }

    private static volatile Table cached;

    private HostSyscalls() {}

    /** This host's table (read once). */
    public static Table current() {
        Table t = cached;
        if (t == null) {
            String release = System.getProperty("os.version", "");
            t = read(System.getenv(OVERRIDE), List.of(
                    Path.of("/lib/modules", release, "build/arch/x86/include/generated/uapi/asm/unistd_64.h"),
                    Path.of("/usr/include/asm/unistd_64.h"),
                    Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h")));
            cached = t;
        }
        return t;
    }

    /** The table from an override value (may be null) and header files, in that order. */
    public static Table read(String override, List<Path> headers) {
        if (override != null && !override.isBlank()) {
            return new Table(parseOverride(override), OVERRIDE);
        }
        for (Path h : headers) {
            Map<String, Integer> m = new TreeMap<>();
            try {
                if (!Files.isReadable(h)) {
                    continue;
                }
                for (String line : Files.readAllLines(h)) {
                    Matcher x = DEFINE.matcher(line.trim());
                    if (x.matches() && Syscall.byName(x.group(1)) != null) {
                        m.put(x.group(1), Integer.parseInt(x.group(2)));
                    }
                }
            } catch (IOException | RuntimeException e) {
                continue;                                                // unreadable: the next source
            }
            if (!m.isEmpty()) {
                return new Table(m, h.toString());
            }
        }
        return new Table(Map.of(), "");
    }

    static Map<String, Integer> parseOverride(String text) {
        Map<String, Integer> m = new TreeMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", -1);
            Syscall call = kv.length == 2 ? Syscall.byName(kv[0].trim()) : null;
            if (call == null || !call.isUintr()) {
                throw new BadInputException(OVERRIDE + ": '" + part.trim() + "' is not uintr_NAME=NUMBER (names: uintr_register_handler, "
                        + "uintr_create_fd, uintr_vector_fd, ...)");
            }
            try {
                int n = Integer.parseInt(kv[1].trim());
                if (n < 0 || n > 1023) {
                    throw new NumberFormatException();
                }
                m.put(call.sysName(), n);
            } catch (NumberFormatException e) {
                throw new BadInputException(OVERRIDE + ": '" + kv[1].trim() + "' is not a syscall number (0..1023) for " + kv[0].trim());
            }
        }
        return m;
    }
}
