package dev.uintr.backend;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first processor block of /proc/cpuinfo, parsed. Pure: {@link #parse(String)} takes
 * the text, so tests feed canned files.
 *
 * @param vendor    vendor_id, "unknown" if absent
 * @param family    "cpu family", -1 if absent or not a number
 * @param model     "model", -1 if absent
 * @param stepping  "stepping", -1 if absent
 * @param modelName "model name", "unknown" if absent
 * @param flags     the "flags" words
 */
public record CpuInfo(String vendor, int family, int model, int stepping, String modelName, Set<String> flags) {

    /** Nothing known (no /proc/cpuinfo). */
    public static final CpuInfo UNKNOWN = new CpuInfo("unknown", -1, -1, -1, "unknown", Set.of());

    public boolean hasFlag(String flag) {
        return flags.contains(flag);
    }

    public static CpuInfo parse(String text) {
        String vendor = "unknown", name = "unknown";
        int family = -1, model = -1, stepping = -1;
        Set<String> flags = new TreeSet<>();
        boolean seenProcessor = false;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (line.isBlank()) {
                if (seenProcessor) {
                    break; // only the first processor block
                }
                continue;
            }
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "processor": seenProcessor = true; break;
                case "vendor_id": vendor = value; break;
                case "cpu family": family = parseInt(value); break;
                case "model": model = parseInt(value); break;
                case "stepping": stepping = parseInt(value); break;
                case "model name": name = value; break;
                case "flags":
                    for (String f : value.split("\\s+")) {
                        if (!f.isEmpty()) {
                            flags.add(f);
                        }
                    }
                    break;
                default: break;
            }
        }
        return new CpuInfo(vendor, family, model, stepping, name, Collections.unmodifiableSet(flags));
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
