package dev.assay.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.check.Subject.Aggregate;
import dev.assay.core.check.Subject.Every;
import dev.assay.core.check.Subject.Function;
import dev.assay.core.check.Subject.One;
import dev.assay.core.check.Threshold.Arithmetic;
import dev.assay.core.check.Threshold.Fixed;
import dev.assay.core.check.Threshold.Relative;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.ConditionOutcome.Severity;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading conditions: every valid form, and every malformed one with its message. */
class ConditionTest {
    private static final String HINT = "Write MEASUREMENT OP THRESHOLD, for example 'recall >= 0.8', "
            + "'recall[sex=female] >= reference - 0.02', 'recall.lower >= 0.75' or 'max(psi[*]) < 0.2'.";

    static Stream<Arguments> validForms() {
        return Stream.of(
                valid("recall >= 0.8", "recall >= 0.8", new One("recall", null, Bound.VALUE), Comparison.GE, new Fixed(0.8)),
                valid("log_loss<0.5", "log_loss < 0.5", new One("log_loss", null, Bound.VALUE), Comparison.LT, new Fixed(0.5)),
                valid("max_error <= 40", "max_error <= 40", new One("max_error", null, Bound.VALUE), Comparison.LE, new Fixed(40)),
                valid("mape > 1e-3", "mape > 0.001", new One("mape", null, Bound.VALUE), Comparison.GT, new Fixed(0.001)),
                valid("x == -2.50", "x == -2.5", new One("x", null, Bound.VALUE), Comparison.EQ, new Fixed(-2.5)),
                valid("x != .5", "x != 0.5", new One("x", null, Bound.VALUE), Comparison.NE, new Fixed(0.5)),
                valid("x >= 1e-9", "x >= 1e-9", new One("x", null, Bound.VALUE), Comparison.GE, new Fixed(1e-9)),
                valid("x >= -0", "x >= 0", new One("x", null, Bound.VALUE), Comparison.GE, new Fixed(0)),
                valid("f0.5 >= 0.7", "f0.5 >= 0.7", new One("f0.5", null, Bound.VALUE), Comparison.GE, new Fixed(0.7)),
                valid("recall[sex=female] >= 0.8", "recall[sex=female] >= 0.8", new One("recall", "sex=female", Bound.VALUE),
                        Comparison.GE, new Fixed(0.8)),
                valid("psi[age] < 0.2", "psi[age] < 0.2", new One("psi", "age", Bound.VALUE), Comparison.LT, new Fixed(0.2)),
                valid("f1[class=setosa] >= 0.9", "f1[class=setosa] >= 0.9", new One("f1", "class=setosa", Bound.VALUE),
                        Comparison.GE, new Fixed(0.9)),
                valid("recall [ race=Asian Pac ] >= 0.7", "recall[race=Asian Pac] >= 0.7", new One("recall", "race=Asian Pac", Bound.VALUE),
                        Comparison.GE, new Fixed(0.7)),
                valid("recall[age=(30, 40]] >= 0.7", "recall[age=(30, 40]] >= 0.7", new One("recall", "age=(30, 40]", Bound.VALUE),
                        Comparison.GE, new Fixed(0.7)),
                valid("recall.lower >= 0.75", "recall.lower >= 0.75", new One("recall", null, Bound.LOWER), Comparison.GE, new Fixed(0.75)),
                valid("log_loss.upper < 0.6", "log_loss.upper < 0.6", new One("log_loss", null, Bound.UPPER), Comparison.LT,
                        new Fixed(0.6)),
                valid("recall[sex=female].lower >= 0.7", "recall[sex=female].lower >= 0.7", new One("recall", "sex=female", Bound.LOWER),
                        Comparison.GE, new Fixed(0.7)),
                valid("f1 >= reference - 0.02", "f1 >= reference - 0.02", new One("f1", null, Bound.VALUE), Comparison.GE,
                        new Relative(Arithmetic.MINUS, 0.02)),
                valid("roc_auc >= reference*0.98", "roc_auc >= reference * 0.98", new One("roc_auc", null, Bound.VALUE), Comparison.GE,
                        new Relative(Arithmetic.TIMES, 0.98)),
                valid("mse <= reference + 0.5", "mse <= reference + 0.5", new One("mse", null, Bound.VALUE), Comparison.LE,
                        new Relative(Arithmetic.PLUS, 0.5)),
                valid("mse <= reference", "mse <= reference", new One("mse", null, Bound.VALUE), Comparison.LE,
                        new Relative(Arithmetic.NONE, 0)),
                valid("recall[sex=female] >= reference - 0.05", "recall[sex=female] >= reference - 0.05",
                        new One("recall", "sex=female", Bound.VALUE), Comparison.GE, new Relative(Arithmetic.MINUS, 0.05)),
                valid("recall.lower >= reference", "recall.lower >= reference", new One("recall", null, Bound.LOWER), Comparison.GE,
                        new Relative(Arithmetic.NONE, 0)),
                valid("recall[*] >= 0.7", "recall[*] >= 0.7", new Every("recall", Bound.VALUE), Comparison.GE, new Fixed(0.7)),
                valid("recall[ * ].lower >= 0.6", "recall[*].lower >= 0.6", new Every("recall", Bound.LOWER), Comparison.GE,
                        new Fixed(0.6)),
                valid("max(psi[*]) < 0.2", "max(psi[*]) < 0.2", new Aggregate(Function.MAX, "psi", Bound.VALUE, null), Comparison.LT,
                        new Fixed(0.2)),
                valid("min( recall[*] ) >= 0.7", "min(recall[*]) >= 0.7", new Aggregate(Function.MIN, "recall", Bound.VALUE, null),
                        Comparison.GE, new Fixed(0.7)),
                valid("mean(recall[*]) >= reference - 0.01", "mean(recall[*]) >= reference - 0.01",
                        new Aggregate(Function.MEAN, "recall", Bound.VALUE, null), Comparison.GE, new Relative(Arithmetic.MINUS, 0.01)),
                valid("min(recall[*].lower) >= 0.7", "min(recall[*].lower) >= 0.7", new Aggregate(Function.MIN, "recall", Bound.LOWER, null),
                        Comparison.GE, new Fixed(0.7)),
                valid("count(drift[*]) <= 2", "count(drift[*]) <= 2", new Aggregate(Function.COUNT, "drift", Bound.VALUE, null),
                        Comparison.LE, new Fixed(2)),
                valid("count(psi[*]>0.2)<=2", "count(psi[*] > 0.2) <= 2", new Aggregate(Function.COUNT, "psi", Bound.VALUE,
                        new Criterion(Comparison.GT, new Fixed(0.2))), Comparison.LE, new Fixed(2)),
                valid("count(recall[*] < reference - 0.05) == 0", "count(recall[*] < reference - 0.05) == 0",
                        new Aggregate(Function.COUNT, "recall", Bound.VALUE, new Criterion(Comparison.LT, new Relative(Arithmetic.MINUS, 0.05))),
                        Comparison.EQ, new Fixed(0)),
                valid("count(recall[*].upper < 0.5) < 1", "count(recall[*].upper < 0.5) < 1", new Aggregate(Function.COUNT, "recall",
                        Bound.UPPER, new Criterion(Comparison.LT, new Fixed(0.5))), Comparison.LT, new Fixed(1)));
    }

