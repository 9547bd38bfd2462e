package dev.uintr.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutations of a fixture file, chosen by a seeded {@link Random}: most change bytes, lines or
 * tokens blindly (the file may still be valid: the command must only not crash); two kinds are
 * malformed on purpose (a byte that is not UTF-8, a line no format allows) and must be rejected.
 */
final class Mutator {
    /** Values a number token is replaced with: edges, past 64 bits, signs, other scripts' digits. */
    static final String[] NUMBERS = {"-1", "0", "1", "255", "256", "4096", "65536", "2147483648", "9223372036854775807",
        "9223372036854775808", "18446744073709551615", "18446744073709551616", "0xFFFFFFFFFFFFFFFF",
        "0x10000000000000000", "99999999999999999999", "\uFF11", "\u0663", "1e3", "0x", "-0", "+1", "0x-1", "00000000000000000001"};
    /** Bytes inserted at random: separators of every format, quotes, braces, control bytes. */
    static final byte[] BYTES = {0, '"', ',', ';', '{', '}', '#', '\r', '\n', ' ', '-', '$', '=', '>', '@', '*', '\t'};

    private Mutator() {}

    static Mutation mutate(byte[] original, Random r, HostileInputFuzzTest.Format fmt) {
        int kind = r.nextInt(14);
        switch (kind) {
            case 0:
                return new Mutation(insert(original, r.nextInt(original.length + 1), new byte[] {(byte) 0xFF}), true,
                        "a byte that is not UTF-8");
            case 1:
                return new Mutation(append(original, alienLine(fmt)), true, "a line the format does not allow");
            case 2:
                return lines(original, r, "delete a line", (ls, i) -> ls.remove(i));
            case 3:
                return lines(original, r, "duplicate a line", (ls, i) -> ls.add(i, ls.get(i)));
            case 4:
                return lines(original, r, "swap two lines", (ls, i) -> {
                    int j = r.nextInt(ls.size());
                    String t = ls.get(i);
                    ls.set(i, ls.get(j));
                    ls.set(j, t);
                });
            case 5:
                return new Mutation(Arrays.copyOf(original, r.nextInt(original.length + 1)), false, "truncate");
            case 6:
                return new Mutation(insert(original, r.nextInt(original.length + 1), new byte[] {BYTES[r.nextInt(BYTES.length)]}),
                        false, "insert a separator byte");
            case 7:
                return tokens(original, r, true);
            case 8:
                return tokens(original, r, false);
            case 9:
                return lines(original, r, "repeat a token 40 times", (ls, i) -> {
                    String[] w = ls.get(i).split(" ");
                    String tok = w[r.nextInt(w.length)];
                    ls.set(i, ls.get(i) + (" " + tok).repeat(40));
                });
            case 10:
                return new Mutation(insert(original, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}), false,
                        "a byte-order mark");
            case 11: {
                byte[] b = original.clone();
                if (b.length > 0) {
                    int at = r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(7));         // ASCII stays ASCII: a blind, valid-UTF-8 change
                }
                return new Mutation(b, false, "flip a bit");
            }
            case 12:
                return lines(original, r, "a very long line", (ls, i) -> ls.set(i, ls.get(i) + "x".repeat(200_000)));
            default: {
                String text = new String(original, StandardCharsets.UTF_8).replace("\n", "\r\n");
                return new Mutation(text.getBytes(StandardCharsets.UTF_8), false, "CRLF line ends");
            }
        }
    }

    /** A line that no reader of {@code fmt} accepts. */
    static String alienLine(HostileInputFuzzTest.Format fmt) {
        switch (fmt) {
            case ISA:
            case ERRNO:
                return "fuzz-row-with-two-fields,x\n";
            case CASES:
                return "frobnicate the case\n";
            default:
                return "frobnicate the scenario\n";
        }
    }

    @FunctionalInterface
    private interface LineEdit {
        void apply(List<String> lines, int index);
    }

    private static Mutation lines(byte[] original, Random r, String what, LineEdit edit) {
        List<String> ls = new ArrayList<>(List.of(new String(original, StandardCharsets.UTF_8).split("\n", -1)));
        if (ls.isEmpty()) {
            return new Mutation(original, false, what + " (empty)");
        }
        edit.apply(ls, r.nextInt(ls.size()));
        return new Mutation(String.join("\n", ls).getBytes(StandardCharsets.UTF_8), false, what);
    }

    /** Replaces one token: a number with an edge value, or (numbers=false) any word with another word of the file. */
    private static Mutation tokens(byte[] original, Random r, boolean numbers) {
        String text = new String(original, StandardCharsets.UTF_8);
        List<int[]> spans = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(numbers ? "(?<![A-Za-z_$])(0x[0-9a-fA-F]+|[0-9]+)"
                : "[A-Za-z_$][A-Za-z0-9_.$-]*").matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return new Mutation(original, false, "no token to replace");
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        String replacement;
        if (numbers) {
            replacement = NUMBERS[r.nextInt(NUMBERS.length)];
        } else {
            int[] o = spans.get(r.nextInt(spans.size()));
            replacement = text.substring(o[0], o[1]);
        }
        String out = text.substring(0, s[0]) + replacement + text.substring(s[1]);
        return new Mutation(out.getBytes(StandardCharsets.UTF_8), false,
                (numbers ? "number " : "word ") + text.substring(s[0], s[1]) + " -> " + replacement);
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.write(what, 0, what.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static byte[] append(byte[] b, String line) {
        String text = new String(b, StandardCharsets.UTF_8);
        return (text.endsWith("\n") || text.isEmpty() ? text : text + "\n").concat(line).getBytes(StandardCharsets.UTF_8);
    }
}
