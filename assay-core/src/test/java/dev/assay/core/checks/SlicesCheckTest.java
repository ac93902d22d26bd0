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
import dev.assay.core.data.Dataset;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import dev.assay.core.slicing.GermanCreditSlices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlicesCheckTest {
    private static final CheckContext CONTEXT = new CheckContext(Dataset.of("current", GermanCreditSlices.FRAME,
            GermanCreditSlices.SCHEMA), null);

    private static Check check(Map<String, Object> keys, String... conditions) {
        List<Condition> parsed = new ArrayList<>();
        for (String c : conditions) {
            parsed.add(Condition.parse(c, Severity.FAIL));
        }
        return new SlicesCheckKind().create(CheckConfig.of("check 'slices'", keys), new CheckSetup("slices", parsed, null,
                EvaluationSettings.defaults().withPositiveClass("bad"), CheckSetup.DEFAULT_SEED));
    }

    @Test
    void isFoundByName() {
        assertThat(CheckKinds.discover().get("slices")).isInstanceOf(SlicesCheckKind.class);
    }

    /** Members per slice and pair, judged by conditions on keys of values, bins and pairs (values from slices_golden.py). */
    @Test
    void conditionsAddressSlicesBinsAndPairs() {
        CheckResult r = check(Map.of("columns", List.of("personal_status", "age"), "pairs", true, "min_size", 20),
                "min(recall[*]) >= 0.2", "recall[age=19..27] >= 0.48", "recall[personal_status=male single,age=33..41] >= 0.25",
                "recall[age=41..75].upper <= 0.46").run(CONTEXT);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.PASS);
        assertThat(r.measurement("recall[age=19..27]").value()).isCloseTo(0.48, within(1e-12));
        Measurement few = r.measurement("recall[personal_status=male mar/wid]");
        assertThat(few.n()).isEqualTo(20);
        assertThat(few.note()).isEqualTo("weak evidence: 8 positive rows");
        assertThat(few.interval().method()).isEqualTo("wilson");
        assertThat(r.tables()).extracting(t -> t.title()).containsExactly(
                "Metrics per slice (13 measured; conditions address a slice by its key, e.g. recall[personal_status=male single])",
                "Slices not measured (10; a slice needs at least 20 rows)");
        assertThat(r.message()).isEqualTo("13 slices measured, 10 not measured; lowest recall 0.2381 at age in (41, 75] (n = 74)");
        CheckResult failed = check(Map.of("columns", "age", "metrics", List.of("recall")), "min(recall[*]) >= 0.3").run(CONTEXT);
        assertThat(failed.status()).isEqualTo(Status.FAIL);
    }

    /** The reference data is cut by the current slices' own terms (a bin keeps its edges); a slice it lacks has no reference. */
    @Test
    void eachSliceIsComparedWithTheSameSliceOfTheReferenceData() {
        Dataset same = Dataset.of("reference", GermanCreditSlices.FRAME, GermanCreditSlices.SCHEMA);
        CheckResult r = check(Map.of("columns", List.of("personal_status", "age"), "pairs", true, "min_size", 20),
                "recall[*] >= reference").run(new CheckContext(CONTEXT.current(), same));
        assertThat(r.status()).as(r.message()).isEqualTo(Status.PASS);
        assertThat(r.measurements()).allSatisfy(m -> assertThat(m.reference()).isEqualTo(m.value()));
        int[] young = dev.assay.core.data.RowFilter.parse(Map.of("age", List.of("< 30"))).rows(GermanCreditSlices.FRAME);
        Dataset youngOnly = Dataset.of("reference", GermanCreditSlices.FRAME.slice(young), GermanCreditSlices.SCHEMA);
        CheckResult partial = check(Map.of("columns", "age"), "recall[age=41..75] >= reference - 0.5")
                .run(new CheckContext(CONTEXT.current(), youngOnly));
        assertThat(partial.measurement("recall[age=41..75]").reference()).isNull();
        assertThat(partial.measurement("recall[age=19..27]").reference()).isNotNull();
        assertThat(partial.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(() -> check(Map.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining("columns")
                .hasMessageContaining("name the columns to slice by");
        assertThatThrownBy(() -> check(Map.of("columns", "age", "pairs", true))).hasMessageContaining("name two or more");
        assertThatThrownBy(() -> check(Map.of("columns", "age", "pairs", List.of("age &")))).hasMessageContaining("cannot read the pair 'age &'");
        assertThatThrownBy(() -> check(Map.of("columns", "age", "bins", 1))).hasMessageContaining("between 2 and 100");
        assertThatThrownBy(() -> check(Map.of("columns", "age", "min_size", 0))).hasMessageContaining("positive whole number");
        assertThatThrownBy(() -> check(Map.of("columns", "age", "metrics", "recal"))).hasMessageContaining("Did you mean 'recall'");
    }

    @Test
    void problemsWithTheDataAreCheckErrorsNamingTheColumnsKey() {
        CheckResult r = check(Map.of("columns", "agee")).run(CONTEXT);
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).contains("columns").contains("Did you mean 'age'?");
        CheckResult small = check(Map.of("columns", "age", "min_size", 100)).run(CONTEXT);
        assertThat(small.message()).contains("every slice has fewer than the minimum of 100 rows");
    }
}
