package dev.assay.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.RowFilter;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeasuringCheckTest {
    static final Frame CURRENT = Frame.of("current.csv", List.of(NumericColumn.of("x", 1, 2, 3, 6)));
    static final Frame REFERENCE = Frame.of("reference.csv", List.of(NumericColumn.of("x", 1, 2, 3)));

    /** Measures the mean of column x on the current and the reference data. */
    static final class MeanCheck extends MeasuringCheck {
        MeanCheck(String name, String... conditions) {
            this(name, null, conditions);
        }

        MeanCheck(String name, RowFilter where, String... conditions) {
            super(new CheckSetup(name, java.util.Arrays.stream(conditions)
                    .map(c -> Condition.parse(c.substring(5), c.startsWith("warn:") ? Severity.WARN : Severity.FAIL)).toList(),
                    where, EvaluationSettings.defaults(), CheckSetup.DEFAULT_SEED), "mean", Set.of("mean"), Requirements.NONE);
        }

        @Override
        protected Observations measure(CheckContext context) {
            double current = mean(context.current().frame());
            Measurement m = Measurement.of("mean", current, context.current().frame().rowCount());
            if (context.reference().isPresent()) {
                m = m.withReference(mean(context.reference().get().frame()));
            }
            return new Observations().measurement(m).summary("mean = " + current);
        }

        private static double mean(Frame f) {
            double[] v = f.numeric("x", "value").toArray();
            return java.util.Arrays.stream(v).average().orElseThrow();
        }
    }

    private static CheckContext context() {
        return new CheckContext(Dataset.of("current", CURRENT, Schema.empty()), Dataset.of("reference", REFERENCE, Schema.empty()));
    }

    @Test
    void passesWarnsAndFailsByTheWorstCondition() {
        assertThat(new MeanCheck("a", "fail:mean >= 3").run(context()).status()).isEqualTo(Status.PASS);
        assertThat(new MeanCheck("b", "fail:mean >= 3", "warn:mean >= 4").run(context()).status()).isEqualTo(Status.WARN);
        CheckResult failed = new MeanCheck("c", "fail:mean >= 4", "warn:mean >= 5").run(context());
        assertThat(failed.status()).isEqualTo(Status.FAIL);
        assertThat(failed.conditions()).hasSize(2).allSatisfy(o -> assertThat(o.passed()).isFalse());
        assertThat(failed.measurement("mean").value()).isEqualTo(3.0);
        assertThat(failed.measurement("mean").reference()).isEqualTo(2.0);
        assertThat(failed.message()).isEqualTo("mean = 3.0");
        assertThat(failed.conditions().get(0).message())
                .isEqualTo("Expecting mean on current.csv: measured 3 (n=4) to be at least 4");
    }

    @Test
    void relativeConditionIsJudgedAgainstTheReference() {
        assertThat(new MeanCheck("a", "fail:mean <= reference + 1").run(context()).status()).isEqualTo(Status.PASS);
        assertThat(new MeanCheck("a", "fail:mean <= reference + 0.5").run(context()).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void conditionOnAValueTheCheckDoesNotMeasureIsAnError() {
        CheckResult r = new MeanCheck("a", "fail:median >= 1").run(context());
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).isEqualTo("The condition 'median >= 1' is about median, which this check does not measure; "
                + "it measures mean.");
        assertThat(r.measurements()).extracting(Measurement::id).containsExactly("mean");
    }

    /** A check that measures nothing and ends as {@code measure} says. */
    abstract static class BareCheck extends MeasuringCheck {
        BareCheck(String name) {
            super(CheckSetup.named(name), "bare", Set.of(), Requirements.NONE);
        }
    }

    @Test
    void badInputBecomesErrorAndInapplicableBecomesSkipped() {
        MeasuringCheck bad = new BareCheck("bad") {

            @Override
            protected Observations measure(CheckContext context) {
                throw new InvalidInputException("column 'x' has a text value on row 3");
            }
        };
        CheckResult r = bad.run(context());
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).isEqualTo("column 'x' has a text value on row 3");

        MeasuringCheck skipped = new BareCheck("skipped") {

            @Override
            protected Observations measure(CheckContext context) {
                throw new CheckSkippedException("no scores");
            }
        };
        assertThat(skipped.run(context()).status()).isEqualTo(Status.SKIPPED);
        assertThat(skipped.run(context()).message()).isEqualTo("no scores");
    }

    @Test
    void aSliceRestrictsCurrentAndReferenceAndIsNoted() {
        RowFilter small = RowFilter.values(Map.of("x", Set.of("1", "2", "6")));
        CheckResult r = new MeanCheck("a", small, "fail:mean >= 3").run(context());
        assertThat(r.measurement("mean").value()).isEqualTo(3.0);
        assertThat(r.measurement("mean").reference()).isEqualTo(1.5);
        assertThat(r.measurement("mean").n()).isEqualTo(3);
        assertThat(r.notes()).containsExactly("Run on the rows where x in (1, 2, 6) (3 rows).");
        assertThat(new MeanCheck("b", small).settings()).containsExactly(Map.entry("where", "x in (1, 2, 6)"),
                Map.entry("seed", "20240611"));
    }

    @Test
    void anEmptySliceIsAnErrorNamingTheFilter() {
        CheckResult r = new MeanCheck("a", RowFilter.values(Map.of("x", Set.of("7")))).run(context());
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).isEqualTo("No row of current.csv matches x = 7. Check the values and ranges against the data "
                + "(values are compared as text).");
    }

    @Test
    void outOfMemoryIsNotTurnedIntoACheckError() {
        MeasuringCheck hungry = new BareCheck("hungry") {
            @Override
            protected Observations measure(CheckContext context) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        assertThatThrownBy(() -> hungry.run(context())).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aSlicePreparedElsewhereIsReadByNameAndRowCountAsALocalSlice() {
        RowFilter filter = RowFilter.values(Map.of("x", Set.of("1", "2", "6")));
        Frame noRows = Frame.of("current.csv", List.of(NumericColumn.of("x")));
        CheckContext whole = new CheckContext(new Dataset(noRows, Schema.empty(),
                new dev.assay.core.result.DatasetInfo("current", "/data/current.csv", 4_000_000, 1, null)), null);
        Frame statistics = Frame.of("current.csv", List.of(NumericColumn.of("x", 3)));
        CheckContext slice = new CheckContext(new Dataset(statistics, Schema.empty(),
                new dev.assay.core.result.DatasetInfo("current [" + filter.describe() + "]", "/data/current.csv", 3_000_000, 1, null)), null);
        CheckResult r = new MeanCheck("a", filter, "fail:mean >= 4").run(whole.withSlice(filter, slice));
        assertThat(r.measurement("mean").value()).isEqualTo(3.0);
        assertThat(r.notes()).containsExactly("Run on the rows where x in (1, 2, 6) (3000000 rows).");
        assertThat(r.conditions().get(0).message()).startsWith("Expecting mean on current.csv where x in (1, 2, 6):");
        CheckResult other = new MeanCheck("b", RowFilter.values(Map.of("x", Set.of("1"))))
                .run(whole.withSlice(filter, slice));
        assertThat(other.status()).isEqualTo(Status.ERROR);
        assertThat(other.message()).isEqualTo("No row of current.csv matches x = 1. Check the values and ranges against the data"
                + " (values are compared as text).");
    }
}
