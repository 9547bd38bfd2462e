package dev.uintr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * How every fixture reader (ISA vectors, errno rows, cases, scenarios, latency.csv) gets its
 * text, so they all treat a file the same way:
 * <ul>
 * <li>at most {@link #MAX_BYTES} bytes (a device such as /dev/zero, or a huge file, is exit 2,
 *     not an out-of-memory);</li>
 * <li>strict UTF-8: a byte sequence that is not UTF-8 is named by file, line and byte;</li>
 * <li>a UTF-8 byte-order mark at the start is dropped;</li>
 * <li>a folder, a missing or unreadable path is exit 2 saying which (a pipe or /dev/null is read
 *     like a file: /dev/null is simply empty).</li>
 * </ul>
 */
public final class FixtureText {
    /** The largest fixture file read, in bytes (16 MiB; the largest shipped one is under 100 KiB). */
    public static final int MAX_BYTES = 16 << 20;

    private FixtureText() {}

    /** The text of {@code file}, checked as above; errors are {@link BadInputException}s naming it. */
    public static String read(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a folder, expected a file");
        }
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": no such file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException | SecurityException e) {
            throw new BadInputException(file + ": cannot read: " + reason(e), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB, the limit for a fixture file");
        }
        return decode(file.toString(), bytes);
    }

    /** The lines of {@code file} (LF or CRLF), read as {@link #read} does. */
    public static List<String> lines(Path file) {
        return lines(read(file));
    }

    /** Splits text into lines at LF, dropping a CR before it; a last line without LF counts. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                out.add(text.substring(start, end));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** Decodes strict UTF-8 and drops a leading byte-order mark; {@code file} names it in errors. */
    public static String decode(String file, byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            throw notUtf8(file, bytes, in.position());
        }
        r = d.flush(out);
        if (r.isError()) {
            throw notUtf8(file, bytes, in.position());
        }
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Strips a byte-order mark a caller got some other way (a reader given text, not a file). */
    public static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static BadInputException notUtf8(String file, byte[] b, int at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return BadInputException.at(file, line, String.format("not UTF-8: byte 0x%02X at byte %d of the line "
                + "(byte %d of the file); save the file as UTF-8", b[at] & 0xFF, at - lineStart + 1, at + 1));
    }

    /** The entries of {@code dir} whose names pass {@code names}, sorted; exit 2 when it cannot be listed. */
    public static List<Path> list(Path dir, Predicate<String> names) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> names.test(p.getFileName().toString())).sorted().toList();
        } catch (IOException | SecurityException e) {
            throw new BadInputException(dir + ": cannot list the folder: " + reason(e), e);
        }
    }

    /** A short reason for an I/O failure. */
    public static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
