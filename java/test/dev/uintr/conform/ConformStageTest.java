package dev.uintr.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.backend.BackendKind;
import dev.uintr.backend.HostFacts;
import dev.uintr.backend.Tri;
import dev.uintr.cli.ConformStage;
import dev.uintr.cli.RunContext;
import dev.uintr.report.RunFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ConformStageTest {
    public static HostFacts host(BackendKind auto) {
        return new HostFacts("AuthenticAMD", 25, 1, 1, "AMD EPYC", Tri.NO, Tri.NO, false, "6.1.0", AbiProfile.NONE,
                "no uintr symbols", Tri.NO, "sysfs", Tri.YES, 0, false, "not loaded", auto, "test");
    }

    @Test
    void emulatedHost_writesKtapAndCsv_oneRowPerCase(@TempDir Path dir) throws Exception {
        StringWriter console = new StringWriter();
        RunContext ctx = new RunContext(RunFolder.at(dir), host(BackendKind.EMULATED), new PrintWriter(console), true);
        int rc = new ConformStage(Path.of("fixtures", "cases")).run(ctx);
        assertEquals(0, rc, console.toString());
        String ktap = Files.readString(dir.resolve("conform.ktap"));
        assertTrue(ktap.startsWith("KTAP version 1\n"));
        assertTrue(ktap.contains("ok 1 base.ipi-spinning.emulated.rfc-v1"), ktap);
        long rows = Files.readAllLines(dir.resolve("conform.csv")).size() - 1;
        long cases = ktap.lines().filter(l -> l.startsWith("  ok ") || l.startsWith("  not ok ")).count();
        assertEquals(cases, rows);
        assertTrue(console.toString().startsWith("conform: " + cases + "/" + cases + " cases passed on emulated"));
        org.w3c.dom.Element junit = JunitXmlReportTest.parse(Files.readString(dir.resolve("conform-junit.xml")))
                .getDocumentElement();
        assertEquals(Long.toString(cases), junit.getAttribute("tests"));
        assertEquals("0", junit.getAttribute("failures"));
        assertEquals("0", junit.getAttribute("errors"));
        assertEquals(cases, junit.getElementsByTagName("testcase").getLength());
        assertEquals("base", ((org.w3c.dom.Element) junit.getElementsByTagName("testsuite").item(0)).getAttribute("name"));
        ObservationRecord record = ObservationRecord.read(dir);   // the run folder is a --compare RUN
        assertEquals(cases, record.runs().size());
        assertEquals("emulated", record.backend());
        assertTrue(record.runs().stream().allMatch(r -> !r.seen().isEmpty() && !r.outcomes().isEmpty()));
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "a temporary file was left");
        }
    }

    @Test
    void nativeHostWithoutUintr_allSkipped_exit4(@TempDir Path dir) throws Exception {
        StringWriter console = new StringWriter();
        RunContext ctx = new RunContext(RunFolder.at(dir), host(BackendKind.NATIVE), new PrintWriter(console), true);
        assertEquals(4, new ConformStage(Path.of("fixtures", "cases")).run(ctx));
        assertTrue(Files.readString(dir.resolve("conform.ktap")).contains("# SKIP needs a UINTR CPU"));
        org.w3c.dom.Element junit = JunitXmlReportTest.parse(Files.readString(dir.resolve("conform-junit.xml")))
                .getDocumentElement();
        assertTrue(Integer.parseInt(junit.getAttribute("tests")) > 0);
        assertEquals(junit.getAttribute("tests"), junit.getAttribute("skipped"));
        assertEquals(junit.getAttribute("tests"), Integer.toString(junit.getElementsByTagName("skipped").getLength()));
    }
}
