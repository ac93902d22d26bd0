package dev.assay.junit.pipeline;

import static dev.assay.junit.pipeline.PipelineProperties.createsNoMissing;
import static dev.assay.junit.pipeline.PipelineProperties.idempotent;
import static dev.assay.junit.pipeline.PipelineProperties.invertible;
import static dev.assay.junit.pipeline.PipelineProperties.keepsFiniteValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.junit.AssayData;
import dev.assay.junit.AssayExtension;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ready properties on frames shaped like the German credit training data, with a naive and a careful scaler. */
@ExtendWith(AssayExtension.class)
class PipelinePropertiesTest {
    private static final long SEED = 20240611L;

    private Frame train;
    private FrameGenerator credit;

    @BeforeEach
    void load(@AssayData("examples/german-credit/train.csv") Frame train) {
        this.train = train;
        this.credit = FrameGenerator.like(train.select(List.of("duration", "credit_amount", "age", "purpose")));
    }

    @Test
    void carefulScalerHoldsEveryProperty() {
        ForAll all = ForAll.frames(credit.withMissing(0.05)).seed(SEED);
        all.check(keepsFiniteValues(Scalers.CAREFUL_MIN_MAX));
        all.check(createsNoMissing(Scalers.CAREFUL_MIN_MAX));
        all.check(idempotent(Scalers.CAREFUL_MIN_MAX));
    }

    @Test
    void naiveScalerShrinksToOneRowWhereAConstantColumnBecomesMissing() {
        assertThatThrownBy(() -> ForAll.frames(credit.withinRange()).seed(SEED).check(createsNoMissing(Scalers.NAIVE_MIN_MAX)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Property 'creates no missing values' failed on try 61 of 100 (seed 20240611; replay with "
                        + "-Dassay.seed=20240611).\nMinimal counterexample (1 of 1 rows, 4 shrink steps):\n"
                        + "  duration | credit_amount | age | purpose\n  0 | 0 | 0 | business\n"
                        + "column 'duration', row 1: the input 0.0 became missing");
    }

    @Test
    void guardedScalerOverflowsOnExtremeValues() {
        ForAll within = ForAll.frames(FrameGenerator.frames().numeric("x", -1, 1).withinRange()).seed(SEED);
        within.check(keepsFiniteValues(Scalers.GUARDED_MIN_MAX));
        assertThatThrownBy(() -> ForAll.frames(FrameGenerator.frames().numeric("x", -1, 1)).seed(SEED)
                .check(keepsFiniteValues(Scalers.GUARDED_MIN_MAX)))
                .hasMessageStartingWith("Property 'keeps finite values finite' failed on try ")
                .hasMessageContaining("Minimal counterexample (2 of ")
                .hasMessageContaining("though every numeric input of the row is finite");
    }

    @Test
    void oneHotEncodingIsInvertibleUnlessMissingBecomesALevel() {
        List<String> levels = ((CategoricalColumn) train.column("purpose")).levels();
        FrameGenerator purposes = credit.withMissing(0.2);
        ForAll.frames(purposes).seed(SEED).check(invertible(Scalers.oneHot("purpose"),
                Scalers.fromOneHot("purpose", levels, true)));
        assertThatThrownBy(() -> ForAll.frames(purposes).seed(SEED).check(invertible(Scalers.oneHot("purpose"),
                Scalers.fromOneHot("purpose", levels, false))))
                .hasMessageContaining("Minimal counterexample (1 of ")
                .hasMessageEndingWith("decoding the encoded frame does not give the input back: column 'purpose', row 1: "
                        + "missing became '" + levels.get(0) + "'");
    }

    @Test
    void seedsAreStableAndReplayable() {
        assertThat(Seeds.of("scaler")).isEqualTo(Seeds.of("scaler")).isNotEqualTo(Seeds.of("encoder"));
        String before = System.getProperty(Seeds.PROPERTY);
        try {
            System.setProperty(Seeds.PROPERTY, "42");
            assertThat(Seeds.of("scaler")).isEqualTo(42L);
            System.setProperty(Seeds.PROPERTY, "x");
            assertThatThrownBy(() -> Seeds.of("scaler")).hasMessageContaining("-Dassay.seed=x is not a whole number");
        } finally {
            if (before == null) {
                System.clearProperty(Seeds.PROPERTY);
            } else {
                System.setProperty(Seeds.PROPERTY, before);
            }
        }
    }

    @Test
    void generatorFollowsTheExampleAndItsSeed() {
        Frame a = credit.rows(30, 30).withinRange().generate(new Random(1));
        Frame b = credit.rows(30, 30).withinRange().generate(new Random(1));
        assertThat(a.columnNames()).containsExactly("duration", "credit_amount", "age", "purpose");
        assertThat(PipelineProperties.firstDifference(a, b)).isNull();
        double[] age = ((dev.assay.core.data.NumericColumn) a.column("age")).toArray();
        assertThat(java.util.Arrays.stream(age).min().orElseThrow()).isGreaterThanOrEqualTo(19.0);
        assertThat(java.util.Arrays.stream(age).max().orElseThrow()).isLessThanOrEqualTo(75.0);
        assertThatThrownBy(() -> FrameGenerator.frames().generate(new Random(1))).hasMessageContaining("no columns");
        assertThatThrownBy(() -> FrameGenerator.frames().rows(0, 3)).hasMessageContaining("1 <= min <= max");
    }
}
