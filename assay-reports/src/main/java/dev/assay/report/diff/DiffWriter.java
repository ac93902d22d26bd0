package dev.assay.report.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.report.diff.ReportDiff.Movement;
import dev.assay.report.diff.ReportDiff.StatusChange;
import dev.assay.report.diff.ReportSnapshot.CheckSnapshot;
import dev.assay.report.diff.ReportSnapshot.MeasurementSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Renders a {@link ReportDiff} as plain text, Markdown or JSON ({@code "schema": "assay-diff"}). */
public final class DiffWriter {
    /** The value of the JSON document's {@code "schema"} field. */
    public static final String SCHEMA = "assay-diff";

    private DiffWriter() {
    }

    /** Plain text for the terminal: a verdict line, then one section per kind of change. */
    public static String text(ReportDiff diff) {
        StringBuilder sb = new StringBuilder(headline(diff)).append('\n');
        for (Section s : sections(diff)) {
            sb.append(s.title).append(":\n");
            s.lines.forEach(line -> sb.append("  ").append(line).append('\n'));
        }
        return sb.toString();
    }

    /** Markdown for a pull-request comment. */
    public static String markdown(ReportDiff diff) {
        StringBuilder sb = new StringBuilder("### ").append(headline(diff)).append("\n\n");
        sb.append("Compared `").append(diff.before().location()).append("` with `").append(diff.after().location())
                .append("`.\n");
        for (Section s : sections(diff)) {
            sb.append("\n**").append(s.title).append("**\n\n");
            s.lines.forEach(line -> sb.append("- ").append(line.replace("|", "\\|")).append('\n'));
        }
        return sb.toString();
    }

    /** JSON for machines: both verdicts, {@code regression}, and the changes. */
    public static String json(ReportDiff diff) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("schemaVersion", 1);
        root.put("suite", diff.after().suite());
        root.set("before", run(mapper, diff.before()));
        root.set("after", run(mapper, diff.after()));
        root.put("regression", diff.regression());
        ArrayNode changes = root.putArray("statusChanges");
        for (StatusChange c : diff.statusChanges()) {
            changes.addObject().put("check", c.check()).put("before", c.before().id()).put("after", c.after().id())
                    .put("startedFailing", c.startedFailing()).put("startedPassing", c.startedPassing());
        }
        ArrayNode moved = root.putArray("movements");
        for (Movement m : diff.movements()) {
            ObjectNode n = moved.addObject().put("check", m.check()).put("name", m.after().name())
                    .put("key", m.after().key());
            number(n, "before", m.before().value());
            number(n, "after", m.after().value());
            ObjectNode interval = n.putObject("interval");
            interval.put("of", m.intervalOwner() == m.before() ? "before" : "after");
            number(interval, "lower", m.intervalOwner().lower());
            number(interval, "upper", m.intervalOwner().upper());
            number(interval, "level", m.intervalOwner().level());
        }
        checks(root.putArray("added"), diff.added());
        checks(root.putArray("removed"), diff.removed());
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode run(ObjectMapper mapper, ReportSnapshot r) {
        return mapper.createObjectNode().put("report", r.location()).put("suite", r.suite()).put("status", r.status().id());
    }

    private static void checks(ArrayNode array, List<CheckSnapshot> checks) {
        checks.forEach(c -> array.addObject().put("check", c.name()).put("kind", c.kind()).put("status", c.status().id()));
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }

    private static String headline(ReportDiff diff) {
        String verdict = diff.regression() ? "REGRESSION" : diff.unchanged() ? "no change" : "no regression";
        return String.format(Locale.ROOT, "%s: %s -> %s (%s)", diff.after().suite(), diff.before().status().id(),
                diff.after().status().id(), verdict);
    }

    private record Section(String title, List<String> lines) {
    }

    private static List<Section> sections(ReportDiff diff) {
        List<Section> sections = new ArrayList<>();
        add(sections, "Started failing", statusLines(diff, StatusChange::startedFailing));
        add(sections, "Started passing", statusLines(diff, StatusChange::startedPassing));
        add(sections, "Other status changes", statusLines(diff, c -> !c.startedFailing() && !c.startedPassing()));
        add(sections, "Moved beyond the interval", diff.movements().stream().map(DiffWriter::movement).toList());
        add(sections, "New checks", diff.added().stream().map(c -> c.name() + ": " + c.status().id()).toList());
        add(sections, "Removed checks", diff.removed().stream().map(c -> c.name() + ": was " + c.status().id()).toList());
        return sections;
    }

    private static void add(List<Section> sections, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            sections.add(new Section(title, lines));
        }
    }

    private static List<String> statusLines(ReportDiff diff, Predicate<StatusChange> which) {
        return diff.statusChanges().stream().filter(which)
                .map(c -> c.check() + ": " + c.before().id() + " -> " + c.after().id()).toList();
    }

    private static String movement(Movement m) {
        MeasurementSnapshot owner = m.intervalOwner();
        return String.format(Locale.ROOT, "%s: %s %s -> %s, outside the %s run's %s%% interval [%s, %s]", m.check(),
                m.after().label(), format(m.before().value()), format(m.after().value()),
                owner == m.before() ? "old" : "new", Double.isNaN(owner.level()) ? "?" : format(100 * owner.level()),
                format(owner.lower()), format(owner.upper()));
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceFirst("(\\.\\d*?)0+($|e)", "$1$2").replaceFirst("\\.($|e)", "$1");
    }
}
