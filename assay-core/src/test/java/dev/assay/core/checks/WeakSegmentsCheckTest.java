package dev.assay.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckKinds;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Condition;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeakSegmentsCheckTest {

    /** 400 rows; group g = x (200 rows) has 60 wrong predictions, g = y none; a free-text column. */
    private static Dataset data() {
        String[] g = new String[400];
        String[] note = new String[400];
        double[] y = new double[400];
        double[] p = new double[400];
        for (int i = 0; i < 400; i++) {
            g[i] = i < 200 ? "x" : "y";
            note[i] = "row " + i;
            y[i] = i % 2;
            p[i] = i < 200 && i % 10 < 3 ? 1 - y[i] : y[i];
        }
        Frame frame = Frame.of("current.csv", List.of(CategoricalColumn.of("g", g), TextColumn.of("note", note),
                NumericColumn.wrap("y", y), NumericColumn.wrap("p", p)));
        return Dataset.of("current", frame, Schema.builder().label("y").prediction("p").build());
    }

    private static Check check(Map<String, Object> keys, String warn) {
        return new WeakSegmentsCheckKind().create(CheckConfig.of("check 'segments'", keys), new CheckSetup("segments",
                List.of(Condition.parse(warn, Severity.WARN)), null, EvaluationSettings.defaults(), 7));
    }

    private static double measured(CheckResult r, String name) {
        return r.measurements().stream().filter(m -> m.name().equals(name)).mapToDouble(Measurement::value).findFirst()
                .orElseThrow();
    }

    @Test
    void findsTheWeakGroupAndWarns() {
        assertThat(CheckKinds.discover().get("weak_segments")).isInstanceOf(WeakSegmentsCheckKind.class);
        CheckResult r = check(Map.of(), "segments == 0").run(new CheckContext(data(), null));
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(measured(r, "segments")).isEqualTo(1);
        assertThat(measured(r, "tried")).isEqualTo(2);
        assertThat(measured(r, "worst_gap")).isCloseTo(0.3, within(1e-12));
        assertThat(r.tables().get(0).rows()).hasSize(1);
        assertThat(r.tables().get(0).rows().get(0).get(0)).isEqualTo("g = x");
        assertThat(r.notes()).anyMatch(n -> n.contains("Not sliced (free text): note"));
    }

    @Test
    void passesWhenNothingIsWorse() {
        CheckResult r = check(Map.of("metric", "recall", "columns", List.of("g"), "min_size", 10), "worst_gap <= 0.5")
                .run(new CheckContext(data(), null));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(check(Map.of("pairs", false, "bins", 10, "fdr", 0.1, "max_segments", 3), "segments == 0").settings())
                .containsEntry("pairs", "false").containsEntry("bins", "10").containsEntry("fdr", "0.1")
                .containsEntry("max_segments", "3").containsEntry("metric", "accuracy");
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(() -> check(Map.of("bins", 1), "segments == 0")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'bins' must be from 2 to 100, found 1");
        assertThatThrownBy(() -> check(Map.of("fdr", 0), "segments == 0")).hasMessageContaining("'fdr'");
        assertThatThrownBy(() -> check(Map.of("metric", "auc"), "segments == 0")).hasMessageContaining("precision");
        assertThatThrownBy(() -> check(Map.of("min_size", 0), "segments == 0")).hasMessageContaining("'min_size'");
        CheckResult unknown = check(Map.of("columns", List.of("nope")), "segments == 0").run(new CheckContext(data(), null));
        assertThat(unknown.status()).isEqualTo(Status.ERROR);
        assertThat(unknown.message()).contains("nope");
    }
}
