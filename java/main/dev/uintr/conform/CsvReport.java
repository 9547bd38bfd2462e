package dev.uintr.conform;

import dev.uintr.program.Expect;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One row per case result: name, area, case, backend, profile, status, samples, distinct
 * observations, forbidden samples, interesting (true/false), millis, reason, cite.
 */
public final class CsvReport {
    public static final String[] HEADER = {"name", "area", "case", "backend", "profile", "status", "samples",
        "distinct", "forbidden_samples", "interesting", "millis", "reason", "cite"};

    private CsvReport() {}

    public static String render(List<CaseResult> results) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get())) {
            for (CaseResult r : results) {
                Graded g = r.graded();
                long distinct = g == null ? 0 : g.rows().stream().filter(x -> x.count() > 0).count();
                long forbidden = g == null ? 0 : g.rows().stream()
                        .filter(x -> x.expect() == Expect.FORBIDDEN).mapToLong(GradedRow::count).sum();
                p.printRecord(r.name(), r.spec().area(), r.spec().name(), r.backend().id(), r.profile().id(),
                        r.status(), r.samples(), distinct, forbidden, g != null && g.interesting(), r.millis(),
                        r.reason() == null ? "" : r.reason(), r.spec().cite());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
