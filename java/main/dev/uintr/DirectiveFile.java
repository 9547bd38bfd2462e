package dev.uintr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of the line-per-directive files: case files ({@code fixtures/cases/*.case}) and
 * scenario files ({@code fixtures/scenarios/*.txt}). The same rules for both: a {@code #} at the
 * start of a line, or after white space and followed by white space or the line's end, outside
 * a double-quoted string, starts a comment (so {@code #GP} in a citation stays text); blank lines
 * are skipped; a file that cannot be read and a folder that does not exist are bad input naming
 * the path; errors name FILE:LINE.
 */
public final class DirectiveFile {
    /** A line with a directive: its 1-based number and its text, comment removed and trimmed. */
    public record Line(int number, String text) {}

    private DirectiveFile() {}

    /** The directive lines of {@code text} (CRLF or LF). */
    public static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        String[] raw = FixtureText.withoutBom(text).split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String t = withoutComment(raw[i]).strip();
            if (!t.isEmpty()) {
                out.add(new Line(i + 1, t));
            }
        }
        return out;
    }

    /** {@code line} up to its comment (see the class comment for where one starts). */
    static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))
                    && (line.substring(0, i).isBlank() || i + 1 == line.length()
                        || Character.isWhitespace(line.charAt(i + 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** The text of {@code file}, read as every fixture is ({@link FixtureText#read}: size limit, strict UTF-8). */
    public static String read(Path file) {
        return FixtureText.read(file);
    }

    /** The files of {@code dir} whose names end in {@code suffix}, sorted; bad input when {@code dir} is no folder. */
    public static List<Path> files(Path dir, String suffix, String what) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": no such " + what + " folder");
        }
        return FixtureText.list(dir, n -> n.endsWith(suffix));
    }
}
