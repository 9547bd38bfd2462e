package dev.uintr.isa.vectors;

import dev.uintr.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader that remembers the line each record starts on (error messages name
 * it). Fields may be quoted ({@code "a,b"}, {@code ""} for a quote, line breaks inside quotes);
 * CRLF and LF both end a record; empty lines and comment lines (a {@code #} first on the line,
 * outside a quoted field) are skipped.
 */
final class CsvRecords {
    /** One record and the 1-based line it starts on. */
    record Record(int line, List<String> fields) {}

    private CsvRecords() {}

    static List<Record> parse(String file, String text) {
        List<Record> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1;                                             // byte-order mark
        }
        while (i < n) {
            if (text.charAt(i) == '#') {                       // a comment line: skip to its end
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                i++;
                line++;
                continue;
            }
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            f.append('"');
                            i += 2;
                            continue;
                        }
                        quoted = false;
                        i++;
                        continue;
                    }
                    if (ch == '\n') {
                        line++;
                    }
                    f.append(ch);
                    i++;
                    continue;
                }
                switch (ch) {
                    case '"':
                        if (f.length() > 0 || wasQuoted) {
                            throw BadInputException.at(file, line, "a quote inside an unquoted field (RFC 4180: quote the whole field)");
                        }
                        quoted = true;
                        wasQuoted = true;
                        i++;
                        break;
                    case ',':
                        fields.add(f.toString());
                        f.setLength(0);
                        wasQuoted = false;
                        i++;
                        break;
                    case '\r':
                        i++;
                        break;
                    case '\n':
                        line++;
                        i++;
                        endOfRecord = true;
                        break;
                    default:
                        if (wasQuoted) {
                            throw BadInputException.at(file, line, "text after a closing quote");
                        }
                        f.append(ch);
                        i++;
                }
            }
            if (quoted) {
                throw BadInputException.at(file, startLine, "a quoted field is not closed");
            }
            fields.add(f.toString());
            boolean empty = fields.size() == 1 && fields.get(0).isEmpty() && !wasQuoted;
            if (!empty) {
                out.add(new Record(startLine, fields));
            }
        }
        return out;
    }
}
