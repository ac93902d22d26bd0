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
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.fairness.Aggregation;
import dev.assay.core.fairness.Disparities;
import dev.assay.core.fairness.FairnessSettings;
import dev.assay.core.fairness.GroupCounts;
import dev.assay.core.fairness.Groups;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fairlearn's user-guide example (groups a, b, c: demographic parity difference 0.25, ratio 2/3,
 * equalized odds difference 1, ratio 0; {@code docs/user_guide/assessment/common_fairness_metrics.rst})
 * through the check, with its keys and errors.
 */
class FairnessCheckTest {
    private static final String[] GROUP = {"b", "b", "a", "b", "b", "c", "c", "c", "a", "a", "c", "a", "b", "c", "c", "b", "c", "c"};
    private static final double[] TRUTH = {0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    private static final double[] PREDICTED = {0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0};

    private static Dataset data() {
        Frame frame = Frame.of("guide.csv", List.of(CategoricalColumn.of("group", GROUP), NumericColumn.wrap("y", TRUTH),
                NumericColumn.wrap("p", PREDICTED)));
        return Dataset.of("current", frame, Schema.builder().label("y").prediction("p").protectedAttributes(List.of("group")).build());
    }

    private static Check check(Map<String, Object> keys, String... fail) {
        List<Condition> conditions = java.util.Arrays.stream(fail).map(c -> Condition.parse(c, Severity.FAIL)).toList();
        return new FairnessCheckKind().create(CheckConfig.of("check 'fairness'", keys), new CheckSetup("fairness", conditions, null,
                EvaluationSettings.defaults().withPositiveClass("1"), 7));
    }

    private static Map<String, Object> keys(Object... kv) {
        Map<String, Object> out = new HashMap<>(Map.of("min_group_size", 0));
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    private static Measurement measured(CheckResult r, String id) {
        return r.measurements().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void reproducesFairlearnsUserGuideExampleWithTheSchemasProtectedColumn() {
        assertThat(CheckKinds.discover().get("fairness")).isInstanceOf(FairnessCheckKind.class);
        CheckResult r = check(keys(), "demographic_parity_difference <= 0.25", "equalized_odds_ratio >= 0.1",
                "min(selection_rate[*]) >= 0.5").run(new CheckContext(data(), null));
        assertThat(measured(r, "demographic_parity_difference").value()).isCloseTo(0.25, within(1e-15));
        assertThat(measured(r, "demographic_parity_ratio").value()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(measured(r, "equalized_odds_difference").value()).isCloseTo(1.0, within(1e-15));
        assertThat(measured(r, "equalized_odds_ratio").value()).isCloseTo(0.0, within(1e-15));
        assertThat(measured(r, "selection_rate[group=a]").value()).isCloseTo(0.75, within(1e-15));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.conditions()).extracting(c -> c.passed()).containsExactly(true, false, true);
        assertThat(r.charts()).hasSize(1);
        assertThat(r.tables()).hasSize(3);
    }

    @Test
    void theMeasuresAreTheCoresInItsOrder() {
        Groups groups = Groups.of(data().frame(), "group");
        boolean[] t = new boolean[TRUTH.length];
        boolean[] p = new boolean[TRUTH.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = TRUTH[i] == 1;
            p[i] = PREDICTED[i] == 1;
        }
        List<String> ids = Disparities.of(GroupCounts.count(groups, t, p), Aggregation.BETWEEN_GROUPS, FairnessSettings.DEFAULT, "a").ids();
        assertThat(FairnessCheckKind.DISPARITIES).isEqualTo(ids);
        assertThat(check(keys()).measures()).doesNotContain("disparate_impact").contains("selection_rate_p_value");
        assertThat(check(keys("privileged", Map.of("group", "a"))).measures()).contains("disparate_impact");
    }

    @Test
    void aPrivilegedGroupAddsDisparateImpact() {
        CheckResult r = check(keys("groups", List.of("group"), "privileged", Map.of("group", "b"), "ci", false),
                "disparate_impact >= 0.8").run(new CheckContext(data(), null));
        // selection rates a 0.75, b 0.5, c 0.5: the worst ratio to b is c's, 1.
        assertThat(measured(r, "disparate_impact").value()).isCloseTo(1.0, within(1e-15));
        assertThat(measured(r, "disparate_impact").interval()).isNull();
        assertThat(measured(r, "selection_rate[group=a]").interval()).isNull();
        assertThat(r.status()).isEqualTo(Status.PASS);
    }

    @Test
    void smallGroupsAreLeftOutByDefault() {
        Map<String, Object> k = keys();
        k.remove("min_group_size");
        CheckResult r = check(k).run(new CheckContext(data(), null));
        assertThat(measured(r, "demographic_parity_difference").defined()).isFalse();
        assertThat(measured(r, "demographic_parity_difference").note()).contains("fewer than two groups");
        assertThat(r.notes()).as(r.notes().toString()).anyMatch(n -> n.contains("for having fewer than 30 rows: group=b (6 rows), group=a (4 rows), group=c (8 rows)"));
        assertThat(r.measurements()).noneMatch(m -> m.name().equals("selection_rate"));
    }

    @Test
    void badKeysNameTheKey() {
        assertThatThrownBy(() -> check(keys("alpha", 2))).isInstanceOf(InvalidInputException.class).hasMessageContaining("alpha")
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> check(keys("bins", 1))).hasMessageContaining("from 2 to 100");
        assertThatThrownBy(() -> check(keys("edges", Map.of("age", List.of("x", 3))))).hasMessageContaining("must be numbers");
        assertThatThrownBy(() -> check(keys("edges", List.of(1, 2)))).hasMessageContaining("edges: {age: [0, 25, 100]}");
        assertThatThrownBy(() -> check(keys("aggregation", "worst"))).hasMessageContaining("between_groups, to_overall");
        assertThatThrownBy(() -> check(keys("groups", List.of("group"), "privileged", Map.of("sex", "m"))))
                .hasMessageContaining("'sex' is not one of the compared groups [group]");
        CheckResult r = check(keys("groups", List.of("nope"))).run(new CheckContext(data(), null));
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).contains("nope");
    }
}
