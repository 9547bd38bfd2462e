package dev.uintr.conform;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.FixtureText;
import dev.uintr.program.Expect;
import dev.uintr.program.Outcome;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * What one conform run saw, per case and profile: its status, its distinct observations with
 * counts and grades, and the outcomes it graded them against (so the other side of a comparison
 * can be graded by this side's case). Made from a run ({@link #of}), written as CSV
 * ({@code conform --record FILE}, and {@code STEM-observations.csv} in a run folder), read back
 * ({@link #read}) for {@code conform --compare FILE|RUN}. Format in fixtures/cases/README.md
 * ("Record and compare") and reports/README.md.
 */
public record ObservationRecord(String source, String backend, List<Run> runs) {
    /** The file name in a run folder (the first pass; the hybrid pass writes conform-hybrid-observations.csv). */
    public static final String FILE = "conform-observations.csv";
    public static final String[] HEADER = {"case", "profile", "backend", "status", "samples", "kind", "text", "count",
        "expect", "note"};
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    public ObservationRecord {
        runs = List.copyOf(runs);
    }

    /** One observation a run saw: how often, its grade under the run's case, the outcome's description. */
    public record Seen(String observation, long count, Expect expect, String note) {}

    /** One case under one profile. {@code outcomes} are the case's outcomes for the profile, in file order. */
    public record Run(String caseName, AbiProfile profile, Status status, long samples, String reason, List<Seen> seen,
                      List<Outcome> outcomes) {
        public Run {
            seen = List.copyOf(seen);
            outcomes = List.copyOf(outcomes);
        }

        /** The key a comparison pairs runs by: "case|profile". */
        String key() {
            return caseName + "|" + profile.id();
        }

        /** True when the case ran and was graded (not SKIP or ERROR): its observations mean something. */
        public boolean ran() {
            return status != Status.SKIP && status != Status.ERROR;
        }

        /** The grade this run's case gives {@code observation} (FORBIDDEN when no outcome matches, as in grading). */
        public Expect grade(String observation) {
            Outcome o = Grading.match(outcomes, observation);
            return o == null ? Expect.FORBIDDEN : o.expect();
        }

        /** Observation → count, seen ones only. */
        Map<String, Seen> seenByText() {
            Map<String, Seen> m = new LinkedHashMap<>();
            seen.forEach(s -> m.put(s.observation(), s));
            return m;
        }
    }

    /** The record of a run that just happened. */
    public static ObservationRecord of(ConformResults results) {
        List<Run> runs = new ArrayList<>();
        for (CaseResult r : results.cases()) {
            List<Seen> seen = new ArrayList<>();
            if (r.graded() != null) {
                for (GradedRow g : r.graded().rows()) {
                    if (g.count() > 0) {
                        seen.add(new Seen(g.observation(), g.count(), g.expect(), g.desc()));
                    }
                }
            }
            runs.add(new Run(r.spec().name(), r.profile(), r.status(), r.samples(), r.reason() == null ? "" : r.reason(),
                    seen, r.spec().outcomesFor(r.profile())));
        }
        return new ObservationRecord("", results.backend().id(), runs);
    }

    /** The CSV: per run its observed rows (or one {@code none} row), then its outcome rows. */
    public String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator('\n').get().print(out)) {
            for (Run r : runs) {
                if (r.seen().isEmpty()) {
                    p.printRecord(r.caseName(), r.profile().id(), backend, r.status(), r.samples(), "none", "", "", "",
                            r.reason());
                }
                for (Seen s : r.seen()) {
                    p.printRecord(r.caseName(), r.profile().id(), backend, r.status(), r.samples(), "observed",
                            s.observation(), s.count(), s.expect(), s.note());
                }
                for (Outcome o : r.outcomes()) {
                    p.printRecord(r.caseName(), r.profile().id(), backend, r.status(), r.samples(), "outcome", o.pattern(),
                            "", o.expect(), o.desc());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Reads the record {@code conform --compare FILE|RUN} names: a CSV, a run folder, or (when no
     * such file or folder exists and the argument is one bare name) the run of that name in
     * {@code runs} (reports/runs/). Neither: a {@link BadInputException} naming the argument and
     * both places looked in.
     */
    public static ObservationRecord read(Path fileOrRun, Path runs) {
        if (!Files.exists(fileOrRun) && !fileOrRun.isAbsolute() && fileOrRun.getNameCount() == 1
                && !fileOrRun.toString().isEmpty()) {
            Path run = runs.resolve(fileOrRun);
            if (Files.isDirectory(run)) {
                return read(run);
            }
            throw new BadInputException("--compare " + fileOrRun + ": no such file or folder here, and no run '" + fileOrRun
                    + "' in " + runs + " (give a --record file, a run folder, or the name of a run folder in " + runs + ")");
        }
        return read(fileOrRun);
    }

    /**
     * Reads a record: {@code fileOrRun} is the CSV itself or a run folder holding {@link #FILE}.
     * Anything missing or malformed is a {@link BadInputException} naming the file (and line).
     */
    public static ObservationRecord read(Path fileOrRun) {
        Path file = fileOrRun;
        if (Files.isDirectory(fileOrRun)) {
            file = fileOrRun.resolve(FILE);
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(fileOrRun + ": no " + FILE + " in this folder (a run folder holds one from "
                        + "the conform stage; a file written by conform --record can be named directly)");
            }
        } else if (!Files.exists(fileOrRun)) {
            throw new BadInputException(fileOrRun + ": no such file or folder");
        }
        String name = file.toString();
        return parse(name, FixtureText.read(file));
    }

    /** Parses record text; {@code name} names it in error messages. */
    public static ObservationRecord parse(String name, String text) {
        long line = 1;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(READ).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw BadInputException.at(name, 1, "empty: no header line (expected " + String.join(",", HEADER) + ")");
            }
            for (String col : HEADER) {
                if (!header.contains(col)) {
                    throw BadInputException.at(name, 1, "missing column '" + col + "' (is this a file written by "
                            + "conform --record?)");
                }
            }
            Reader reader = new Reader(name);
            for (CSVRecord rec : parser) {
                line = parser.getCurrentLineNumber();
                reader.row(rec, line);
            }
            return reader.finish();
        } catch (IOException | UncheckedIOException e) {
            throw BadInputException.at(name, line + 1, "malformed CSV: " + e.getMessage());
        }
    }

    /** Collects rows into runs, checking each. */
    private static final class Reader {
        private final String file;
        private final Map<String, Draft> drafts = new LinkedHashMap<>();
        private String backend;
        private long backendLine;

        Reader(String file) {
            this.file = file;
        }

        /** One case run's rows so far; its first row (line) fixes the case, profile, status and samples. */
        private static final class Draft {
            final String caseName;
            final AbiProfile profile;
            final Status status;
            final long samples;
            final long line;
            String reason = "";
            final List<Seen> seen = new ArrayList<>();
            final Set<String> texts = new HashSet<>();
            final List<Outcome> outcomes = new ArrayList<>();
            boolean none;

            Draft(String caseName, AbiProfile profile, Status status, long samples, long line) {
                this.caseName = caseName;
                this.profile = profile;
                this.status = status;
                this.samples = samples;
                this.line = line;
            }
        }

        void row(CSVRecord rec, long line) {
            if (!rec.isConsistent()) {
                throw BadInputException.at(file, line, "row has " + rec.size() + " fields, the header has "
                        + rec.getParser().getHeaderNames().size());
            }
            String caseName = rec.get("case");
            if (caseName.isBlank()) {
                throw BadInputException.at(file, line, "empty case name");
            }
            AbiProfile profile = profile(rec.get("profile"), line);
            String b = rec.get("backend");
            if (b.isBlank()) {
                throw BadInputException.at(file, line, "empty backend");
            }
            if (backend == null) {
                backend = b;
                backendLine = line;
            } else if (!backend.equals(b)) {
                throw BadInputException.at(file, line, "backend '" + b + "' but line " + backendLine + " says '" + backend
                        + "': one file records one run on one backend");
            }
            Status status = status(rec.get("status"), line);
            long samples = number(rec.get("samples"), "samples", line);
            Draft d = drafts.computeIfAbsent(caseName + "|" + profile.id(),
                    k -> new Draft(caseName, profile, status, samples, line));
            if (d.status != status || d.samples != samples) {
                throw BadInputException.at(file, line, "case " + caseName + " " + profile.id() + " has status " + status
                        + " and " + samples + " samples here but " + d.status + " and " + d.samples + " on line " + d.line);
            }
            String kind = rec.get("kind");
            String text = rec.get("text");
            switch (kind) {
                case "observed" -> {
                    if (text.isEmpty()) {
                        throw BadInputException.at(file, line, "observed row without an observation in 'text'");
                    }
                    if (!d.texts.add(text)) {
                        throw BadInputException.at(file, line, "observation recorded twice for " + caseName + " "
                                + profile.id() + ": " + text);
                    }
                    long count = number(rec.get("count"), "count", line);
                    if (count < 1) {
                        throw BadInputException.at(file, line, "count must be at least 1 for an observed row, was " + count);
                    }
                    d.seen.add(new Seen(text, count, expect(rec.get("expect"), line), rec.get("note")));
                }
                case "outcome" -> {
                    try {
                        d.outcomes.add(new Outcome(text, expect(rec.get("expect"), line), rec.get("note"), null, (int) line));
                    } catch (IllegalArgumentException e) {
                        throw BadInputException.at(file, line, "outcome pattern: " + e.getMessage());
                    }
                }
                case "none" -> {
                    d.none = true;
                    d.reason = rec.get("note");
                }
                default -> throw BadInputException.at(file, line, "unknown kind '" + kind
                        + "' (expected observed, outcome or none)");
            }
        }

        ObservationRecord finish() {
            List<Run> runs = new ArrayList<>();
            for (Draft d : drafts.values()) {
                if (d.outcomes.isEmpty()) {
                    throw BadInputException.at(file, d.line, "case " + d.caseName + " " + d.profile.id()
                            + " has no outcome rows (the outcomes its observations were graded against)");
                }
                if (d.none && !d.seen.isEmpty()) {
                    throw BadInputException.at(file, d.line, "case " + d.caseName + " " + d.profile.id()
                            + " has both a 'none' row and observed rows");
                }
                if (d.status == Status.SKIP && !d.seen.isEmpty()) {
                    throw BadInputException.at(file, d.line, "case " + d.caseName + " " + d.profile.id()
                            + " is SKIP but has observed rows");
                }
                runs.add(new Run(d.caseName, d.profile, d.status, d.samples, d.reason, d.seen, d.outcomes));
            }
            return new ObservationRecord(file, backend == null ? "unknown" : backend, runs);
        }

        private AbiProfile profile(String p, long line) {
            return switch (p) {
                case "rfc-v1" -> AbiProfile.RFC_V1;
                case "later" -> AbiProfile.LATER;
                default -> throw BadInputException.at(file, line, "profile '" + p + "' (expected rfc-v1 or later)");
            };
        }

        private Status status(String s, long line) {
            return named(Status.class, s, line, "status", "PASS, FAIL, ERROR, TIMEOUT or SKIP");
        }

        private Expect expect(String s, long line) {
            return named(Expect.class, s, line, "expect", "ACCEPTABLE, ACCEPTABLE_INTERESTING or FORBIDDEN");
        }

        /** The constant of {@code type} named exactly {@code s} (no case folding), else file:line naming the column. */
        private <E extends Enum<E>> E named(Class<E> type, String s, long line, String column, String expected) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s)) {
                    return e;
                }
            }
            throw BadInputException.at(file, line, column + " '" + s + "' (expected " + expected + ")");
        }

        private long number(String s, String col, long line) {
            if (!s.matches("[0-9]{1,18}")) {        // ASCII digits only
                throw BadInputException.at(file, line, "column '" + col + "': '" + s + "' is not a count");
            }
            return Long.parseLong(s);
        }
    }

    /** "native (reports/runs/X/conform-observations.csv)", or the backend alone for a run just made. */
    public String label() {
        return source.isEmpty() ? backend : backend + " (" + source + ")";
    }
}
