package dev.assay.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private static final List<Measurement> MEASURED = List.of(Measurement.of("recall", 0.7, 100),
            Measurement.of("recall", "sex=female", 0.6, 40), Measurement.of("recall", "sex=male", 0.75, 60));

    private static Condition fail(String text) {
        return Condition.parse(text, Severity.FAIL);
    }

    private static Condition warn(String text) {
        return Condition.parse(text, Severity.WARN);
    }

    @Test
    void statusIsTheWorstFailedSeverity() {
        assertThat(Conditions.judge(List.of(), MEASURED, "a.csv")).isEqualTo(new Judgement(Status.PASS, List.of(), null));
        Judgement pass = Conditions.judge(List.of(fail("recall >= 0.7"), warn("min(recall[*]) >= 0.6")), MEASURED, "a.csv");
        assertThat(pass.status()).isEqualTo(Status.PASS);
        assertThat(pass.outcomes()).extracting(ConditionOutcome::passed).containsExactly(true, true);
        Judgement warned = Conditions.judge(List.of(fail("recall >= 0.7"), warn("recall[*] >= 0.7")), MEASURED, "a.csv");
        assertThat(warned.status()).isEqualTo(Status.WARN);
        assertThat(warned.error()).isNull();
        Judgement failed = Conditions.judge(List.of(warn("recall[*] >= 0.7"), fail("recall[sex=female] >= 0.65")), MEASURED, "a.csv");
        assertThat(failed.status()).isEqualTo(Status.FAIL);
        assertThat(failed.outcomes()).extracting(ConditionOutcome::message).containsExactly(
                "Expecting recall[*] on a.csv: measured 0.6 (1 of 2 members fail) to be at least 0.7; worst: recall[sex=female] 0.6 (n=40)",
                "Expecting recall[sex=female] on a.csv: measured 0.6 (n=40) to be at least 0.65");
    }

    @Test
    void aConditionOnAFamilyNotMeasuredIsAnError() {
        Judgement j = Conditions.judge(List.of(fail("recall >= 0.9"), fail("max(psi[*]) < 0.2"), warn("f1 >= 0.5")), MEASURED, "a.csv");
        assertThat(j.status()).isEqualTo(Status.ERROR);
        assertThat(j.outcomes()).extracting(ConditionOutcome::condition).containsExactly("recall >= 0.9");
        assertThat(j.error()).isEqualTo("The condition 'max(psi[*]) < 0.2' is about psi, which this check does not measure; it measures "
                + "recall. The condition 'f1 >= 0.5' is about f1, which this check does not measure; it measures recall.");
        assertThat(Conditions.judge(List.of(fail("f1 >= 0.5")), List.of(), null).error())
                .isEqualTo("The condition 'f1 >= 0.5' is about f1, which this check does not measure; it measures nothing.");
    }

    @Test
    void aMissingMemberOfAMeasuredFamilyFailsByItsSeverity() {
        Judgement j = Conditions.judge(List.of(warn("recall[sex=other] >= 0.5")), MEASURED, "a.csv");
        assertThat(j.status()).isEqualTo(Status.WARN);
        assertThat(j.outcomes().get(0).message()).isEqualTo("Expecting recall[sex=other] on a.csv to be at least 0.5, but the check "
                + "measured no recall[sex=other]; it measured recall, recall[sex=female], recall[sex=male].");
    }
}
