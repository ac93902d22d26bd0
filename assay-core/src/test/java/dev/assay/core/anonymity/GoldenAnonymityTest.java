package dev.assay.core.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumberText;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.uncertainty.Golden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** k-anonymity, l-diversity and t-closeness against pandas group-bys (scripts/golden/anonymity_golden.py). */
class GoldenAnonymityTest {
    private static final double TOL = 1e-12;

    @TestFactory
    Stream<DynamicTest> matchesPandas() {
        JsonNode root = Golden.read("anonymity/anonymity.json");
        Frame adult = csv(Path.of("../examples/models/adult.csv"));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c, c.has("rows") ? table(c) : adult)));
        }
        assertThat(tests).hasSize(8);
        return tests.stream();
    }

    private static void check(JsonNode c, Frame frame) {
        String sensitive = c.get("sensitive").isNull() ? null : c.get("sensitive").asText();
        AnonymitySettings settings = new AnonymitySettings(Golden.strings(c.get("quasi_identifiers")), sensitive,
                c.get("k_required").asInt(), c.get("c").asDouble(), 0);
        AnonymityReport r = AnonymityAnalysis.analyse(frame, settings);
        JsonNode e = c.get("expected");
        assertThat(r.kAnonymity().k()).isEqualTo(e.get("k").asInt());
        assertThat(r.kAnonymity().classes()).isEqualTo(e.get("classes").asInt());
        assertThat(r.kAnonymity().rowsBelow()).isEqualTo(e.get("rows_below").asInt());
        assertThat(r.kAnonymity().shareBelow()).isCloseTo(e.get("share_below").asDouble(), within(TOL));
        if (sensitive != null) {
            assertThat(r.lDiversity().distinct()).isEqualTo(e.get("l_distinct").asInt());
            assertThat(r.lDiversity().entropy()).isCloseTo(e.get("l_entropy").asDouble(), within(1e-9));
            assertThat(r.lDiversity().recursive()).isEqualTo(e.get("l_recursive").asInt());
            assertThat(r.tCloseness().equal()).isCloseTo(e.get("t_equal").asDouble(), within(1e-9));
            if (e.has("t_ordered")) {
                assertThat(r.tCloseness().ordered()).isCloseTo(e.get("t_ordered").asDouble(), within(1e-9));
            } else {
                assertThat(r.tCloseness().ordered()).isNaN();
            }
        } else {
            assertThat(r.lDiversity()).isNull();
        }
        List<List<String>> breaking = new ArrayList<>();
        e.get("breaking").forEach(b -> breaking.add(Golden.strings(b)));
        assertThat(r.breakingCombinations()).isEqualTo(breaking);
    }

    /** A paper's table from the fixture: numeric columns where every value is a number. */
    private static Frame table(JsonNode c) {
        List<String> names = Golden.strings(c.get("columns"));
        List<String[]> rows = new ArrayList<>();
        for (JsonNode r : c.get("rows")) {
            String[] row = new String[names.size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = r.get(j).asText();
            }
            rows.add(row);
        }
        return frame(c.get("name").asText(), names, rows);
    }

    static Frame csv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
            return frame(file.getFileName().toString(), List.of(lines.get(0).split(",")), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Frame frame(String source, List<String> names, List<String[]> rows) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            String[] values = new String[rows.size()];
            boolean numeric = true;
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.get(i)[j];
                numeric &= NumberText.isNumber(values[i]);
            }
            if (numeric) {
                double[] d = new double[values.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = NumberText.parse(values[i]);
                }
                columns.add(NumericColumn.wrap(names.get(j), d));
            } else {
                columns.add(CategoricalColumn.of(names.get(j), values));
            }
        }
        return Frame.of(source, columns);
    }
}
