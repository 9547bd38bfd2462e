package dev.uintr.cli;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Number options take ASCII digits only. picocli's own converters use Integer.valueOf and
 * Long.valueOf, which also take full-width and other scripts' digits ("１" is 1) and a leading
 * '+': a value that looks like nonsense must be refused (exit 2), not read as a count.
 */
final class AsciiNumbers {
    private AsciiNumbers() {}

    static void register(CommandLine cl) {
        CommandLine.ITypeConverter<Integer> toInt = s -> Integer.valueOf(digits(s, 10));
        CommandLine.ITypeConverter<Long> toLong = s -> Long.valueOf(digits(s, 19));
        cl.registerConverter(Integer.class, toInt);
        cl.registerConverter(Integer.TYPE, toInt);
        cl.registerConverter(Long.class, toLong);
        cl.registerConverter(Long.TYPE, toLong);
    }

    private static String digits(String s, int max) {
        if (s == null || !s.matches("-?[0-9]{1," + max + "}")) {
            throw new TypeConversionException("'" + s + "' is not a number (ASCII digits 0-9, optionally after '-')");
        }
        try {
            Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + s + "' is out of range");
        }
        return s;
    }
}
