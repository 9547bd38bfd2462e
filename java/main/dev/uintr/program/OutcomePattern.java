package dev.uintr.program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An outcome's pattern, parsed. Either the catch-all {@code *}, or clauses joined by
 * {@code " | "}, all of which must hold:
 * <ul>
 * <li>{@code NAME: GLOB} — thread NAME's events (its part of the observation after
 *     {@code "NAME: "}) match GLOB; {@code *} in GLOB matches any text within that thread only,
 *     never across the {@code " | "} to another thread;</li>
 * <li>{@code *: GLOB} — some thread's events match GLOB;</li>
 * <li>{@code !} before a clause negates it: {@code !rx: *deliver(*} holds when rx took no
 *     delivery, {@code !*: *SIG*} when no thread saw a signal.</li>
 * </ul>
 * Threads no clause names are not constrained. The same thread may be named by several
 * clauses ({@code rx: *deliver(3)* | !rx: *deliver(3)*deliver(3)*}: exactly one delivery).
 * A glob never holds a {@code |} (that would be two clauses written without the blanks).
 */
public final class OutcomePattern {
    /** Any thread ({@code *: GLOB}). */
    public static final String ANY = "*";
    private static final Pattern CLAUSE = Pattern.compile("(!?)\\s*([A-Za-z_][A-Za-z0-9_]*|\\*):(.*)", Pattern.DOTALL);

    /** One clause: negated or not, a thread name or {@link #ANY}, a glob over that thread's events. */
    public record Clause(boolean negated, String thread, String glob) {
        boolean holds(Map<String, String> threads) {
            boolean some;
            if (thread.equals(ANY)) {
                some = threads.values().stream().anyMatch(e -> Glob.matches(glob, e));
            } else {
                String events = threads.get(thread);
                some = events != null && Glob.matches(glob, events);
            }
            return some != negated;
        }
    }

    private final String text;
    private final List<Clause> clauses;

    private OutcomePattern(String text, List<Clause> clauses) {
        this.text = text;
        this.clauses = List.copyOf(clauses);
    }

    /**
     * Parses a pattern; malformed text is an {@link IllegalArgumentException} whose message says
     * what is wrong (the case parser and the record reader prefix file:line).
     */
    public static OutcomePattern parse(String text) {
        if (text.equals("*")) {
            return new OutcomePattern(text, List.of());
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty pattern (the catch-all is '*')");
        }
        List<Clause> out = new ArrayList<>();
        for (String part : text.split(" \\| ", -1)) {
            Matcher m = CLAUSE.matcher(part.strip());
            if (part.isBlank()) {
                throw new IllegalArgumentException("an empty clause between ' | ' separators in \"" + text + "\"");
            }
            if (!m.matches()) {
                throw new IllegalArgumentException("clause \"" + part.strip() + "\" does not start with a thread: write "
                        + "'NAME: GLOB' (or '*: GLOB' for any thread, '!' before it to negate), clauses joined by ' | '"
                        + (part.strip().equals("*") ? "; a bare '*' clause is not needed: threads no clause names are "
                        + "not constrained" : ""));
            }
            String glob = m.group(3).stripLeading();
            if (glob.indexOf('|') >= 0) {
                throw new IllegalArgumentException("clause \"" + part.strip() + "\" holds a '|': separate clauses with "
                        + "' | ' (blank, bar, blank); a glob matches one thread's events only");
            }
            out.add(new Clause(!m.group(1).isEmpty(), m.group(2), glob));
        }
        return new OutcomePattern(text, out);
    }

    public boolean isCatchAll() {
        return clauses.isEmpty();
    }

    public List<Clause> clauses() {
        return clauses;
    }

    /** The thread names the clauses name ({@code *} left out), in order. */
    public Set<String> threadNames() {
        Set<String> s = new LinkedHashSet<>();
        for (Clause c : clauses) {
            if (!c.thread().equals(ANY)) {
                s.add(c.thread());
            }
        }
        return s;
    }

    /** True when every clause holds for the rendered observation (the catch-all matches everything). */
    public boolean matches(String observation) {
        if (clauses.isEmpty()) {
            return true;
        }
        Map<String, String> threads = threads(observation);
        for (Clause c : clauses) {
            if (!c.holds(threads)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A rendered observation split back into threads: {@code "rx: a; b | tx: c"} gives
     * rx → "a; b", tx → "c" (see {@link Observation#render()}).
     */
    public static Map<String, String> threads(String observation) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : observation.split(" \\| ", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                m.putIfAbsent(part, "");
                continue;
            }
            String events = part.substring(colon + 1);
            m.putIfAbsent(part.substring(0, colon), events.startsWith(" ") ? events.substring(1) : events);
        }
        return m;
    }

    @Override
    public String toString() {
        return text;
    }
}
