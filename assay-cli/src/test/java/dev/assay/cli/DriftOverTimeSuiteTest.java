package dev.assay.cli;

import static dev.assay.cli.ReportMeasurements.measurement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drift_over_time}, {@code domain_classifier}, {@code label_drift} and {@code prediction_drift}
 * in suites, on Seattle's daily weather (2012 as the reference, 2013-2015 as the current data) with a
 * rule as the model's prediction: rain when there was precipitation, else sun.
 */
class DriftOverTimeSuiteTest {
    private static final Path SEATTLE = Path.of("../assay-core/src/test/resources/drift/seattle_weather.csv")
            .toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private List<String> lines;

    @BeforeEach
    void readSeattle() throws IOException {
        lines = Files.readAllLines(SEATTLE);
    }

    /** The rows whose line passes {@code keep}, with a {@code predicted} column; wind + {@code plus} from {@code from} on. */
    private Path write(String name, Predicate<String> keep, String from, double plus) throws IOException {
        List<String> out = new ArrayList<>(List.of(lines.get(0) + ",predicted"));
        for (String line : lines.subList(1, lines.size())) {
            if (keep.test(line)) {
                String[] c = line.split(",");
                if (from != null && c[0].compareTo(from) >= 0) {
                    c[4] = Double.toString(Double.parseDouble(c[4]) + plus);
                }
                out.add(String.join(",", c) + "," + (Double.parseDouble(c[1]) > 0 ? "rain" : "sun"));
            }
        }
        return Files.write(dir.resolve(name), out);
    }

