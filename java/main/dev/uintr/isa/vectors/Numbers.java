package dev.uintr.isa.vectors;

import java.util.Locale;

/** Numbers in vector files: hex with 0x (any case) or decimal, unsigned 64-bit. */
final class Numbers {
    private Numbers() {}

    /** The value, or null when {@code text} is not such a number. */
    static Long parse(String text) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                String digits = text.substring(2);
                if (digits.isEmpty() || !digits.chars().allMatch(Numbers::isHex)) {
                    return null;
                }
                digits = digits.replaceFirst("^0+(?=.)", "");  // leading zeros do not count toward 16 digits
                if (digits.length() > 16) {
                    return null;
                }
                return Long.parseUnsignedLong(digits, 16);
            }
            if (text.isEmpty() || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return null;
            }
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v).toUpperCase(Locale.ROOT);
    }

    private static boolean isHex(int ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    }
}
