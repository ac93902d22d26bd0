package dev.assay.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Measurement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "recall >= 0.8; 0.8; true",
            "recall >= 0.8; 0.79; false",
            "recall > 0.8; 0.8; false",
            "log_loss < 0.5; 0.49; true",
            "log_loss <= 0.5; 0.5; true",
            "max_error == 3; 3; true",
            "max_error != 3; 3; false",
            "mape<1e-1; 0.05; true"})
    void absoluteConditions(String text, double measured, boolean expected) {
        ConditionOutcome o = Condition.parse(text, Severity.FAIL).evaluate(Measurement.of(text.split("[ <>=!]")[0], measured, 10));
        assertThat(o.passed()).isEqualTo(expected);
        assertThat(o.message() == null).isEqualTo(expected);
    }

    @Test
    void relativeConditionsUseTheReferenceValue() {
        Condition minus = Condition.parse("f1 >= reference - 0.02", Severity.FAIL);
        assertThat(minus.needsReference()).isTrue();
        assertThat(minus.evaluate(Measurement.of("f1", 0.79, 5).withReference(0.80)).passed()).isTrue();
        ConditionOutcome failed = minus.evaluate(Measurement.of("f1", 0.77, 5).withReference(0.80));
        assertThat(failed.passed()).isFalse();
        assertThat(failed.threshold()).isCloseTo(0.78, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(failed.message()).isEqualTo("f1 is 0.7700, expected >= 0.7800 (reference 0.8000)");

        Condition times = Condition.parse("roc_auc >= reference * 0.95", Severity.WARN);
        assertThat(times.evaluate(Measurement.of("roc_auc", 0.76, 5).withReference(0.8)).passed()).isTrue();
        assertThat(times.evaluate(Measurement.of("roc_auc", 0.75, 5).withReference(0.8)).passed()).isFalse();

        Condition plain = Condition.parse("mse <= reference", Severity.FAIL);
        assertThat(plain.evaluate(Measurement.of("mse", 2, 5).withReference(2)).passed()).isTrue();
        assertThat(plain.text()).isEqualTo("mse <= reference");
    }

    @Test
    void relativeConditionWithoutReferenceFailsWithAReason() {
        ConditionOutcome o = Condition.parse("f1 >= reference - 0.02", Severity.FAIL).evaluate(Measurement.of("f1", 0.9, 5));
        assertThat(o.passed()).isFalse();
        assertThat(o.message()).contains("Add a reference data set");
    }

    @Test
    void undefinedValueNeverPasses() {
        Measurement undefined = new Measurement("roc_auc", Double.NaN, null, null, 5, "needs both classes", List.of());
        ConditionOutcome o = Condition.parse("roc_auc <= 1", Severity.FAIL).evaluate(undefined);
        assertThat(o.passed()).isFalse();
        assertThat(o.message()).isEqualTo("roc_auc is undefined: needs both classes, so 'roc_auc <= 1' cannot hold.");
    }

    @Test
    void malformedConditionsExplainTheGrammar() {
        for (String bad : new String[] {"recall", "recall => 0.8", ">= 0.8", "recall >= high", "recall >= reference / 2", ""}) {
            assertThatThrownBy(() -> Condition.parse(bad, Severity.FAIL))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> Condition.parse("recall >= NaN", Severity.FAIL))
                .hasMessageContaining("not a finite number");
    }
}
