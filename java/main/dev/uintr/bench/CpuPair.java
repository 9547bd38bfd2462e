package dev.uintr.bench;

import dev.uintr.BadInputException;

/** The CPUs the two benchmark threads are pinned to: A (initiator) and B (responder). */
public record CpuPair(int a, int b) {
    /** The default with two or more CPUs: 0 and 1 (this project's CI hosts have exactly two). */
    public static final CpuPair DEFAULT = new CpuPair(0, 1);

    /** Parses "a,b" (non-negative integers); the message names {@code option} and the bad value. */
    public static CpuPair parse(String text, String option) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new BadInputException(option + ": expected two CPU numbers 'a,b', got '" + text + "'");
        }
        int[] v = new int[2];
        for (int i = 0; i < 2; i++) {
            try {
                if (!parts[i].trim().matches("-?[0-9]{1,9}")) {               // ASCII digits only
                    throw new NumberFormatException(parts[i]);
                }
                v[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadInputException(option + ": '" + parts[i].trim() + "' is not a CPU number (in '" + text + "')");
            }
            if (v[i] < 0) {
                throw new BadInputException(option + ": CPU numbers are >= 0, got " + v[i]);
            }
        }
        return new CpuPair(v[0], v[1]);
    }

    /**
     * Checks both CPUs against the CPUs this process may run on (the kernel's list syntax, as in
     * the Cpus_allowed_list line of /proc/self/status, e.g. "0-1" or "0,2-5"); an empty or
     * unreadable list checks nothing. The message names {@code option}, the CPU and the list.
     */
    public CpuPair requireAllowed(String allowedList, String option) {
        java.util.BitSet allowed = parseCpuList(allowedList);
        if (allowed.isEmpty()) {
            return this;
        }
        for (int cpu : new int[] {a, b}) {
            if (!allowed.get(cpu)) {
                throw new BadInputException(option + ": CPU " + cpu + " is not available to this process (allowed: "
                        + allowedList.trim() + ")");
            }
        }
        return this;
    }

    /** The CPUs of this process from /proc/self/status, or "" when that cannot be read. */
    public static String allowedListOfThisProcess() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring("Cpus_allowed_list:".length()).trim();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // unknown: nothing is checked
        }
        return "";
    }

    /** Parses the kernel's CPU list syntax ("0-3,8,10-11"); malformed parts are ignored. */
    static java.util.BitSet parseCpuList(String list) {
        java.util.BitSet set = new java.util.BitSet();
        for (String part : list.trim().split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                int dash = p.indexOf('-');
                int lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1).trim());
                if (lo >= 0 && hi >= lo && hi < 1 << 16) {
                    set.set(lo, hi + 1);
                }
            } catch (NumberFormatException e) {
                // ignored
            }
        }
        return set;
    }

    /** "a,b" as in the option (the report's pinning column). */
    @Override
    public String toString() {
        return a + "," + b;
    }
}
