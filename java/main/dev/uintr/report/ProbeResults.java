package dev.uintr.report;

import dev.uintr.BadInputException;
import dev.uintr.Verdict;
import dev.uintr.backend.HostFacts;
import dev.uintr.backend.HostProbe;
import java.io.StringWriter;
import java.util.List;

/**
 * The probe area's service: this host's facts (probed once), rendered as a table or CSV, written
 * as probe.csv into a run folder. The {@code probe} command and the run stage are adapters over it.
 */
public record ProbeResults(HostFacts facts) {
    /** The report file {@link #write} writes. */
    public static final String FILE = "probe.csv";
    /** The formats {@link #render} knows, as --format spells them. */
    public static final List<String> FORMATS = List.of("table", "csv");

    /** Probes this host. */
    public static ProbeResults probe() {
        return new ProbeResults(HostProbe.probe());
    }

    /** Always PASS: a fact that cannot be read is {@code unknown}, never a failure. */
    public Verdict verdict() {
        return Verdict.PASS;
    }

    /** The readable table or the CSV (fact, value, detail). */
    public String render(String format) {
        return switch (format) {
            case "table" -> ProbeReport.table(facts);
            case "csv" -> {
                StringWriter w = new StringWriter();
                ProbeReport.writeCsv(facts, w);
                yield w.toString();
            }
            default -> throw new BadInputException("unknown --format '" + format + "' (expected table or csv)");
        };
    }

    /** Writes probe.csv into {@code folder}, atomically. */
    public void write(RunFolder folder) {
        AtomicFiles.write(folder.file(FILE), w -> ProbeReport.writeCsv(facts, w));
    }
}
