package dev.assay.report.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.Status;
import dev.assay.report.JsonReportWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link ReportDiff} compares of one {@code report.json} (docs/report-json.md): the suite's
 * verdict, and per check its status and measurements with their intervals.
 *
 * @param location where the report was read from, for messages
 */
public record ReportSnapshot(String location, String suite, Status status, List<CheckSnapshot> checks) {

    /** One check of the report. */
    public record CheckSnapshot(String name, String kind, Status status, List<MeasurementSnapshot> measurements) {
    }

    /**
     * One measurement: {@code value}, {@code lower} and {@code upper} are {@code NaN} when the report
     * holds {@code null}; {@code level} is {@code NaN} without an interval.
     */
    public record MeasurementSnapshot(String name, String key, double value, double lower, double upper, double level) {

        /** {@code name} or {@code name[key]}, as conditions address it. */
        public String label() {
            return key == null ? name : name + "[" + key + "]";
        }

        boolean hasInterval() {
            return !Double.isNaN(lower) && !Double.isNaN(upper);
        }
    }

    /**
     * Reads a {@code report.json}.
     *
     * @throws InvalidInputException naming the file and what is wrong when it is missing, not JSON or
     *     not an Assay report of a version this reader knows
     */
    public static ReportSnapshot read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file. Give the report.json written by `assay run`.");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + ": not UTF-8 text, so not a report.json; give the report.json written by "
                    + "`assay run`.", e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read it (" + e.getMessage() + ").", e);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ": not JSON (line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + "). Give the report.json written by `assay run`.", e);
        }
        return parse(file.toString(), root);
    }

    /** Reads a parsed {@code report.json}; {@code location} names it in messages. */
    public static ReportSnapshot parse(String location, JsonNode root) {
        if (root == null || !root.isObject() || !JsonReportWriter.SCHEMA.equals(root.path("schema").asText(null))) {
            throw new InvalidInputException(location + ": not an Assay report (expected \"schema\": \""
                    + JsonReportWriter.SCHEMA + "\"). Give the report.json written by `assay run`.");
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version != JsonReportWriter.SCHEMA_VERSION) {
            throw new InvalidInputException(location + ": report format version " + root.path("schemaVersion")
                    + ", but this Assay reads version " + JsonReportWriter.SCHEMA_VERSION
                    + ". Run the suite again with this Assay version to compare.");
        }
        List<CheckSnapshot> checks = new ArrayList<>();
        for (JsonNode c : root.path("checks")) {
            List<MeasurementSnapshot> measurements = new ArrayList<>();
            for (JsonNode m : c.path("measurements")) {
                JsonNode interval = m.path("interval");
                measurements.add(new MeasurementSnapshot(m.path("name").asText(), textOrNull(m.path("key")),
                        number(m.path("value")), number(interval.path("lower")), number(interval.path("upper")),
                        number(interval.path("level"))));
            }
            checks.add(new CheckSnapshot(c.path("name").asText(), c.path("kind").asText(),
                    status(location, c.path("status")), List.copyOf(measurements)));
        }
        return new ReportSnapshot(location, root.path("suite").asText(), status(location, root.path("status")),
                List.copyOf(checks));
    }

    private static Status status(String location, JsonNode node) {
        for (Status s : Status.values()) {
            if (s.id().equals(node.asText("").toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new InvalidInputException(location + ": unknown status " + node + " (expected pass, skipped, warn, fail "
                + "or error). Give the report.json written by `assay run`.");
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
