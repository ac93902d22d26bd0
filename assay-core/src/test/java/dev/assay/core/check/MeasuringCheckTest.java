package dev.assay.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.ConditionOutcome.Severity;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeasuringCheckTest {
    static final Frame CURRENT = Frame.of("current.csv", List.of(NumericColumn.of("x", 1, 2, 3, 6)));
    static final Frame REFERENCE = Frame.of("reference.csv", List.of(NumericColumn.of("x", 1, 2, 3)));

    /** Measures the mean of column x on the current and the reference data. */
    static final class MeanCheck extends MeasuringCheck {
        MeanCheck(String name, String... conditions) {
            super(name, java.util.Arrays.stream(conditions)
                    .map(c -> Condition.parse(c.substring(5), c.startsWith("warn:") ? Severity.WARN : Severity.FAIL)).toList());
        }

        @Override
        public String kind() {
            return "mean";
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

    @Test
    void badInputBecomesErrorAndInapplicableBecomesSkipped() {
        MeasuringCheck bad = new MeasuringCheck("bad", List.of()) {
            @Override
            public String kind() {
                return "bad";
            }

            @Override
            protected Observations measure(CheckContext context) {
                throw new InvalidInputException("column 'x' has a text value on row 3");
            }
        };
        CheckResult r = bad.run(context());
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).isEqualTo("column 'x' has a text value on row 3");

        MeasuringCheck skipped = new MeasuringCheck("skipped", List.of()) {
            @Override
            public String kind() {
                return "skip";
            }

            @Override
            protected Observations measure(CheckContext context) {
                throw new CheckSkippedException("no scores");
            }
        };
        assertThat(skipped.run(context()).status()).isEqualTo(Status.SKIPPED);
        assertThat(skipped.run(context()).message()).isEqualTo("no scores");
    }

    @Test
    void memoizeComputesOncePerKey() {
        CheckContext c = context();
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThat((Integer) c.memoize("k", calls::incrementAndGet)).isEqualTo(1);
        }
        assertThat(calls.get()).isEqualTo(1);
    }
}
