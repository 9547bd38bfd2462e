package dev.uintr.program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of a case showed, per thread, in program order: each step as
 * {@code op(args): result} (a syscall's value or errno name, "fd" for a new descriptor,
 * SENDUIPI's ok / SIGILL / SIGSEGV, TESTUI's 0 / 1), each user interrupt the thread's
 * handler took as {@code deliver(vector)} where it happened between steps, and
 * {@code TIMEOUT} for a thread that did not finish. Rendered as one stable string,
 * threads in declaration order joined by " | ", events by "; " — outcome globs match that.
 * Both backends build it the same way.
 */
public final class Observation {
    public static final String TIMEOUT = "TIMEOUT";

    private final Map<String, List<String>> threads = new LinkedHashMap<>();

    /** Registers the threads in the order they render (call before any event). */
    public Observation(List<String> threadNames) {
        for (String n : threadNames) {
            threads.put(n, new ArrayList<>());
        }
    }

    public void event(String thread, String text) {
        List<String> l = threads.get(thread);
        if (l == null) {
            throw new IllegalArgumentException("no thread " + thread);
        }
        l.add(text);
    }

    /** A completed step with a result: {@code op(args): result}. */
    public void step(String thread, Step s, String result) {
        event(thread, result == null ? s.call() : s.call() + ": " + result);
    }

    public void delivery(String thread, int vector) {
        delivery(thread, vector, List.of());
    }

    /**
     * A delivery with what was wrong with it, if anything ({@code uif=1}: UIF was set inside the
     * handler; {@code rsp%16=8}: the entry RSP was not 16-byte aligned; {@code frame=bad}: the
     * pushed RSP is not above the frame — uintr-isa §9). Nothing wrong renders {@code deliver(v)}.
     */
    public void delivery(String thread, int vector, List<String> anomalies) {
        delivery(thread, vector, anomalies, List.of());
    }

    /**
     * A delivery whose handler ran a body: its events follow in braces, joined by ", "
     * ({@code deliver(0){testui: 0, deliveries: 1}}).
     */
    public void delivery(String thread, int vector, List<String> anomalies, List<String> body) {
        event(thread, "deliver(" + vector + (anomalies.isEmpty() ? "" : ", " + String.join(", ", anomalies)) + ")"
                + (body.isEmpty() ? "" : "{" + String.join(", ", body) + "}"));
    }

    /** SIGILL for 4, ... (x86-64 Linux numbers); "signal N" otherwise. */
    public static String signalName(int sig) {
        switch (sig) {
            case 4: return "SIGILL";
            case 5: return "SIGTRAP";
            case 6: return "SIGABRT";
            case 7: return "SIGBUS";
            case 8: return "SIGFPE";
            case 9: return "SIGKILL";
            case 11: return "SIGSEGV";
            default: return "signal " + sig;
        }
    }

    public void timeout(String thread) {
        event(thread, TIMEOUT);
    }

    public List<String> events(String thread) {
        return List.copyOf(threads.get(thread));
    }

    public boolean timedOut() {
        return threads.values().stream().anyMatch(l -> !l.isEmpty() && l.get(l.size() - 1).equals(TIMEOUT));
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        for (var e : threads.entrySet()) {
            if (b.length() > 0) {
                b.append(" | ");
            }
            b.append(e.getKey()).append(": ").append(String.join("; ", e.getValue()));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    /** A syscall's return as observations print it: the value, "fd" for a new descriptor, or the errno name. */
    public static String syscallResult(Op op, long ret) {
        if (ret < 0 && ret > -4096) {
            return ErrnoNames.name((int) -ret);
        }
        return op.returnsFd() ? "fd" : Long.toString(ret);
    }
}
