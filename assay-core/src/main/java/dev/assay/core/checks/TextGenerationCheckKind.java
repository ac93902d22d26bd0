package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.Suggestions;
import dev.assay.core.text.Bleu;
import dev.assay.core.text.BleuSmoothing;
import dev.assay.core.text.Rouge;
import dev.assay.core.text.TextGenerationMetrics;
import java.util.List;

/**
 * {@code type: text_generation}: {@code hypothesis: COL}, {@code reference: COL} (default the label column), optional {@code metrics:
 * [bleu, chrf, ...]} (default all), {@code bleu_smoothing: exp|floor|add-k|none}, {@code lowercase: true} and {@code stemming: true}.
 */
public final class TextGenerationCheckKind implements CheckKind {

    @Override
    public String id() {
        return TextGenerationCheck.KIND;
    }

    @Override
    public String description() {
        return "Text-generation metrics of a reference and a hypothesis column: BLEU and chrF (sacreBLEU), ROUGE (rouge-score), "
                + "WER and CER (jiwer), exact match and token F1 (SQuAD).";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("reference", "the column with the reference texts (default: the label column, columns.label)"),
                new ConfigKey("hypothesis", "the column with the generated texts (required)"),
                new ConfigKey("metrics", "metric ids to measure (default all): " + String.join(", ", TextGenerationMetrics.IDS)),
                new ConfigKey("bleu_smoothing", "exp (default), floor, add-k or none, as sacreBLEU names them"),
                new ConfigKey("lowercase", "true to lower-case texts before BLEU (default false)"),
                new ConfigKey("stemming", "true to Porter-stem ROUGE tokens, as rouge-score's use_stemmer (default false)"));
    }

    @Override
    public String measures() {
        return String.join(", ", TextGenerationMetrics.IDS);
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Text generation";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        String reference = config.string("reference", null);
        String hypothesis = config.requireString("hypothesis");
        List<String> metrics = config.strings("metrics");
        for (String id : metrics) {
            if (!TextGenerationMetrics.IDS.contains(id)) {
                List<String> close = Suggestions.closest(id, TextGenerationMetrics.IDS, 1);
                throw config.error("metrics", "unknown text-generation metric '" + Excerpt.of(id) + "'."
                        + (close.isEmpty() ? "" : " Did you mean '" + close.get(0) + "'?") + " Known: "
                        + String.join(", ", TextGenerationMetrics.IDS) + ".");
            }
        }
        BleuSmoothing smoothing;
        try {
            smoothing = BleuSmoothing.of(config.string("bleu_smoothing", "exp"));
        } catch (InvalidInputException e) {
            throw config.error("bleu_smoothing", e.getMessage());
        }
        return new TextGenerationCheck(setup, reference, hypothesis, metrics.isEmpty() ? TextGenerationMetrics.IDS : metrics,
                Bleu.of(smoothing, config.bool("lowercase", false)), new Rouge(config.bool("stemming", false)));
    }
}
