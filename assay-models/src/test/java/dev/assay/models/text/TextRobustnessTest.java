package dev.assay.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Frame;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.PerturbationCatalog;
import dev.assay.core.robustness.PerturbationEffect;
import dev.assay.core.robustness.PerturbationEvaluation;
import dev.assay.core.robustness.PerturbationSettings;
import dev.assay.core.robustness.PerturbationTarget;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.io.DataReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text perturbations measured on a real text classifier: {@link BagOfWordsModel} trained on 560 rows of the
 * SpamAssassin sample (resources/text, see its PROVENANCE.md) and perturbed on the other 240. Lower-casing cannot
 * change a model that lower-cases its words (zero flips, zero drop: a test that the pipeline adds nothing of its
 * own), while typos and deletions, which break words, must flip some predictions and more at higher rates.
 */
class TextRobustnessTest {
    private static Frame test;
    private static PerturbationEvaluation evaluation;
    private static PerturbationTarget target;

    @BeforeAll
    static void train() throws URISyntaxException {
        Path file = Path.of(TextRobustnessTest.class.getResource("/text/spam_assassin_sample.csv").toURI());
        Frame all = new DataReader().read(file, "spam sample").frame();
        Frame train = all.slice(IntStream.range(0, 560).toArray());
        test = all.slice(IntStream.range(560, all.rowCount()).toArray());
        BagOfWordsModel model = BagOfWordsModel.train(train, "text", "label");
        evaluation = new PerturbationEvaluation(model, test, test.column("label"), EvaluationSettings.defaults()
                .withPositiveClass("spam"), "accuracy", new IntervalSettings(IntervalMethod.PERCENTILE, 500, 0.95), 11);
        target = PerturbationTarget.of(test, List.of("text"), Constraints.NONE);
    }

    private static PerturbationEffect effect(String name, Map<String, ?> settings) {
        return evaluation.measure(PerturbationCatalog.create(name, PerturbationSettings.of(settings)), target, 5);
    }

    @Test
    void caseThatTheModelIgnoresChangesNothing() {
        PerturbationEffect lower = effect("case", Map.of("mode", "upper"));
        assertThat(lower.changedRows()).isGreaterThan(200);
        assertThat(lower.flips().flips()).isZero();
        assertThat(lower.drop()).isEqualTo(0.0);
        assertThat(lower.flips().meanAbsChange()).isLessThan(1e-12);
        assertThat(lower.clean()).isGreaterThan(0.85);
    }

    @Test
    void typosFlipMorePredictionsAtHigherRates() {
        PerturbationEffect light = effect("typos", Map.of("rate", 0.02));
        PerturbationEffect heavy = effect("typos", Map.of("rate", 0.3));
        assertThat(light.changedRows()).isGreaterThan(test.rowCount() - 5);
        assertThat(heavy.flips().flips()).isGreaterThan(light.flips().flips());
        assertThat(heavy.flips().meanAbsChange()).isGreaterThan(light.flips().meanAbsChange());
        assertThat(heavy.drop()).isGreaterThan(0);
        assertThat(heavy.dropInterval().interval().lower()).isLessThanOrEqualTo(heavy.drop());
        assertThat(heavy.examples()).hasSize(5);
        assertThat(heavy.examples().get(0).before()).isNotEqualTo(heavy.examples().get(0).after());
        PerturbationEffect deleted = effect("char_delete", Map.of("rate", 0.3));
        assertThat(deleted.flips().flips()).isGreaterThan(0);
        for (String name : List.of("char_swap", "punctuation", "whitespace", "number_to_word", "accent_removal")) {
            PerturbationEffect e = effect(name, Map.of());
            assertThat(e.flips().flipRate()).as(name).isBetween(0.0, 1.0);
            assertThat(e.examples().size()).as(name).isLessThanOrEqualTo(5);
        }
        assertThat(effect("whitespace", Map.of("rate", 1.0)).flips().flips()).as("spaces do not change words").isZero();
    }
}
