package dev.uintr.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.backend.BackendKind;
import dev.uintr.backend.EmulatedBackend;
import dev.uintr.backend.NativeBackend;
import dev.uintr.cli.Main;
import dev.uintr.program.CaseParser;
import dev.uintr.program.CaseSpec;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import picocli.CommandLine;

class JunitXmlReportTest {
    /** isa §7.5: SENDUIPI with no UITT (nothing registered) is #UD, seen by the thread as SIGILL. */
    static final String SENDUIPI_NO_UITT = "profiles rfc-v1 later\nthread t: senduipi 0\n";

    static CaseSpec spec(String name, String body) {
        return CaseParser.parse("t.case", "case " + name + "\n" + body).get(0);
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static List<Element> elements(Node parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    static Element only(Node parent, String tag) {
        List<Element> es = elements(parent, tag);
        assertEquals(1, es.size(), "exactly one <" + tag + "> expected");
        return es.get(0);
    }

    static Element testcase(Document d, String name) {
        NodeList nl = d.getElementsByTagName("testcase");
        for (int i = 0; i < nl.getLength(); i++) {
            Element e = (Element) nl.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    /** A PASS, an interesting PASS, a FAIL, a TIMEOUT on the emulator and a SKIP on the native backend. */
    static List<CaseResult> mixedResults() {
        EmulatedBackend emu = new EmulatedBackend();
        // isa §7.5: the right expectation passes ...
        CaseResult pass = ConformRunner.runOne(spec("j.pass", SENDUIPI_NO_UITT
                + "outcome \"t: senduipi(0): SIGILL\" ACCEPTABLE \"#UD without a UITT\"\noutcome * FORBIDDEN \"x\"\n"),
                emu, AbiProfile.RFC_V1, 3);
        // ... the same observation graded ACCEPTABLE_INTERESTING is flagged ...
        CaseResult interesting = ConformRunner.runOne(spec("j.interesting", SENDUIPI_NO_UITT
                + "outcome \"t: senduipi(0): SIGILL\" ACCEPTABLE_INTERESTING \"flagged on purpose\"\n"
                + "outcome * FORBIDDEN \"x\"\n"), emu, AbiProfile.LATER, 2);
        // ... and a deliberately wrong expectation (SENDUIPI succeeds) fails.
        CaseResult fail = ConformRunner.runOne(spec("j.wrong", SENDUIPI_NO_UITT
                + "outcome \"t: senduipi(0): ok\" ACCEPTABLE \"wrong on purpose\"\n"
                + "outcome * FORBIDDEN \"a <SIGILL> & 'apostrophes' here\"\n"), emu, AbiProfile.RFC_V1, 3);
        CaseResult timeout = ConformRunner.runOne(spec("w.missed", "profiles rfc-v1\n"
                + "thread t: register_handler; vector_fd 0 -> $fd; stui; spin_until deliveries>=1\n"
                + "outcome * FORBIDDEN \"nobody sends\"\n"), emu, AbiProfile.RFC_V1, 2);
        CaseResult skip = ConformRunner.runOne(spec("j.native", SENDUIPI_NO_UITT + "outcome * ACCEPTABLE \"any\"\n"),
                new NativeBackend(ConformStageTest.host(BackendKind.NATIVE)), AbiProfile.LATER, 1);
        assertEquals(Status.PASS, pass.status());
        assertEquals(Status.PASS, interesting.status());
        assertEquals(Status.FAIL, fail.status());
        assertEquals(Status.TIMEOUT, timeout.status());
        assertEquals(Status.SKIP, skip.status());
        return List.of(pass, interesting, fail, timeout, skip);
    }

    @Test
    void passFailSkipTimeout_countsPerAreaAndElements_isa7_5() throws Exception {
        List<CaseResult> results = mixedResults();
        Document d = parse(JunitXmlReport.render(results));
        Element root = d.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("5", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("errors"));
        assertEquals("1", root.getAttribute("skipped"));

        List<Element> suites = elements(root, "testsuite");
        assertEquals(List.of("j", "w"), suites.stream().map(s -> s.getAttribute("name")).toList());
        Element j = suites.get(0);
        assertEquals("4", j.getAttribute("tests"));
        assertEquals("1", j.getAttribute("failures"));
        assertEquals("0", j.getAttribute("errors"));
        assertEquals("1", j.getAttribute("skipped"));
        Element w = suites.get(1);
        assertEquals("1", w.getAttribute("tests"));
        assertEquals("0", w.getAttribute("failures"));
        assertEquals("1", w.getAttribute("errors"));
        assertEquals(List.of("pass.emulated.rfc-v1", "interesting.emulated.later", "wrong.emulated.rfc-v1",
                "native.native.later"), elements(j, "testcase").stream().map(e -> e.getAttribute("name")).toList());

        Element pass = testcase(d, "pass.emulated.rfc-v1");
        assertEquals("uintr.j", pass.getAttribute("classname"));
        assertTrue(pass.getAttribute("time").matches("\\d+\\.\\d{3}"), pass.getAttribute("time"));
        assertEquals(0, pass.getElementsByTagName("*").getLength(), "a quiet pass has no child elements");

        Element interesting = testcase(d, "interesting.emulated.later");
        assertTrue(elements(interesting, "failure").isEmpty());
        String out = only(interesting, "system-out").getTextContent();
        assertTrue(out.contains("ACCEPTABLE_INTERESTING"), out);
        assertTrue(out.contains("2: t: senduipi(0): SIGILL [ACCEPTABLE_INTERESTING]"), out);

        Element failure = only(testcase(d, "wrong.emulated.rfc-v1"), "failure");
        assertEquals("FORBIDDEN", failure.getAttribute("type"));
        assertEquals("FORBIDDEN outcome seen in 3 of 3 samples: t: senduipi(0): SIGILL", failure.getAttribute("message"));
        String table = failure.getTextContent();
        assertTrue(table.contains("RESULT"), table);
        assertTrue(table.contains("DESCRIPTION"), table);
        assertTrue(table.contains("a <SIGILL> & 'apostrophes' here"), table);
        assertTrue(table.contains("t: senduipi(0): ok"), "declared-but-unseen outcome listed: " + table);
        assertTrue(table.contains("3: t: senduipi(0): SIGILL [FORBIDDEN]"), table);

        Element timeout = testcase(d, "missed.emulated.rfc-v1");
        assertEquals("uintr.w", timeout.getAttribute("classname"));
        Element err = only(timeout, "error");
        assertEquals("TIMEOUT", err.getAttribute("type"));
        assertTrue(err.getAttribute("message").startsWith("timed out: FORBIDDEN outcome seen in 2 of 2"), err.getAttribute("message"));
        assertTrue(err.getTextContent().contains("stui; TIMEOUT"), err.getTextContent());

        Element skipped = only(testcase(d, "native.native.later"), "skipped");
        assertTrue(skipped.getAttribute("message").startsWith("needs a UINTR CPU"), skipped.getAttribute("message"));
        assertEquals(results.get(4).reason(), skipped.getAttribute("message"));
    }

    @Test
    void specialCharacters_escaped_andRoundTrip() throws Exception {
        CaseSpec c = spec("x.esc", SENDUIPI_NO_UITT + "outcome * FORBIDDEN \"x\"\n");
        String reason = "bad <fd> & \"quoted\" 'single' ]]> tab\there\nsecond line\r\u0001 caf\u00e9 \ud83d\ude00";
        CaseResult error = new CaseResult(c, BackendKind.EMULATED, AbiProfile.LATER, Status.ERROR, reason, null, 0, 1234);
        CaseResult skip = new CaseResult(c, BackendKind.NATIVE, AbiProfile.LATER, Status.SKIP, "<skip & \"why\">", null, 0, 0);
        String xml = JunitXmlReport.render(List.of(error, skip));
        assertFalse(xml.contains("<fd>"), xml);
        assertFalse(xml.contains("\u0001"), "a control character XML 1.0 cannot carry was written raw");
        Document d = parse(xml);
        String expected = reason.replace("\u0001", "\\u0001");
        Element e = only(testcase(d, "esc.emulated.later"), "error");
        assertEquals("ERROR", e.getAttribute("type"));
        assertEquals(expected, e.getAttribute("message"));
        assertEquals(expected, e.getTextContent());
        assertEquals("1.234", testcase(d, "esc.emulated.later").getAttribute("time"));
        assertEquals("<skip & \"why\">", only(testcase(d, "esc.native.later"), "skipped").getAttribute("message"));
        Element suite = only(d.getDocumentElement(), "testsuite");
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("0", suite.getAttribute("failures"));
    }

    @Test
    void sameResults_sameBytes_noTimeOrHostInTestcases() throws Exception {
        List<CaseResult> results = mixedResults();
        String a = JunitXmlReport.render(results);
        assertEquals(a, JunitXmlReport.render(results));
        NodeList tcs = parse(a).getElementsByTagName("testcase");
        assertEquals(5, tcs.getLength());
        for (int i = 0; i < tcs.getLength(); i++) {
            NamedNodeMap attrs = tcs.item(i).getAttributes();
            List<String> names = new ArrayList<>();
            for (int k = 0; k < attrs.getLength(); k++) {
                names.add(attrs.item(k).getNodeName());
            }
            assertEquals(List.of("classname", "name", "time"), names.stream().sorted().toList());
        }
    }

    @Test
    void emptyResults_validEmptyDocument() throws Exception {
        Element root = parse(JunitXmlReport.render(List.of())).getDocumentElement();
        assertEquals("0", root.getAttribute("tests"));
        assertTrue(elements(root, "testsuite").isEmpty());
    }

    @Test
    void cli_formatJunitXml_printsParsableSuite() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out));
        int rc = cl.execute("conform", "--backend", "emulated", "--case", "senduipi.*", "--seeds", "2",
                "--format", "junit-xml");
        assertEquals(0, rc, out.toString());
        Document d = parse(out.toString());
        Element suite = only(d.getDocumentElement(), "testsuite");
        assertEquals("senduipi", suite.getAttribute("name"));
        int tests = Integer.parseInt(suite.getAttribute("tests"));
        assertTrue(tests > 0);
        assertEquals(tests, d.getElementsByTagName("testcase").getLength());
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("uintr.senduipi", ((Element) d.getElementsByTagName("testcase").item(0)).getAttribute("classname"));
    }

    @Test
    void cli_badFormat_exit2_namesIt() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("conform", "--format", "junit"));
        assertTrue(err.toString().contains("unknown --format 'junit'"), err.toString());
        assertTrue(err.toString().contains("junit-xml"), err.toString());
    }
}
