package dev.uintr.conform;

import dev.uintr.program.Expect;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML in the shape the Ant / Maven Surefire reports use, for CI test reporters:
 * {@code <testsuites>} holding one {@code <testsuite>} per area (in the order the areas first
 * appear in the results), one {@code <testcase>} per result with {@code classname="uintr.AREA"}
 * and {@code name="CASE.BACKEND.PROFILE"} (the case name without its area), times in seconds.
 *
 * <ul>
 *   <li>SKIP: {@code <skipped message="reason"/>}</li>
 *   <li>FAIL: {@code <failure type="FORBIDDEN" message=...>} holding the jcstress table and the
 *       observations seen</li>
 *   <li>TIMEOUT: {@code <error type="TIMEOUT" message=...>} holding the same</li>
 *   <li>ERROR: {@code <error type="ERROR" message="backend error">} holding the error text</li>
 *   <li>an interesting outcome seen (any status): {@code <system-out>} with the table</li>
 * </ul>
 *
 * The document is built with the JDK's DOM and serialised by its Transformer, which escapes
 * markup characters; characters XML 1.0 cannot carry at all (control characters other than
 * tab, newline and carriage return, unpaired surrogates, U+FFFE/U+FFFF) are written as the
 * visible text {@code \\uXXXX}. Nothing in a testcase depends on the time or the host, so
 * the same results give the same bytes.
 */
public final class JunitXmlReport {
    private JunitXmlReport() {}

    public static String render(List<CaseResult> results) {
        Document doc = newDocument();
        Element root = doc.createElement("testsuites");
        doc.appendChild(root);
        root.setAttribute("name", "uintr-harness conform");
        counts(root, results);
        for (var e : byArea(results).entrySet()) {
            Element suite = doc.createElement("testsuite");
            root.appendChild(suite);
            suite.setAttribute("name", clean(e.getKey()));
            counts(suite, e.getValue());
            for (CaseResult r : e.getValue()) {
                suite.appendChild(testcase(doc, r));
            }
        }
        return serialise(doc);
    }

    static Map<String, List<CaseResult>> byArea(List<CaseResult> results) {
        Map<String, List<CaseResult>> areas = new LinkedHashMap<>();
        for (CaseResult r : results) {
            areas.computeIfAbsent(r.spec().area(), a -> new ArrayList<>()).add(r);
        }
        return areas;
    }

    /** tests, failures (FAIL), errors (ERROR + TIMEOUT), skipped, time: Surefire's counters. */
    private static void counts(Element e, List<CaseResult> rs) {
        e.setAttribute("tests", Integer.toString(rs.size()));
        e.setAttribute("failures", Long.toString(count(rs, Status.FAIL)));
        e.setAttribute("errors", Long.toString(count(rs, Status.ERROR) + count(rs, Status.TIMEOUT)));
        e.setAttribute("skipped", Long.toString(count(rs, Status.SKIP)));
        e.setAttribute("time", seconds(rs.stream().mapToLong(CaseResult::millis).sum()));
    }

    private static Element testcase(Document doc, CaseResult r) {
        Element tc = doc.createElement("testcase");
        tc.setAttribute("classname", clean("uintr." + r.spec().area()));
        tc.setAttribute("name", clean(testName(r)));
        tc.setAttribute("time", seconds(r.millis()));
        switch (r.status()) {
            case PASS:
                break;
            case SKIP:
                tc.appendChild(child(doc, "skipped", r.reason() == null ? "skipped" : r.reason(), null, null));
                break;
            case FAIL:
                tc.appendChild(child(doc, "failure", forbiddenMessage(r), "FORBIDDEN", evidence(r)));
                break;
            case TIMEOUT:
                tc.appendChild(child(doc, "error", "timed out: " + forbiddenMessage(r), "TIMEOUT", evidence(r)));
                break;
            case ERROR:
                String why = r.reason() == null ? "backend error" : r.reason();
                tc.appendChild(child(doc, "error", why, "ERROR", why));
                break;
            default:
                throw new IllegalStateException("unknown status " + r.status());
        }
        if (r.graded() != null && r.graded().interesting()) {
            Element out = doc.createElement("system-out");
            out.setTextContent(clean(evidence(r)));
            tc.appendChild(out);
        }
        return tc;
    }

    /** {@code case.backend.profile}: the result's name without the area (the classname holds it). */
    static String testName(CaseResult r) {
        String area = r.spec().area();
        String full = r.name();
        return full.startsWith(area + ".") ? full.substring(area.length() + 1) : full;
    }

    private static Element child(Document doc, String tag, String message, String type, String body) {
        Element e = doc.createElement(tag);
        e.setAttribute("message", clean(message));
        if (type != null) {
            e.setAttribute("type", type);
        }
        if (body != null) {
            e.setTextContent(clean(body));
        }
        return e;
    }

    /** How many samples hit FORBIDDEN outcomes and the first such observation. */
    static String forbiddenMessage(CaseResult r) {
        Graded g = r.graded();
        if (g == null) {
            return r.status() + (r.reason() == null ? "" : ": " + r.reason());
        }
        List<GradedRow> bad = g.rows().stream().filter(x -> x.count() > 0 && x.expect() == Expect.FORBIDDEN).toList();
        long n = bad.stream().mapToLong(GradedRow::count).sum();
        String first = bad.isEmpty() ? "" : ": " + bad.get(0).observation();
        return "FORBIDDEN outcome seen in " + n + " of " + r.samples() + " samples" + first;
    }

    /** The jcstress diagnostics (header line and table), then each observation seen with its count. */
    static String evidence(CaseResult r) {
        StringBuilder b = new StringBuilder();
        for (String d : KtapReport.diagnostics(r)) {
            b.append(d).append('\n');
        }
        if (r.graded() != null) {
            b.append("observed (samples: observation):\n");
            for (GradedRow x : r.graded().rows()) {
                if (x.count() > 0) {
                    b.append(x.count()).append(": ").append(x.observation()).append(" [").append(x.expect()).append("]\n");
                }
            }
        }
        return b.toString();
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static long count(List<CaseResult> rs, Status s) {
        return rs.stream().filter(r -> r.status() == s).count();
    }

    /** Replaces what XML 1.0 cannot hold (even escaped) with the visible text {@code \\uXXXX}. */
    static String clean(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (b != null) {
                    b.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (ok) {
                if (b != null) {
                    b.append(c);
                }
            } else {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }

    private static Document newDocument() {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            doc.setXmlStandalone(true);
            return doc;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK has no DOM builder", e);
        }
    }

    private static String serialise(Document doc) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            // The JDK writes the declaration and the root on one line; ours is fixed text on its own.
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter w = new StringWriter();
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            t.transform(new DOMSource(doc), new StreamResult(w));
            String s = w.toString();
            return s.endsWith("\n") ? s : s + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise the JUnit XML", e);
        }
    }
}
