package dev.assay.report;

import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.DatasetInfo;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml} in the format CI servers read (Jenkins, GitLab, GitHub actions): one
 * {@code <testsuite>} for the suite and one {@code <testcase>} per check. FAIL becomes
 * {@code <failure>}, ERROR {@code <error>}, SKIPPED {@code <skipped>}; WARN passes with its
 * warnings in {@code <system-out>}. Times are in seconds; the timestamp is the run's start in UTC.
 */
public final class JunitXmlReportWriter implements ReportWriter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Override
    public String fileName() {
        return "junit.xml";
    }

    @Override
    public void write(SuiteResult result, OutputStream out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            Map<Status, Integer> counts = result.counts();
            String time = seconds(Values.seconds(result.duration()));
            newline(x, 0);
            x.writeStartElement("testsuites");
            attribute(x, "name", result.suite());
            countAttributes(x, result, counts, time);
            newline(x, 1);
            x.writeStartElement("testsuite");
            attribute(x, "name", result.suite());
            countAttributes(x, result, counts, time);
            if (result.provenance() != null && result.provenance().startedAt() != null) {
                attribute(x, "timestamp", TIMESTAMP.format(result.provenance().startedAt()));
            }
            properties(x, result);
            for (CheckResult c : result.checks()) {
                testcase(x, result.suite(), c);
            }
            newline(x, 1);
            x.writeEndElement();
            newline(x, 0);
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write junit.xml: " + e.getMessage(), e);
        }
    }

    private static void countAttributes(XMLStreamWriter x, SuiteResult result, Map<Status, Integer> counts, String time)
            throws XMLStreamException {
        attribute(x, "tests", Integer.toString(result.checks().size()));
        attribute(x, "failures", Integer.toString(counts.get(Status.FAIL)));
        attribute(x, "errors", Integer.toString(counts.get(Status.ERROR)));
        attribute(x, "skipped", Integer.toString(counts.get(Status.SKIPPED)));
        attribute(x, "time", time);
    }

    private static void properties(XMLStreamWriter x, SuiteResult result) throws XMLStreamException {
        List<String[]> props = new ArrayList<>();
        props.add(new String[] {"assay.status", result.status().id()});
        if (result.provenance() != null) {
            if (result.provenance().assayVersion() != null) {
                props.add(new String[] {"assay.version", result.provenance().assayVersion()});
            }
            for (DatasetInfo d : result.provenance().datasets()) {
                props.add(new String[] {"dataset." + d.role(), d.location()
                        + (d.fingerprint() == null ? "" : " (" + d.fingerprint() + ")")});
            }
            result.provenance().settings().forEach((k, v) -> props.add(new String[] {"setting." + k, v}));
            result.provenance().model().forEach((k, v) -> props.add(new String[] {"model." + k, v}));
            result.provenance().checks().forEach((check, settings) -> settings.forEach((k, v) ->
                    props.add(new String[] {"check." + check + "." + k, v})));
        }
        newline(x, 2);
        x.writeStartElement("properties");
        for (String[] p : props) {
            newline(x, 3);
            x.writeEmptyElement("property");
            attribute(x, "name", p[0]);
            attribute(x, "value", p[1]);
        }
        newline(x, 2);
        x.writeEndElement();
    }

    private static void testcase(XMLStreamWriter x, String suite, CheckResult c) throws XMLStreamException {
        newline(x, 2);
        x.writeStartElement("testcase");
        attribute(x, "classname", suite);
        attribute(x, "name", c.name());
        attribute(x, "time", seconds(Values.seconds(c.duration())));
        switch (c.status()) {
            case FAIL -> {
                newline(x, 3);
                x.writeStartElement("failure");
                attribute(x, "message", failureMessage(c));
                attribute(x, "type", "assay.ConditionFailed");
                text(x, failureBody(c));
                x.writeEndElement();
            }
            case ERROR -> {
                newline(x, 3);
                x.writeStartElement("error");
                attribute(x, "message", oneLine(c.message() == null ? "the check could not run" : c.message()));
                attribute(x, "type", "assay.CheckError");
                text(x, c.message() == null ? "" : c.message());
                x.writeEndElement();
            }
            case SKIPPED -> {
                newline(x, 3);
                x.writeEmptyElement("skipped");
                attribute(x, "message", oneLine(c.message() == null ? "skipped" : c.message()));
            }
            case PASS, WARN -> {
            }
        }
        String out = systemOut(c);
        if (!out.isEmpty()) {
            newline(x, 3);
            x.writeStartElement("system-out");
            text(x, out);
            x.writeEndElement();
        }
        newline(x, 2);
        x.writeEndElement();
    }

    /**
     * The failed fail-level conditions, e.g. {@code "Expecting recall on test.csv: measured 0.712 (n=3846) to be at least 0.8"},
     * joined by "; ".
     */
    private static String failureMessage(CheckResult c) {
        List<String> failed = new ArrayList<>();
        for (ConditionOutcome o : c.conditions()) {
            if (!o.passed() && o.severity() != ConditionOutcome.Severity.WARN) {
                failed.add(Values.conditionSummary(o));
            }
        }
        if (failed.isEmpty()) {
            return oneLine(c.message() == null ? "the check failed" : c.message());
        }
        return oneLine(String.join("; ", failed));
    }

    private static String failureBody(CheckResult c) {
        StringBuilder sb = new StringBuilder();
        if (c.message() != null && !c.message().isEmpty()) {
            sb.append(c.message()).append('\n');
        }
        for (ConditionOutcome o : c.conditions()) {
            if (!o.passed()) {
                sb.append("failed ").append(o.severity() == null ? "" : o.severity().id() + " ").append("condition ")
                        .append(o.condition()).append(": ").append(Values.conditionSummary(o)).append('\n');
            }
        }
        appendMeasurements(sb, c);
        return sb.toString();
    }

    /** Warnings first (failed warn-level conditions, measurement warnings), then the measured values and notes. */
    private static String systemOut(CheckResult c) {
        StringBuilder sb = new StringBuilder();
        for (ConditionOutcome o : c.conditions()) {
            if (!o.passed() && o.severity() == ConditionOutcome.Severity.WARN) {
                sb.append("WARNING: condition ").append(o.condition()).append(": ").append(Values.conditionSummary(o)).append('\n');
            }
        }
        for (Measurement m : c.measurements()) {
            for (String w : m.warnings()) {
                sb.append("WARNING: ").append(m.id()).append(": ").append(w).append('\n');
            }
        }
        if (c.status() != Status.FAIL) {
            appendMeasurements(sb, c);
        }
        for (String note : c.notes()) {
            sb.append("note: ").append(note).append('\n');
        }
        return sb.toString();
    }

    private static void appendMeasurements(StringBuilder sb, CheckResult c) {
        for (Measurement m : c.measurements()) {
            sb.append("measured ").append(Values.measurement(m)).append('\n');
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static void newline(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static void attribute(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeAttribute(name, xmlSafe(value == null ? "" : value));
    }

    private static void text(XMLStreamWriter x, String value) throws XMLStreamException {
        x.writeCharacters(xmlSafe(value));
    }

    /** Drops the characters XML 1.0 cannot hold (control characters other than tab, newline and return). */
    static String xmlSafe(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean ok = ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF || ch == '\t' || ch == '\n' || ch == '\r';
            if (!ok && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            } else if (ok && sb != null) {
                sb.append(ch);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
