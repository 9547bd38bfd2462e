package dev.uintr.program;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.DirectiveFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads case files ({@code fixtures/cases/*.case}). One directive per line, {@code #} starts a
 * comment line, blank lines are ignored, leading blanks are free:
 * <pre>
 * case     base.ipi-spinning
 * profiles rfc-v1 later
 * needs    uintr
 * cite     kernel §7.1 test_base_ipi
 * thread   rx: register_handler; vector_fd 0 -&gt; $fd; stui; barrier 1; spin_until deliveries&gt;=1
 * thread   tx: barrier 1; register_sender $fd -&gt; $idx; senduipi $idx
 * outcome  "rx: *deliver(0)* | tx: *senduipi($idx): ok*"  ACCEPTABLE  "delivered to the spinning receiver"
 * outcome  "!rx: *deliver(0)*"                             FORBIDDEN   "lost"
 * outcome  *                                               FORBIDDEN   "lost, twice or a fault"
 * </pre>
 * A second {@code thread rx:} line continues rx's program; {@code repeat N { ... }} repeats
 * steps with {@code %i} standing for the iteration number. {@code outcome later "..." ...}
 * applies to one profile only. The last outcome of a case must be the catch-all {@code *}. An
 * outcome pattern is thread clauses ({@link OutcomePattern}); each must name a thread of the case.
 * Anything malformed is a {@link BadInputException} "FILE:LINE: what is wrong".
 */
public final class CaseParser {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)+");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("-?(0x[0-9a-fA-F]+|[0-9]+)");
    private static final Pattern REF = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)([+-][0-9]+)?");
    private static final Pattern SPIN = Pattern.compile("deliveries>=([0-9]{1,6})");
    /** alt_stack's buffer: NAME or NAME+N (an offset into it). */
    private static final Pattern ALT_BUF = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\+[0-9]{1,7})?");
    /** Largest alt_stack buffer (1 MiB). */
    public static final long MAX_ALT_STACK = 1 << 20;
    /** Most steps of one case, all threads and fork children together, after repeat (the native runner's limit). */
    public static final int MAX_STEPS = 8192;                 // = NativeBackendCodec.MAX_STEPS
    /** Most threads of one case, fork children included (the native runner's limit). */
    public static final int MAX_THREADS = 16;
    /** Most distinct barrier numbers in one case (the native runner's limit). */
    public static final int MAX_BARRIERS = 16;
    /** Largest barrier number. */
    public static final long MAX_BARRIER = 65_535;
    /** Longest sleep and uintr_wait timeout, in microseconds (60 s). */
    public static final long MAX_USEC = 60_000_000;
    private static final Set<String> NEEDS = Set.of("uintr", "blocking");

    private final String file;

    private CaseParser(String file) {
        this.file = file;
    }

    /** Every *.case file under {@code dir} (sorted by name), parsed. */
    public static List<CaseSpec> loadDir(Path dir) {
        List<CaseSpec> out = new ArrayList<>();
        for (Path p : DirectiveFile.files(dir, ".case", "case")) {
            out.addAll(parse(p));
        }
        Set<String> seen = new HashSet<>();
        for (CaseSpec c : out) {
            if (!seen.add(c.name())) {
                throw BadInputException.at(c.file(), c.line(), "case '" + c.name() + "' is declared twice");
            }
        }
        return out;
    }

    public static List<CaseSpec> parse(Path path) {
        return parse(path.toString(), DirectiveFile.read(path));
    }

    /** Parses case-file text; {@code file} names it in error messages. */
    public static List<CaseSpec> parse(String file, String text) {
        return new CaseParser(file).parseText(text);
    }

    // ---------------------------------------------------------------- one case under construction

    private final class Draft {
        final String name;
        final int line;
        final Set<AbiProfile> profiles = EnumSet.noneOf(AbiProfile.class);
        final List<String> needs = new ArrayList<>();
        String cite = "";
        final Map<String, List<Step>> threads = new LinkedHashMap<>();
        final Map<String, List<Step>> handlers = new LinkedHashMap<>();
        final Map<String, Integer> handlerLines = new LinkedHashMap<>();
        String design;
        int designLine;
        final List<Outcome> outcomes = new ArrayList<>();

        Draft(String name, int line) {
            this.name = name;
            this.line = line;
        }

        CaseSpec finish() {
            if (profiles.isEmpty()) {
                throw BadInputException.at(file, line, "case '" + name + "' has no 'profiles' line (rfc-v1 and/or later)");
            }
            if (threads.isEmpty()) {
                throw BadInputException.at(file, line, "case '" + name + "' has no 'thread' line");
            }
            if (outcomes.isEmpty()) {
                throw BadInputException.at(file, line, "case '" + name + "' has no 'outcome' line");
            }
            Outcome last = outcomes.get(outcomes.size() - 1);
            if (!last.isCatchAll() || last.profile() != null) {
                throw BadInputException.at(file, last.line(),
                        "case '" + name + "': the last outcome must be the catch-all '*' for every profile");
            }
            for (Outcome o : outcomes) {
                if (o.profile() != null && !profiles.contains(o.profile())) {
                    throw BadInputException.at(file, o.line(), "outcome for profile " + o.profile()
                            + " but the case applies to " + profiles);
                }
            }
            List<ThreadProgram> progs = new ArrayList<>();
            threads.forEach((n, steps) -> progs.add(new ThreadProgram(n, steps)));
            checkNames(progs);
            checkOutcomeThreads(progs);
            checkLimits(progs);
            checkHandlersAndProfiles(progs);
            return new CaseSpec(name, profiles, needs, cite, progs, outcomes, file, line, handlers, design);
        }

        /**
         * A handler body belongs to a program of the case; steps of the later ABI only are refused
         * in a case that runs under rfc-v1 (uintr-kernel §2.1); a design applies to rfc-v1 runs.
         */
        private void checkHandlersAndProfiles(List<ThreadProgram> progs) {
            List<ThreadProgram> all = progs.stream().flatMap(p -> p.withChildren().stream()).toList();
            Set<String> names = new HashSet<>();
            all.forEach(p -> names.add(p.name()));
            for (var e : handlerLines.entrySet()) {
                if (!names.contains(e.getKey())) {
                    throw BadInputException.at(file, e.getValue(), "handler for '" + e.getKey()
                            + "', which is no thread or fork child of case '" + name + "'");
                }
            }
            if (profiles.contains(AbiProfile.RFC_V1)) {
                for (ThreadProgram p : all) {
                    for (Step st : p.steps()) {
                        if (st.op().laterOnly()) {
                            throw BadInputException.at(file, st.line(), st.op().keyword() + " is not in the rfc-v1 ABI "
                                    + "(uintr-kernel §2.1: later only); case '" + name + "' runs under rfc-v1");
                        }
                    }
                }
            }
            Set<String> bound = new HashSet<>();
            all.forEach(p -> p.steps().forEach(st -> {
                if (st.bind() != null) {
                    bound.add(st.bind());
                }
            }));
            for (List<Step> body : handlers.values()) {
                for (Step st : body) {
                    for (Arg a : st.args()) {
                        if (a.isRef() && !bound.contains(a.ref())) {
                            throw BadInputException.at(file, st.line(), "$" + a.ref() + " is used but no step binds it (-> $"
                                    + a.ref() + ")");
                        }
                    }
                }
            }
            for (ThreadProgram p : progs) {
                for (Step st : p.steps()) {
                    if (st.op() == Op.EXEC) {
                        throw BadInputException.at(file, st.line(), "exec runs only in a fork child (a process of one "
                                + "thread): thread '" + p.name() + "' shares its process with the case's other threads, "
                                + "which an exec would end; put it in 'fork NAME { ...; exec; ... }'");
                    }
                }
            }
            if (design != null && !profiles.contains(AbiProfile.RFC_V1)) {
                throw BadInputException.at(file, designLine, "design applies to rfc-v1's uintr_wait; in later the "
                        + "handler's WAITING flag picks it (design.md \"Blocking designs\"), and case '" + name
                        + "' does not run under rfc-v1");
            }
        }

        /** The runner's limits: threads, steps, barriers (README "Exit codes", fixtures/cases/README.md). */
        private void checkLimits(List<ThreadProgram> progs) {
            List<ThreadProgram> all = progs.stream().flatMap(p -> p.withChildren().stream()).toList();
            if (all.size() > MAX_THREADS) {
                throw BadInputException.at(file, line, "case '" + name + "' has " + all.size() + " threads (fork children "
                        + "included); the limit is " + MAX_THREADS);
            }
            int steps = all.stream().mapToInt(p -> p.steps().size()).sum();
            if (steps > MAX_STEPS) {
                throw BadInputException.at(file, line, "case '" + name + "' has " + steps + " steps after repeat; the limit is "
                        + MAX_STEPS);
            }
            Set<Long> barriers = new HashSet<>();
            for (ThreadProgram p : all) {
                for (Step s : p.steps()) {
                    if (s.op() == Op.BARRIER) {
                        barriers.add(s.args().get(0).offset());
                    }
                }
            }
            if (barriers.size() > MAX_BARRIERS) {
                throw BadInputException.at(file, line, "case '" + name + "' uses " + barriers.size()
                        + " barrier numbers; the limit is " + MAX_BARRIERS);
            }
        }

        /** Every thread an outcome clause names is a thread of the case (a typo would never match). */
        private void checkOutcomeThreads(List<ThreadProgram> progs) {
            Set<String> names = new java.util.LinkedHashSet<>();
            progs.forEach(p -> p.withChildren().forEach(c -> names.add(c.name())));
            for (Outcome o : outcomes) {
                for (String t : o.parsed().threadNames()) {
                    if (!names.contains(t)) {
                        throw BadInputException.at(file, o.line(), "outcome names thread '" + t + "', but case '" + name
                                + "' has the threads " + String.join(", ", names));
                    }
                }
            }
        }

        /** Thread names unique (fork children included); every $ref bound by some step. */
        private void checkNames(List<ThreadProgram> progs) {
            Set<String> names = new HashSet<>();
            Set<String> bound = new HashSet<>();
            List<ThreadProgram> all = progs.stream().flatMap(p -> p.withChildren().stream()).toList();
            for (ThreadProgram p : all) {
                if (!names.add(p.name())) {
                    throw BadInputException.at(file, line, "case '" + name + "': two threads named '" + p.name() + "'");
                }
                p.steps().forEach(s -> {
                    if (s.bind() != null) {
                        bound.add(s.bind());
                    }
                });
            }
            for (ThreadProgram p : all) {
                for (Step s : p.steps()) {
                    if (s.op() == Op.SIGNAL && !names.contains(s.args().get(0).word())) {
                        throw BadInputException.at(file, s.line(), "signal to '" + s.args().get(0).word()
                                + "', which is no thread or fork child of case '" + name + "'");
                    }
                    for (Arg a : s.args()) {
                        if (a.isRef() && !bound.contains(a.ref())) {
                            throw BadInputException.at(file, s.line(), "$" + a.ref() + " is used but no step binds it (-> $"
                                    + a.ref() + ")");
                        }
                    }
                }
            }
        }
    }

    private List<CaseSpec> parseText(String text) {
        List<CaseSpec> out = new ArrayList<>();
        Draft d = null;
        for (DirectiveFile.Line line : DirectiveFile.lines(text)) {
            int no = line.number();
            String l = line.text();
            String key = l.split("\\s+", 2)[0];
            String rest = l.length() > key.length() ? l.substring(key.length()).strip() : "";
            if (key.equals("case")) {
                if (d != null) {
                    out.add(d.finish());
                }
                if (!NAME.matcher(rest).matches()) {
                    throw BadInputException.at(file, no, "bad case name '" + rest
                            + "' (want area.case: lower-case letters, digits, '-' and '_', dot-separated)");
                }
                d = new Draft(rest, no);
                continue;
            }
            if (d == null) {
                throw BadInputException.at(file, no, "'" + key + "' before the first 'case' line");
            }
            switch (key) {
                case "profiles":
                    for (String p : rest.split("\\s+")) {
                        AbiProfile ap = profile(p, no);
                        d.profiles.add(ap);
                    }
                    break;
                case "needs":
                    for (String n : rest.split("\\s+")) {
                        if (!NEEDS.contains(n)) {
                            throw BadInputException.at(file, no, "unknown need '" + n + "' (known: uintr, blocking)");
                        }
                        d.needs.add(n);
                    }
                    break;
                case "cite":
                    d.cite = rest;
                    break;
                case "thread": {
                    int colon = rest.indexOf(':');
                    String tname = colon < 0 ? "" : rest.substring(0, colon).strip();
                    if (!IDENT.matcher(tname).matches()) {
                        throw BadInputException.at(file, no, "thread line wants 'thread NAME: step; step; ...'");
                    }
                    d.threads.computeIfAbsent(tname, k -> new ArrayList<>())
                            .addAll(steps(rest.substring(colon + 1), no, new HashSet<>(d.threads.keySet())));
                    break;
                }
                case "handler": {
                    int colon = rest.indexOf(':');
                    String tname = colon < 0 ? "" : rest.substring(0, colon).strip();
                    if (!IDENT.matcher(tname).matches()) {
                        throw BadInputException.at(file, no, "handler line wants 'handler THREAD: step; step; ...'");
                    }
                    d.handlers.computeIfAbsent(tname, k -> new ArrayList<>()).addAll(handlerSteps(rest.substring(colon + 1), no));
                    d.handlerLines.putIfAbsent(tname, no);
                    break;
                }
                case "design":
                    if (d.design != null) {
                        throw BadInputException.at(file, no, "a second design line");
                    }
                    try {
                        d.design = dev.uintr.kernel.BlockingDesign.parse(rest).id();
                    } catch (BadInputException e) {
                        throw BadInputException.at(file, no, e.getMessage());
                    }
                    d.designLine = no;
                    break;
                case "outcome":
                    d.outcomes.add(outcome(rest, no));
                    break;
                default:
                    throw BadInputException.at(file, no, "unknown directive '" + key
                            + "' (expected case, profiles, needs, cite, design, thread, handler, outcome)");
            }
        }
        if (d != null) {
            out.add(d.finish());
        }
        return out;
    }

    private AbiProfile profile(String p, int no) {
        AbiProfile ap;
        try {
            ap = AbiProfile.parse(p);
        } catch (BadInputException e) {
            throw BadInputException.at(file, no, e.getMessage());
        }
        if (ap == AbiProfile.NONE) {
            throw BadInputException.at(file, no, "profile 'none' runs no uintr case (use rfc-v1 or later)");
        }
        return ap;
    }

    // ---------------------------------------------------------------- outcome lines

    private Outcome outcome(String rest, int no) {
        List<String> tok = tokens(rest, no);
        AbiProfile profile = null;
        if (tok.size() == 4) {
            profile = profile(tok.remove(0), no);
        }
        if (tok.size() != 3) {
            throw BadInputException.at(file, no, "outcome wants '[PROFILE] \"PATTERN\" EXPECT \"DESC\"', got "
                    + tok.size() + " items");
        }
        Expect e;
        try {
            e = Expect.valueOf(tok.get(1));
        } catch (IllegalArgumentException x) {
            throw BadInputException.at(file, no, "unknown expect '" + tok.get(1)
                    + "' (ACCEPTABLE, ACCEPTABLE_INTERESTING or FORBIDDEN)");
        }
        if (tok.get(2).isBlank()) {
            throw BadInputException.at(file, no, "outcome without a description");
        }
        try {
            return new Outcome(tok.get(0), e, tok.get(2), profile, no);
        } catch (IllegalArgumentException x) {
            throw BadInputException.at(file, no, "outcome pattern: " + x.getMessage());
        }
    }

    /** Splits on blanks; "double quoted" items may hold blanks (no escapes). */
    private List<String> tokens(String s, int no) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw BadInputException.at(file, no, "unterminated quote");
                }
                out.add(s.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
                out.add(s.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- programs

    private List<Step> steps(String text, int no, Set<String> names) {
        List<Step> out = new ArrayList<>();
        for (String part : splitTop(text, no)) {
            String p = part.strip();
            if (p.startsWith("repeat ") || p.startsWith("repeat{")) {
                out.addAll(repeat(p, no, names));
            } else if (!p.isEmpty()) {
                out.add(step(p, no, names));
            }
        }
        return out;
    }

    /**
     * {@code repeat N { body }}: the body N times, each copy with {@code %i} replaced by the
     * iteration number 0..N-1 (a textual macro: {@code vector_fd %i -> $f%i}).
     */
    private List<Step> repeat(String text, int no, Set<String> names) {
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        String count = open < 0 ? "" : text.substring("repeat".length(), open).strip();
        if (open < 0 || close < open || !text.substring(close + 1).isBlank() || !count.matches("[0-9]{1,4}")) {
            throw BadInputException.at(file, no, "repeat wants 'repeat N { step; step }' with N up to 9999, got '"
                    + text + "'");
        }
        String body = text.substring(open + 1, close);
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(count); i++) {
            out.addAll(steps(body.replace("%i", Integer.toString(i)), no, names));
            if (out.size() > MAX_STEPS) {
                throw BadInputException.at(file, no, "repeat makes more than " + MAX_STEPS + " steps (the limit of a case)");
            }
        }
        return out;
    }

    /** Splits on ';' outside braces. */
    private List<String> splitTop(String text, int no) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (--depth < 0) {
                    throw BadInputException.at(file, no, "'}' without '{'");
                }
            } else if (c == ';' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw BadInputException.at(file, no, "'{' without '}'");
        }
        parts.add(text.substring(start));
        return parts;
    }

    /**
     * A handler body: {@code testui}, {@code mark NAME}, {@code deliveries}, {@code frame},
     * {@code senduipi ARG [if deliveries<N]}; no syscall, no UIF change, no wait (the handler
     * runs with UIF = 0 and must return).
     */
    private List<Step> handlerSteps(String text, int no) {
        List<Step> out = new ArrayList<>();
        for (String part : splitTop(text, no)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String keyword = p.split("\\s+", 2)[0];
            Op op = Op.byKeyword(keyword);
            if (op == null || !op.inHandler()) {
                throw BadInputException.at(file, no, "'" + p + "' cannot run in a handler (a handler body takes testui, "
                        + "mark NAME, deliveries, frame, senduipi ARG [if deliveries<N])");
            }
            var cond = java.util.regex.Pattern.compile("(.*)\\s+if\\s+deliveries<([0-9]{1,6})").matcher(p);
            if (op == Op.SENDUIPI && cond.matches()) {
                Step base = step(cond.group(1).strip(), no, Set.of(), true);
                List<Arg> args = new ArrayList<>(base.args());
                args.add(Arg.literal(Long.parseLong(cond.group(2))));
                out.add(new Step(op, args, null, null, no));
                continue;
            }
            Step st = step(p, no, Set.of(), true);
            if (st.bind() != null) {
                throw BadInputException.at(file, no, "a handler binds no result ('" + p + "')");
            }
            out.add(st);
        }
        return out;
    }

    private Step step(String text, int no, Set<String> names) {
        return step(text, no, names, false);
    }

    /** One step; {@code inHandler}: it belongs to a handler body (the handler-only steps are allowed). */
    private Step step(String text, int no, Set<String> names, boolean inHandler) {
        String keyword = text.split("[\\s{]+", 2)[0];
        Op op = Op.byKeyword(keyword);
        if (op == null) {
            throw BadInputException.at(file, no, "unknown step '" + keyword + "' in '" + text + "'");
        }
        if (op.handlerOnly() && !inHandler) {
            throw BadInputException.at(file, no, op.keyword() + " runs only in a handler body ('handler THREAD: "
                    + op.keyword() + "')");
        }
        if (op == Op.FORK) {
            int open = text.indexOf('{');
            int close = text.lastIndexOf('}');
            String child = open < 0 ? "" : text.substring(keyword.length(), open).strip();
            if (open < 0 || close < open || !text.substring(close + 1).isBlank() || !IDENT.matcher(child).matches()) {
                throw BadInputException.at(file, no, "fork wants 'fork NAME { step; step }', got '" + text + "'");
            }
            List<Step> body = steps(text.substring(open + 1, close), no, names);
            return new Step(op, List.of(), null, new ThreadProgram(child, body), no);
        }
        String bind = null;
        int arrow = text.indexOf("->");
        String body = text;
        if (arrow >= 0) {
            String target = text.substring(arrow + 2).strip();
            if (!op.binds()) {
                throw BadInputException.at(file, no, op.keyword() + " has no result to bind ('" + text + "')");
            }
            if (!target.startsWith("$") || !IDENT.matcher(target.substring(1)).matches()) {
                throw BadInputException.at(file, no, "bad result name '" + target + "' (want -> $name)");
            }
            bind = target.substring(1);
            body = text.substring(0, arrow);
        }
        String[] words = body.strip().split("\\s+");
        List<Arg> args = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            args.add(arg(op, words[i], no));
        }
        if (args.size() < op.minArgs() || args.size() > op.maxArgs()) {
            throw BadInputException.at(file, no, op.keyword() + " takes " + (op.minArgs() == op.maxArgs()
                    ? Integer.toString(op.minArgs()) : op.minArgs() + ".." + op.maxArgs())
                    + " arguments, got " + args.size() + " in '" + text.strip() + "'");
        }
        if (op == Op.ALT_STACK) {
            checkAltStack(args, text, no);
        }
        if (op == Op.SIGNAL && !Signal.names().contains(args.get(1).word())) {
            throw BadInputException.at(file, no, "signal " + args.get(1).word() + ": only SIGUSR1 and SIGUSR2 (the runner "
                    + "catches them; SIGILL and SIGSEGV are its fault handlers, others would end the run)");
        }
        return new Step(op, args, bind, null, no);
    }

    /** alt_stack BUF SIZE [flags]: BUF a name (NAME+N within SIZE) or 0 for NULL; SIZE a literal 0..1 MiB. */
    private void checkAltStack(List<Arg> args, String text, int no) {
        Arg buf = args.get(0);
        Arg size = args.get(1);
        if (size.isRef() || size.isWord() || size.offset() < 0 || size.offset() > MAX_ALT_STACK) {
            throw BadInputException.at(file, no, "alt_stack SIZE must be a number 0.." + MAX_ALT_STACK + " in '" + text.strip() + "'");
        }
        if (buf.isRef() || (!buf.isWord() && buf.offset() != 0)) {
            throw BadInputException.at(file, no, "alt_stack wants a buffer name (NAME or NAME+N) or 0 for NULL, got '"
                    + buf.render() + "'");
        }
        if (buf.isWord()) {
            int plus = buf.word().indexOf('+');
            long off = plus < 0 ? 0 : Long.parseLong(buf.word().substring(plus + 1));
            if (off > size.offset() || size.offset() < 64) {
                throw BadInputException.at(file, no, "alt_stack " + buf.word() + " " + size.offset()
                        + ": the buffer needs SIZE 64.." + MAX_ALT_STACK + " and an offset within it");
            }
        }
    }

    /** Steps whose first argument is a count or a time have a range; syscall arguments take any 64-bit value. */
    private void checkRange(Op op, String w, long v, boolean neg, int no) {
        long max;
        switch (op) {
            case BARRIER: max = MAX_BARRIER; break;
            case SLEEP: case SPIN: case NANOSLEEP: max = MAX_USEC; break;
            default: return;
        }
        if (neg || v < 0 || v > max) {
            throw BadInputException.at(file, no, op.keyword() + " " + w + " is out of range (0.." + max
                    + (op == Op.BARRIER ? ")" : " microseconds)"));
        }
    }

    private Arg arg(Op op, String w, int no) {
        if (op == Op.MARK) {
            if (!IDENT.matcher(w).matches()) {
                throw BadInputException.at(file, no, "bad mark name '" + w + "'");
            }
            return Arg.word(w);
        }
        if (op == Op.SIGNAL) {
            if (IDENT.matcher(w).matches()) {
                return Arg.word(w);                                      // a thread name or SIGUSR1 / SIGUSR2
            }
            throw BadInputException.at(file, no, "signal wants 'signal THREAD SIGUSR1|SIGUSR2', got '" + w + "'");
        }
        if (op == Op.ALT_STACK && ALT_BUF.matcher(w).matches() && !w.startsWith("$")) {
            return Arg.word(w);                                          // a buffer the runner allocates
        }
        if (op == Op.SPIN_UNTIL) {
            if (!SPIN.matcher(w).matches()) {
                throw BadInputException.at(file, no, "spin_until wants 'deliveries>=N' with N up to 999999, got '" + w + "'");
            }
            return Arg.word(w);
        }
        var m = REF.matcher(w);
        if (m.matches() && (op == Op.BARRIER || op == Op.SLEEP || op == Op.SPIN || op == Op.NANOSLEEP)) {
            throw BadInputException.at(file, no, op.keyword() + " takes a literal number, not '" + w + "'");
        }
        if (m.matches()) {
            long offset;
            try {
                offset = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                throw BadInputException.at(file, no, "offset in '" + w + "' is out of range (64-bit signed)");
            }
            return Arg.ref(m.group(1), offset);
        }
        if (NUMBER.matcher(w).matches()) {
            boolean neg = w.startsWith("-");
            String digits = neg ? w.substring(1) : w;
            long v;
            try {
                v = digits.startsWith("0x") ? Long.parseUnsignedLong(digits.substring(2), 16) : Long.parseUnsignedLong(digits);
            } catch (NumberFormatException e) {
                throw BadInputException.at(file, no, "number '" + w + "' to " + op.keyword() + " does not fit in 64 bits");
            }
            long lit = neg ? -v : v;
            checkRange(op, w, lit, neg, no);
            return Arg.literal(lit);
        }
        throw BadInputException.at(file, no, "bad argument '" + w + "' to " + op.keyword()
                + " (a number, 0x-hex, or $name[+n])");
    }
}