    private JsonNode run(Path reference, Path current, String check, int expectedExit) throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                suite: drift over time
                data: {reference: %s, current: %s}
                columns: {label: weather, prediction: predicted, timestamp: date,
                          features: [precipitation, temp_max, temp_min, wind]}
                checks:
                """.formatted(reference, current) + check);
        CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(expectedExit);
        return JSON.readTree(dir.resolve("r/report.json").toFile()).get("checks").get(0);
    }

    @Test
    void aPlantedShiftIsFlaggedInItsMonthAndAccuracyIsMeasuredPerMonth() throws IOException {
        Path ref = write("ref.csv", l -> l.startsWith("2012"), null, 0);
        Path cur = write("cur.csv", l -> !l.startsWith("2012") && !l.startsWith("date"), "2014-07-01", 4);
        JsonNode check = run(ref, cur, """
                  - type: drift_over_time
                    window: monthly
                    columns: [wind]
                    metric: accuracy
                    fail: [first_drift_window == 0]
                """, 1);
        assertThat(measurement(check, "windows", null).get("value").asInt()).isEqualTo(36);
        assertThat(measurement(check, "first_drift_window", null).get("value").asInt()).isEqualTo(19);
        assertThat(check.get("message").asText()).contains("persistent drift from window 2014-07");
        assertThat(measurement(check, "drift_share", "2014-07").get("value").asDouble()).isEqualTo(1.0);
        JsonNode july = measurement(check, "accuracy", "2013-07");
        assertThat(july.get("value").asDouble()).isBetween(0.0, 1.0);
        assertThat(july.get("interval").get("lower").asDouble()).isLessThan(july.get("value").asDouble());
        assertThat(measurement(check, "worst_window_metric", null).get("value").asDouble())
                .isLessThanOrEqualTo(july.get("value").asDouble());
        assertThat(check.get("charts")).hasSize(3);
        assertThat(check.get("tables").get(0).get("rows")).hasSize(36);
    }

    @Test
    void realYearsDriftInSomeSeasonsWithoutAPersistentStart() throws IOException {
        Path ref = write("ref.csv", l -> l.startsWith("2012"), null, 0);
        Path cur = write("cur.csv", l -> !l.startsWith("2012") && !l.startsWith("date"), null, 0);
        JsonNode check = run(ref, cur, """
                  - type: drift_over_time
                    window: 100
                    columns: [precipitation, wind]
                """, 0);
        assertThat(measurement(check, "windows", null).get("value").asInt()).isEqualTo(11);
        assertThat(measurement(check, "drift_share", "rows 1-100")).isNotNull();
    }

    @Test
    void aTimestampThatDoesNotParseNamesFileColumnRowAndFormat() throws IOException {
        Path ref = write("ref.csv", l -> l.startsWith("2012"), null, 0);
        List<String> bad = new ArrayList<>(Files.readAllLines(write("cur.csv", l -> l.startsWith("2013"), null, 0)));
        bad.set(5, bad.get(5).replaceFirst("^2013-01-05", "05/01/2013"));
        Path cur = Files.write(dir.resolve("bad.csv"), bad);
        JsonNode check = run(ref, cur, """
                  - type: drift_over_time
                    window: weekly
                """, 2);
        assertThat(check.get("status").asText()).isEqualTo("error");
        assertThat(check.get("message").asText()).contains("'date' of bad.csv").contains("'05/01/2013' at row 5")
                .contains("ISO-8601");
    }

    @Test
    void theDomainClassifierCannotTellAShuffledSplitApartButTellsYearsApart() throws IOException {
        List<String> all = Files.readAllLines(write("all.csv", l -> !l.startsWith("date"), null, 0));
        List<String> rows = new ArrayList<>(all.subList(1, all.size()));
        Collections.shuffle(rows, new Random(3));
        Path a = Files.write(dir.resolve("a.csv"), concat(all.get(0), rows.subList(0, 730)));
        Path b = Files.write(dir.resolve("b.csv"), concat(all.get(0), rows.subList(730, rows.size())));
        String check = """
                  - type: domain_classifier
                    columns: [precipitation, temp_max, temp_min, wind, weather]
                    fail: ["auc.lower < 0.55"]
                """;
        JsonNode same = run(a, b, check, 0);
        JsonNode auc = measurement(same, "auc", null);
        assertThat(auc.get("interval").get("lower").asDouble()).isLessThanOrEqualTo(0.5);
        assertThat(auc.get("interval").get("upper").asDouble()).isGreaterThanOrEqualTo(0.5);

        Path y2012 = write("y2012.csv", l -> l.startsWith("2012"), null, 0);
        Path y2015 = write("y2015.csv", l -> l.startsWith("2015"), null, 0);
        JsonNode years = run(y2012, y2015, check, 1);
        assertThat(measurement(years, "auc", null).get("interval").get("lower").asDouble()).isGreaterThan(0.55);
        assertThat(years.get("tables").get(0).get("rows").get(0).get(0).asText()).isEqualTo("weather");
    }

    @Test
    void labelAndPredictionDrift() throws IOException {
        Path y2012 = write("y2012.csv", l -> l.startsWith("2012"), null, 0);
        Path y2015 = write("y2015.csv", l -> l.startsWith("2015"), null, 0);
        JsonNode label = run(y2012, y2015, """
                  - type: label_drift
                    fail: [drift == 0]
                """, 1);
        assertThat(label.get("tables").get(0).get("rows").get(0).get(1).asText()).isEqualTo("chi2");
        assertThat(measurement(label, "p_value", null).get("value").asDouble()).isLessThan(1e-6);
        assertThat(measurement(label, "effect_size", null).get("value").asDouble()).isPositive();
        // the rule's predictions (rain on days with precipitation) shift too: 2015 had fewer wet days than 2012
        JsonNode prediction = run(y2012, y2015, """
                  - type: prediction_drift
                    fail: ["drift[predicted] == 0"]
                """, 1);
        assertThat(measurement(prediction, "p_value", "predicted").get("value").asDouble()).isLessThan(0.05);
        assertThat(measurement(prediction, "drifted_columns", null).get("value").asInt()).isEqualTo(1);
    }

    @Test
    void badSettingsAreInputErrorsNamingTheKey() throws IOException {
        Path ref = write("ref.csv", l -> l.startsWith("2012"), null, 0);
        Path cur = write("cur.csv", l -> l.startsWith("2013"), null, 0);
        for (String[] c : new String[][] {{"window: hourly", "daily, weekly, monthly or a number of rows"},
            {"metric: acuracy", "unknown metric 'acuracy'"}, {"persistence: 0", "'persistence' must be 1 or more"}}) {
            Path suite = Files.writeString(dir.resolve("suite.yaml"), """
                    suite: drift over time
                    data: {reference: %s, current: %s}
                    columns: {label: weather, prediction: predicted, timestamp: date}
                    checks:
                      - type: drift_over_time
                        %s
                    """.formatted(ref, cur, c[0]));
            CliRun r = CliRun.of("run", suite.toString(), "--out", dir.resolve("r").toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains(c[1]);
        }
    }

    private static List<String> concat(String header, List<String> rows) {
        List<String> out = new ArrayList<>(List.of(header));
        out.addAll(rows);
        return out;
    }
}
