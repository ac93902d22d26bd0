package dev.assay.junit;

import static dev.assay.junit.Assay.assertThatModel;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Model;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The assertions on the bundled logistic credit model (test.csv, 300 rows, positive class bad), and on the same model
 * with its predictions shuffled among the applicants whose personal_status is "female div/dep/mar".
 */
@ExtendWith(AssayExtension.class)
class ModelAssertionsTest {
    private static final String FEMALE = "female div/dep/mar";

    private Model model;
    private Model degraded;
    private Frame test;

    @BeforeEach
    void load(@AssayModel("examples/models/german_credit_logistic.onnx") Model model,
            @AssayData("examples/german-credit/test.csv") Frame test) {
        this.model = model;
        this.degraded = new ShuffledForGroup(model, "personal_status", FEMALE, 7);
        this.test = test;
    }

    @Test
    void passingAssertionsChain() {
        assertThatModel(model).on(test).withPositiveClass("bad")
                .hasMetric("roc_auc").atLeast(0.70)
                .hasMetric("recall").between(0.20, 0.25)
                .hasMetric("recall").withLowerBound().atLeast(0.15)
                .hasMetric("recall").withUpperBound().atMost(0.32)
                .onSlice("personal_status=" + FEMALE).hasMetric("recall").atLeast(0.40)
                .onAllRows().hasNoFairnessGap("demographic_parity_difference").over("personal_status")
                .atMost(0.15)
                .hasNoFairnessGap("demographic_parity_ratio").over("personal_status", "age").atLeast(0.1);
    }