    private static Arguments valid(String text, String canonical, Subject subject, Comparison comparison, Threshold threshold) {
        return Arguments.of(text, canonical, new Condition(subject, new Criterion(comparison, threshold), Severity.FAIL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validForms")
    void readsEveryValidForm(String text, String canonical, Condition expected) {
        Condition c = Condition.parse(text, Severity.FAIL);
        assertThat(c).isEqualTo(expected);
        assertThat(c.text()).isEqualTo(canonical);
        assertThat(c.toString()).isEqualTo(canonical);
        assertThat(Condition.parse(canonical, Severity.FAIL)).isEqualTo(c);
    }

    @Test
    void namesTheMeasurementAndWhetherTheReferenceIsNeeded() {
        Condition member = Condition.parse("min(recall[*].lower) >= 0.7", Severity.WARN);
        assertThat(member.measurement()).isEqualTo("recall");
        assertThat(member.severity()).isEqualTo(Severity.WARN);
        assertThat(member.needsReference()).isFalse();
        assertThat(Condition.parse("recall[sex=female] >= reference", Severity.FAIL).needsReference()).isTrue();
        assertThat(Condition.parse("count(recall[*] < reference * 0.9) <= 1", Severity.FAIL).needsReference()).isTrue();
        assertThat(Condition.parse("count(psi[*] > 0.2) <= 1", Severity.FAIL).needsReference()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "recall[sex=female >= 0.8|the '[' after 'recall' is not closed by ']'. Did you mean 'recall[sex=female] >= 0.8'?",
            "recall[age=(30, 40] >= 0.8|the '[' after 'recall' is not closed by ']'. Did you mean 'recall[age=(30, 40]] >= 0.8'?",
            "recall[ >= 0.8|the '[' after 'recall' is not closed by ']'. Did you mean 'recall[*] >= 0.8'?",
            "max(psi[age) < 0.2|the '[' after 'psi' is not closed by ']'. Did you mean 'max(psi[*]) < 0.2'?",
            "recall[] >= 0.8|the brackets after 'recall' are empty; write [*] for every member or name one, such as [sex=female]. "
                    + "Did you mean 'recall[*] >= 0.8'?",
            "maximum(psi[*]) < 0.2|unknown function 'maximum'; use min, max, mean, count. Did you mean 'max(psi[*]) < 0.2'?",
            "MAX(psi[*]) < 0.2|unknown function 'MAX'; use min, max, mean, count. Did you mean 'max(psi[*]) < 0.2'?",
            "avg(recall[*]) >= 0.7|unknown function 'avg'; use min, max, mean, count. Did you mean 'mean(recall[*]) >= 0.7'?",
            "recall(sex=female) >= 0.8|unknown function 'recall'; use min, max, mean, count, or brackets for one member such as "
                    + "recall[sex=female]. Did you mean 'recall[sex=female] >= 0.8'?",
            "recall => 0.8|'=>' is not a comparison; use '>='. Did you mean 'recall >= 0.8'?",
            "recall =< 0.8|'=<' is not a comparison; use '<='. Did you mean 'recall <= 0.8'?",
            "recall = 0.8|'=' is not a comparison; use '=='. Did you mean 'recall == 0.8'?",
            "recall <> 0.8|'<>' is not a comparison; use '!='. Did you mean 'recall != 0.8'?",
            "recall ≥ 0.8|'≥' is not a comparison; use '>='. Did you mean 'recall >= 0.8'?",
            "recall gte 0.8|'gte' is not a comparison; use '>='. Did you mean 'recall >= 0.8'?",
            "recall 0.8|expected a comparison (one of >= > <= < == !=) after 'recall', found '0.8'. Did you mean 'recall >= 0.8'?",
            "recall.low >= 0.7|unknown bound '.low' after 'recall'; use '.lower' or '.upper' for the bounds of its confidence "
                    + "interval. Did you mean 'recall.lower >= 0.7'?",
            "recall[sex=female].hi <= 0.9|unknown bound '.hi' after 'recall[sex=female]'; use '.lower' or '.upper' for the bounds "
                    + "of its confidence interval. Did you mean 'recall[sex=female].upper <= 0.9'?",
            "recall.uper <= 0.9|unknown bound '.uper' after 'recall'; use '.lower' or '.upper' for the bounds of its confidence "
                    + "interval. Did you mean 'recall.upper <= 0.9'?",
            "recall.lower[sex=female] >= 0.7|the key goes before the bound: recall[sex=female].lower. "
                    + "Did you mean 'recall[sex=female].lower >= 0.7'?",
            "min(recall[*]).lower >= 0.7|the bound goes on the members: write min(recall[*].lower) for the lower bounds of the "
                    + "members. Did you mean 'min(recall[*].lower) >= 0.7'?",
            "min(recall[*].lower).upper >= 1|'min(recall[*].lower)' already reads the lower bounds. "
                    + "Did you mean 'min(recall[*].lower) >= 1'?",
            "max(psi) < 0.2|max(...) combines every member of psi, so it takes psi[*]. Did you mean 'max(psi[*]) < 0.2'?",
            "max(psi[age]) < 0.2|max(...) combines every member of psi, so it takes psi[*]. Did you mean 'max(psi[*]) < 0.2'?",
            "max(psi[*] > 0.2) < 1|only count takes a comparison inside the parentheses. Did you mean 'count(psi[*] > 0.2) < 1'?",
            "max(psi[*] < 0.2)|only count takes a comparison inside the parentheses. Did you mean 'max(psi[*]) < 0.2'?",
            "max(psi[*] < 0.2|the '(' after 'max' is not closed by ')'. Did you mean 'max(psi[*]) < 0.2'?",
            "count(psi[*] > 0.2 <= 2|the '(' after 'count' is not closed by ')'. Did you mean 'count(psi[*] > 0.2) <= 2'?",
            "0.8 <= recall|it starts with '0.8', but the measurement goes on the left of the comparison. "
                    + "Did you mean 'recall >= 0.8'?",
            "reference - 0.02 < f1|it starts with 'reference - 0.02', but the measurement goes on the left of the comparison. "
                    + "Did you mean 'f1 > reference - 0.02'?",
            "recall >= 80%|'80%' is a percentage; write it as a fraction. Did you mean 'recall >= 0.8'?",
            "recall >= 0,8|'0,8' has a decimal comma; write a decimal point. Did you mean 'recall >= 0.8'?",
            "recall >= ref - 0.02|'ref' is not a number; write a number such as 0.8, or 'reference' for the same value on the "
                    + "reference data. Did you mean 'recall >= reference - 0.02'?",
            "recall >= Reference|'Reference' is not a number; write a number such as 0.8, or 'reference' for the same value on the "
                    + "reference data. Did you mean 'recall >= reference'?",
            "roc_auc >= 0.98 * reference|the reference goes first: 'reference * 0.98'. Did you mean 'roc_auc >= reference * 0.98'?",
            "recall >= reference / 2|'/' cannot adjust the reference; use + x, - x or * x. Did you mean 'recall >= reference * 0.5'?",
            "recall >= 0.8 and f1 >= 0.7|it holds more than one condition; write each condition as its own entry of the list. "
                    + "Did you mean 'recall >= 0.8'?",
            "recall >= 0.8)|unexpected ')' after 'recall >= 0.8'. Did you mean 'recall >= 0.8'?"})
    void repairsMalformedConditions(String text, String message) {
        assertThatThrownBy(() -> Condition.parse(text, Severity.FAIL))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Cannot read the condition '" + text + "': " + message);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"|it is empty",
            "recall|'recall' has no comparison; add one of >= > <= < == != and a threshold",
            "count(psi[*] > 0.2)|'count(psi[*] > 0.2)' has no comparison; add one of >= > <= < == != and a threshold",
            ">= 0.8|it must start with the name of a measurement, such as recall, found '>= 0.8'",
            "1recall >= 0.8|it must start with the name of a measurement, such as recall, found '1recall >= 0.8'",
            "recall >=|nothing follows '>='; write a number such as 0.8, or 'reference'",
            "recall >= high|'high' is not a number; write a number such as 0.8, or 'reference' for the same value on the reference data",
            "recall >= NaN|'NaN' is not a finite number; write a number such as 0.8 or 1e-3",
            "recall >= 1e400|'1e400' is not a finite number; write a number such as 0.8 or 1e-3",
            "recall >= reference -|'reference -' needs a number after it, such as 'reference - 0.02'",
            "recall >= #1|expected a number or 'reference' after '>=', found '#1'",
            "recall ~ 0.8|expected a comparison (one of >= > <= < == !=) after 'recall', found '~ 0.8'",
            "recall.lower.upper >= 1|expected a comparison (one of >= > <= < == !=) after 'recall.lower', found '.upper >= 1'",
            "max(min(psi[*])) < 1|functions do not nest: max(...) takes the members of one measurement, such as max(psi[*])",
            "max() < 1|expected a measurement such as psi[*] inside max(...), found ') < 1'",
            "count(drift[*]) <= reference|count(...) is a number of members, so it compares with a number such as 2, not with 'reference'"})
    void explainsTheGrammarWhenNoRepairFits(String text, String message) {
        assertThatThrownBy(() -> Condition.parse(text, Severity.FAIL))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Cannot read the condition '" + text + "': " + message + ". " + HINT);
    }

    @Test
    void quotesLongOrControlTextAsAnExcerpt() {
        String longKey = "k".repeat(300);
        assertThatThrownBy(() -> Condition.parse("recall[" + longKey + " >= 0.8", Severity.FAIL))
                .hasMessage("Cannot read the condition 'recall[" + "k".repeat(53) + "... (254 more characters)': the '[' after "
                        + "'recall' is not closed by ']'. " + HINT);
        assertThatThrownBy(() -> Condition.parse(null, Severity.FAIL)).hasMessage("Cannot read the condition '': it is empty. " + HINT);
        assertThatThrownBy(() -> Condition.parse("recall\n>= x", Severity.FAIL))
                .hasMessage("Cannot read the condition 'recall\\n>= x': 'x' is not a number; write a number such as 0.8, or "
                        + "'reference' for the same value on the reference data. " + HINT);
    }

    @Test
    void rejectsConditionsBuiltWithParts() {
        assertThatThrownBy(() -> new One("1x", null, Bound.VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a measurement name: '1x'");
        assertThatThrownBy(() -> new One("x", " a", Bound.VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a key a condition can address: ' a'");
        assertThatThrownBy(() -> new One("x", "a]b", Bound.VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new One("x", "*", Bound.VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Aggregate(Function.MAX, "psi", Bound.VALUE, new Criterion(Comparison.GT, new Fixed(1))))
                .hasMessage("only count takes a comparison, not max");
        assertThatThrownBy(() -> new Condition(new Aggregate(Function.COUNT, "psi", Bound.VALUE, null),
                new Criterion(Comparison.LE, new Relative(Arithmetic.NONE, 0)), Severity.FAIL))
                .hasMessage("count(...) compares with a number, not with the reference");
        assertThatThrownBy(() -> new Fixed(Double.NaN)).hasMessage("a threshold must be a finite number, got NaN");
        assertThatThrownBy(() -> new Relative(Arithmetic.NONE, 1)).hasMessage("a reference threshold NONE cannot take the amount 1.0");
    }
}
