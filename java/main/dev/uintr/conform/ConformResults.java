package dev.uintr.conform;

import dev.uintr.BadInputException;
import dev.uintr.Verdict;
import dev.uintr.backend.BackendKind;
import dev.uintr.report.AtomicFiles;
import dev.uintr.report.RunFolder;
import java.util.List;

/**
 * What a conform run produced: one result per case × profile on one backend. The conform
 * command prints it in one format (and records it with --record); the run stage writes all four
 * report files.
 */
public record ConformResults(List<CaseResult> cases, BackendKind backend) {
    /** The report files {@link #write} writes into a run folder. */
    public static final List<String> FILES = List.of("conform.ktap", "conform.csv", "conform-junit.xml",
            ObservationRecord.FILE);
    /** The formats {@link #render} knows, as --format spells them. */
    public static final List<String> FORMATS = List.of("ktap", "csv", "table", "junit-xml");

    public ConformResults {
        cases = List.copyOf(cases);
    }

    /** Runs {@code plan} ({@code progress} sees each result as it is made; may be null). */
    public static ConformResults run(ConformPlan plan, java.util.function.Consumer<CaseResult> progress) {
        return new ConformResults(plan.run(progress), plan.backend().kind());
    }

    /** FAILED for any bad status, ALL_SKIPPED when everything was skipped (or nothing ran), else PASS. */
    public Verdict verdict() {
        return Verdict.of(cases.stream().anyMatch(r -> r.status().bad()),
                cases.stream().allMatch(r -> r.status() == Status.SKIP));
    }

    /** The report in {@code format} (ktap, csv, table, junit-xml). */
    public String render(String format) {
        return switch (format) {
            case "ktap" -> KtapReport.render(cases);
            case "csv" -> CsvReport.render(cases);
            case "table" -> TableReport.render(cases);
            case "junit-xml" -> JunitXmlReport.render(cases);
            default -> throw unknownFormat(format);
        };
    }

    /** Refuses a --format that {@link #render} does not know, before anything runs. */
    public static void requireFormat(String format) {
        if (!FORMATS.contains(format)) {
            throw unknownFormat(format);
        }
    }

    private static BadInputException unknownFormat(String format) {
        return new BadInputException("unknown --format '" + format + "' (expected ktap, csv, table or junit-xml)");
    }

    /** Writes conform.ktap, conform.csv, conform-junit.xml and conform-observations.csv into {@code folder}. */
    public void write(RunFolder folder) {
        write(folder, "conform");
    }

    /** Writes STEM.ktap, STEM.csv, STEM-junit.xml and STEM-observations.csv (the record) into {@code folder}. */
    public void write(RunFolder folder, String stem) {
        AtomicFiles.writeString(folder.file(stem + ".ktap"), render("ktap"));
        AtomicFiles.writeString(folder.file(stem + ".csv"), render("csv"));
        AtomicFiles.writeString(folder.file(stem + "-junit.xml"), render("junit-xml"));
        AtomicFiles.writeString(folder.file(stem + "-observations.csv"), record().csv());
    }

    /** Every case run's distinct observations with counts and grades (what --record writes, --compare reads). */
    public ObservationRecord record() {
        return ObservationRecord.of(this);
    }

    /** "N/M cases passed on BACKEND, K skipped". */
    public String summary() {
        long pass = cases.stream().filter(r -> r.status() == Status.PASS).count();
        long skip = cases.stream().filter(r -> r.status() == Status.SKIP).count();
        return pass + "/" + cases.size() + " cases passed on " + backend + ", " + skip + " skipped";
    }
}
