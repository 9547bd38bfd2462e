package dev.uintr.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numeric #defines of a C header (decimal or 0x hex, an optional u suffix), for the wire-mirror tests. */
public final class HeaderDefines {
    private static final Pattern DEFINE = Pattern.compile("^#define\\s+(\\w+)\\s+(0x[0-9a-fA-F]+|\\d+)u?\\b");

    private HeaderDefines() {}

    /** NAME → value for every define of {@code header} whose name starts with {@code prefix}. */
    public static Map<String, Long> of(Path header, String prefix) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        for (String line : Files.readAllLines(header)) {
            Matcher x = DEFINE.matcher(line);
            if (x.find() && x.group(1).startsWith(prefix)) {
                String v = x.group(2);
                m.put(x.group(1), v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v));
            }
        }
        return m;
    }

    /** The same with int values (the defines a Java int constant mirrors). */
    public static Map<String, Integer> ints(Path header, String prefix) throws IOException {
        Map<String, Integer> m = new TreeMap<>();
        of(header, prefix).forEach((k, v) -> m.put(k, Math.toIntExact(v)));
        return m;
    }
}
