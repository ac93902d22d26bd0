package dev.assay.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.error.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys of {@code type: decision_threshold}: defaults and the errors that name the key. */
class DecisionThresholdCheckKindTest {
    private static Check create(Map<String, ?> keys) {
        return new DecisionThresholdCheckKind().create(CheckConfig.of("check 't'", keys), CheckSetup.named("t"));
    }

    @Test
    void optimisesF1WithoutCostsAndTheCostWithThem() {
        assertThat(create(Map.of()).settings()).containsEntry("optimize", "f1");
        Check cost = create(Map.of("costs", Map.of("false_positive", 1, "false_negative", 5)));
        assertThat(cost.settings()).containsEntry("optimize", "cost");
        assertThat(cost.measures()).contains("expected_cost", "optimal_expected_cost", "bayes_threshold");
        assertThat(create(Map.of("optimize", "f_beta", "beta", 2)).measures()).contains("f_beta");
    }

    @Test
    void inconsistentKeysAreNamed() {
        assertThatThrownBy(() -> create(Map.of("optimize", "cost"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("optimize: cost needs costs");
        assertThatThrownBy(() -> create(Map.of("beta", 2))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("beta applies to optimize: f_beta");
        assertThatThrownBy(() -> create(Map.of("optimize", "f_beta", "beta", -1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("beta must be a positive number");
        assertThatThrownBy(() -> create(Map.of("costs", Map.of("false_negative", 5), "constraint", "recall >= 0.9")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("a constraint applies to a metric");
        assertThatThrownBy(() -> create(Map.of("optimize", "auc"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'optimize'").hasMessageContaining("Or use cost with costs.");
        assertThatThrownBy(() -> create(Map.of("constraint", "recall ~ 0.9"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not of the form");
        assertThatThrownBy(() -> create(Map.of("costs", 5))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("costs must be a mapping");
    }
}
