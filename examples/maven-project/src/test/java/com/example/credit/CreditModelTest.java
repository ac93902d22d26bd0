package com.example.credit;

import static dev.assay.junit.Assay.assertThatModel;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Model;
import dev.assay.junit.AssayData;
import dev.assay.junit.AssayExtension;
import dev.assay.junit.AssayModel;
import dev.assay.junit.AssaySuites;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/** The credit-risk model's gate as JUnit tests: fluent assertions, and the suite the Maven plugin runs. */
@ExtendWith(AssayExtension.class)
class CreditModelTest {
    private static final String MODEL = "examples/models/german_credit_forest.onnx";
    /** The data under test, copied here by Maven (examples/german-credit/test.csv, or the degraded copy). */
    private static final String TEST = "target/test-classes/credit/test.csv";

    @Test
    void ranksAndCatchesBadRisks(@AssayModel(MODEL) Model model, @AssayData(TEST) Frame test) {
        assertThatModel(model).on(test).withPositiveClass("bad").withGroups("personal_status")
            .hasMetric("roc_auc").atLeast(0.70)
            .hasMetric("recall").atLeast(0.25);
    }

    @Test
    void ranksWellForWomen(@AssayModel(MODEL) Model model, @AssayData(TEST) Frame test) {
        assertThatModel(model).on(test).withPositiveClass("bad")
            .onSlice("personal_status=female div/dep/mar").hasMetric("roc_auc").atLeast(0.65);
    }

    @Test
    void approvesSingleMenAndWomenAlike(@AssayModel(MODEL) Model model, @AssayData(TEST) Frame test) {
        assertThatModel(model).on(test).withPositiveClass("bad")
            .hasNoFairnessGap("demographic_parity_difference").over("personal_status").atMost(0.15);
    }

    @TestFactory
    Stream<DynamicTest> releaseGate(TestReporter reporter) {
        return AssaySuites.dynamicTests("target/test-classes/credit-gate.yaml", reporter);
    }
}