    @Test
    void failedMetricNamesValueIntervalConditionAndWorstGroup() {
        assertThatThrownBy(() -> assertThatModel(model).on(test).withPositiveClass("bad").hasMetric("recall").atLeast(0.5))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting recall on test.csv: measured 0.226 (95% CI 0.151-0.316, n=300) to be at least 0.5; "
                        + "worst group: checking_status=no checking 0.000 (n=108)");
    }

    @Test
    void failedIntervalBoundIsTheBoundThatBroke() {
        assertThatThrownBy(() -> assertThatModel(model).on(test).withPositiveClass("bad").hasMetric("recall")
                .withLowerBound().atLeast(0.2))
                .hasMessage("Expecting recall.lower on test.csv: measured 0.151 (95% CI 0.151-0.316, n=300) to be at least "
                        + "0.2; worst group: checking_status=no checking 0.000 (n=108)");
    }

    @Test
    void degradedModelFailsRecallNamingTheShuffledGroup() {
        assertThatModel(model).on(test).withPositiveClass("bad").withGroups("personal_status").hasMetric("recall")
                .atLeast(0.2);
        assertThatThrownBy(() -> assertThatModel(degraded).on(test).withPositiveClass("bad").withGroups("personal_status")
                .hasMetric("recall").atLeast(0.2))
                .hasMessage("Expecting recall on test.csv: measured 0.140 (95% CI 0.075-0.226, n=300) to be at least 0.2; "
                        + "worst group: personal_status=" + FEMALE + " 0.120 (n=91)");
    }

    @Test
    void degradedModelFailsOnTheGroupsSlice() {
        assertThatModel(model).on(test).withPositiveClass("bad").onSlice("personal_status=" + FEMALE)
                .hasMetric("recall").atLeast(0.3);
        assertThatThrownBy(() -> assertThatModel(degraded).on(test).withPositiveClass("bad").withGroups("personal_status")
                .onSlice("personal_status=" + FEMALE).hasMetric("recall").atLeast(0.3))
                .hasMessageStartingWith("Expecting recall on test.csv where personal_status = " + FEMALE + ": measured 0.120 (")
                .hasMessageEndingWith("to be at least 0.3");
    }

    @Test
    void failedFairnessGapNamesLowestAndHighestGroup() {
        assertThatThrownBy(() -> assertThatModel(model).on(test).withPositiveClass("bad")
                .hasNoFairnessGap("demographic_parity_difference").over("personal_status").atMost(0.1))
                .hasMessage("Expecting demographic_parity_difference over personal_status on test.csv: measured 0.123 "
                        + "(95% CI 0.028-0.216, n=300) to be at most 0.1; lowest selection_rate personal_status=male single "
                        + "0.075 (n=173), highest personal_status=" + FEMALE + " 0.198 (n=91)");
    }

    @Test
    void robustnessToPerturbations() {
        assertThatModel(model).on(test).withPositiveClass("bad")
                .isRobustTo("gaussian_noise").with("sigma", 0.1).flipRateAtMost(0.2)
                .isRobustTo("category_swap").metricDropAtMost("accuracy", 0.2);
        assertThatThrownBy(() -> assertThatModel(model).on(test).withPositiveClass("bad")
                .isRobustTo("gaussian_noise").with("sigma", 2.0).flipRateAtMost(0.01))
                .hasMessageStartingWith("Expecting flip_rate under gaussian_noise (sigma=2.0) on test.csv: measured ")
                .hasMessageEndingWith("to be at most 0.01");
    }

    @Test
    void driftFromTheTrainingData(@AssayData("examples/german-credit/train.csv") Frame train) {
        assertThatModel(model).on(test).comparedTo(train)
                .hasNoDrift().inColumns("age", "duration").driftedColumnsAtMost(0)
                .hasNoDrift().inColumns("age", "duration", "credit_amount").driftShareAtMost(0.34);
        // the 300 held-out applicants borrow differently from the 700 training ones (KS test)
        assertThatThrownBy(() -> assertThatModel(model).on(test).comparedTo(train).hasNoDrift()
                .inColumns("age", "duration", "credit_amount").driftedColumnsAtMost(0))
                .hasMessage("Expecting drifted_columns on test.csv against train.csv: measured 1.000 (n=300) to be at most 0; "
                        + "drifted: credit_amount (effect size 0.130)");
        Frame older = test.filter(row -> ((dev.assay.core.data.NumericColumn) test.column("age")).get(row) > 40);
        assertThatThrownBy(() -> assertThatModel(model).on(older).comparedTo(train).hasNoDrift()
                .inColumns("age", "duration").driftedColumnsAtMost(0))
                .hasMessageStartingWith("Expecting drifted_columns on test.csv against train.csv: measured 1.000 (n=")
                .hasMessageContaining("to be at most 0; drifted: age (effect size ");
        assertThatThrownBy(() -> assertThatModel(model).on(test).hasNoDrift().driftShareAtMost(0.1))
                .hasMessageContaining(".comparedTo(train)");
    }

    @Test
    void undefinedGapSaysWhy() {
        assertThatThrownBy(() -> assertThatModel(model).on(test).withPositiveClass("bad")
                .hasNoFairnessGap("demographic_parity_difference").over("foreign_worker").atMost(0.1))
                .hasMessageStartingWith("Expecting demographic_parity_difference over foreign_worker on test.csv: measured "
                        + "NaN, undefined: ")
                .hasMessageEndingWith("(n=300) to be at most 0.1");
    }

    @Test
    void labelIsTheColumnTheModelDoesNotRead() {
        Frame features = test.select(test.columnNames().stream().filter(c -> !c.equals("class")).toList());
        assertThatThrownBy(() -> assertThatModel(model).on(features).hasMetric("recall").atLeast(0.1))
                .isInstanceOf(dev.assay.core.error.InvalidInputException.class)
                .hasMessageContaining("Cannot tell the label column of test.csv")
                .hasMessageContaining("Name it with .withLabel(\"column\")");
    }

    @Test
    void emptyDataAndUnknownLabelAreExplained() {
        assertThatThrownBy(() -> assertThatModel(model).on(test.slice(new int[0])).withPositiveClass("bad")
                .hasMetric("recall").atLeast(0.1))
                .isInstanceOf(RuntimeException.class).isNotInstanceOf(NullPointerException.class)
                .hasMessageContaining("test.csv");
        assertThatThrownBy(() -> assertThatModel(model).on(test).withLabel("outcome").hasMetric("recall").atLeast(0.1))
                .isInstanceOf(dev.assay.core.error.InvalidInputException.class).hasMessageContaining("'outcome'");
    }

    @Test
    void unknownMetricAndColumnAreExplained() {
        assertThatThrownBy(() -> assertThatModel(model).on(test).withPositiveClass("bad").hasMetric("recal").atLeast(0.1))
                .hasMessageContaining("unknown metric 'recal' for a binary task. Did you mean 'recall'?");
        assertThatThrownBy(() -> assertThatModel(model).on(test).withPositiveClass("bad").onSlice("sex=Female")
                .hasMetric("recall").atLeast(0.1))
                .hasMessageContaining("'sex'");
        assertThatThrownBy(() -> assertThatModel(model).on(test).onSlice("personal_status"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column=value");
        assertThatThrownBy(() -> assertThatModel(model).on(test).hasNoFairnessGap("demographic_parity_difference").atMost(0.1))
                .hasMessageContaining(".over(\"sex\")");
    }
}
