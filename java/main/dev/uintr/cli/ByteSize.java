package dev.uintr.cli;

import dev.uintr.BadInputException;
import java.util.Locale;

/** A size on the command line: a number of bytes with an optional k, m, g or t suffix (powers of 1024). */
final class ByteSize {
    private ByteSize() {}

    static long parse(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (!t.isEmpty()) {
            int i = "kmgt".indexOf(t.charAt(t.length() - 1));
            if (i >= 0) {
                unit = 1L << (10 * (i + 1));
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            long n = Long.parseLong(t);
            if (n >= 1 && n <= Long.MAX_VALUE / unit) {
                return n * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(option + ": expected a size such as 512m or 4g, was '" + text + "'");
    }
}
