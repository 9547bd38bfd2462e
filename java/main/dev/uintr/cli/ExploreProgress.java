package dev.uintr.cli;

import dev.uintr.explore.Matrix;
import dev.uintr.explore.SearchProgress;
import java.io.PrintWriter;

/**
 * The progress line of long explore searches, on stderr: on a terminal one line rewritten in
 * place every second, otherwise (a CI log) one line every ten seconds. A search shorter than
 * the first interval prints nothing.
 */
final class ExploreProgress {
    private final PrintWriter err;
    private final boolean terminal;
    private Matrix.Cell open;
    private int width;

    ExploreProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    long everyMillis() {
        return terminal ? 1000 : 10_000;
    }

    synchronized void update(Matrix.Cell c, SearchProgress p) {
        String line = "explore: " + c.scenario().name() + " " + c.profile().id() + " " + c.design().id() + ": " + p.line();
        if (terminal) {
            if (open != null && open != c) {
                err.print('\n');
            }
            err.print('\r' + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
            open = c;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends an open terminal line (after the searches). */
    synchronized void done() {
        if (terminal && open != null) {
            err.print('\n');
            err.flush();
            open = null;
        }
    }
}
