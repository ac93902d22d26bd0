package dev.assay.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckKinds;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.data.TextColumn;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Status;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every integrity kind on empty, one-row and all-missing data: a result or a clear error, never an internal error. */
class IntegrityEdgeCasesTest {
    static final List<String> KINDS = List.of("missing_values", "mixed_types", "single_value", "duplicate_rows", "conflicting_labels",
            "train_test_leakage", "resampling_leakage", "new_categories", "class_imbalance", "feature_label_leakage", "outliers", "isolation_forest",
            "string_mismatch", "special_characters", "contract");
    private static final Schema SCHEMA = Schema.builder().label("y").build();

    static Stream<String> kinds() {
        return KINDS.stream();
    }

    private static Frame frame(int rows, boolean missing) {
        double[] x = new double[rows];
        String[] c = new String[rows];
        String[] y = new String[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = missing ? Double.NaN : i;
            c[i] = missing ? null : "v" + (i % 2);
            y[i] = i % 2 == 0 ? "a" : "b";
        }
        return Frame.of("edge.csv", List.of(NumericColumn.wrap("x", x), CategoricalColumn.of("c", c), TextColumn.wrap("t", c.clone()),
                CategoricalColumn.of("y", y)), r -> "line " + (r + 2));
    }

    private static CheckResult run(String kind, Frame current, Map<String, ?> settings) {
        CheckKind k = CheckKinds.discover().get(kind);
        Map<String, ?> s = kind.equals("contract") && settings.isEmpty() ? Map.of("columns", Map.of("x", Map.of("min", 0))) : settings;
        return IntegrityData.run(k, s, current, frame(4, false), SCHEMA);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void emptyOneRowAndAllMissingDataGiveAResultOrAClearError(String kind) {
        for (Frame f : List.of(frame(0, false), frame(1, false), frame(5, true))) {
            CheckResult r = run(kind, f, Map.of());
            assertThat(r.message()).as(kind + " on " + f.rowCount() + " rows").doesNotContain("Internal error");
            if (r.status() == Status.ERROR) {
                assertThat(r.message()).as(kind).isNotBlank().doesNotContain("Exception");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anUnknownColumnIsNamedWithTheClosestOnes(String kind) {
        if (kind.equals("class_imbalance")) {
            return;
        }
        Map<String, ?> settings = kind.equals("contract") ? Map.of("columns", Map.of("xx", Map.of("min", 0)))
                : Map.of("columns", List.of("xx"));
        CheckResult r = run(kind, frame(4, false), settings);
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).contains("'xx'").contains("Did you mean 'x'");
    }

    @Test
    void everyKindIsRegistered() {
        assertThat(CheckKinds.discover().all().stream().map(CheckKind::id)).containsAll(KINDS);
    }

    @Test
    void allMissingValuesAreOneGroupAndTheirShareIsOne() {
        Map<String, Double> v = IntegrityData.values(run("missing_values", frame(5, true), Map.of()));
        assertThat(v.get("missing_share[x]")).isEqualTo(1.0);
        assertThat(v.get("missing_share[y]")).isEqualTo(0.0);
        Map<String, Double> d = IntegrityData.values(run("duplicate_rows", frame(5, true), Map.of("columns", List.of("x", "c"))));
        assertThat(d.get("duplicate_count")).isEqualTo(4.0);
        Map<String, Double> s = IntegrityData.values(run("single_value", frame(5, true), Map.of("ignore_missing", false)));
        assertThat(s.get("distinct_count[x]")).isEqualTo(1.0);
    }
}
