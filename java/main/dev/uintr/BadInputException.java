package dev.uintr;

/**
 * Bad input from the user: a malformed fixture row, a bad option value that only shows
 * once it is used, a missing file. The message names the file and line (or the option)
 * and the bad item; the CLI prints it as one line and exits with code 2, no stack trace.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "FILE:LINE: message" — the form every fixture reader uses. */
    public static BadInputException at(String file, long line, String message) {
        return new BadInputException(file + ":" + line + ": " + message);
    }
}
