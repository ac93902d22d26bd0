package dev.assay.core.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.text.Bleu;
import dev.assay.core.text.Rouge;
import dev.assay.core.text.TextGenerationMetrics;
import dev.assay.core.text.TextPairs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text-generation metrics of a reference and a hypothesis column of the current data
 * ({@link TextGenerationMetrics}: sacreBLEU BLEU and chrF, rouge-score ROUGE, jiwer WER and CER, SQuAD
 * exact match and token F1), each a measurement named by its id, as in {@code bleu >= 20}.
 */
final class TextGenerationCheck extends MeasuringCheck {
    static final String KIND = "text_generation";
    private static final int EXAMPLES = 10;

    private final String reference;
    private final String hypothesis;
    private final List<String> metrics;
    private final Bleu bleu;
    private final Rouge rouge;

    TextGenerationCheck(CheckSetup setup, String reference, String hypothesis, List<String> metrics, Bleu bleu, Rouge rouge) {
        super(setup, KIND, metrics, Requirements.NONE);
        this.reference = reference;
        this.hypothesis = hypothesis;
        this.metrics = List.copyOf(metrics);
        this.bleu = bleu;
        this.rouge = rouge;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("reference", reference == null ? "(the label column)" : reference);
        out.put("hypothesis", hypothesis);
        out.put("bleu_smoothing", bleu.smoothing().id());
        out.put("lowercase", Boolean.toString(bleu.lowercase()));
        out.put("stemming", Boolean.toString(rouge.stemming()));
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        String ref = reference == null ? context.current().schema().label() : reference;
        TextPairs pairs = TextPairs.of(context.current().frame(), ref, hypothesis);
        Map<String, Double> values = TextGenerationMetrics.compute(pairs.references(), pairs.hypotheses(), bleu, rouge);
        int n = pairs.references().size();
        Observations obs = new Observations();
        for (String id : metrics) {
            obs.measurement(Measurement.of(id, values.get(id), n));
        }
        obs.table(examples(pairs, ref));
        obs.note("BLEU and chrF are corpus scores on 0-100 (sacreBLEU, 13a tokens, " + bleu.smoothing().id() + " smoothing); ROUGE "
                + "values are means over pairs on 0-1 (rouge-score, " + (rouge.stemming() ? "Porter stemming" : "no stemming") + "); WER and CER are total edits over total reference "
                + "words or characters (jiwer); exact_match and token_f1 are on 0-100 (SQuAD v1.1).");
        obs.summary(String.format(Locale.ROOT, "%d pairs: BLEU %.2f, chrF %.2f, ROUGE-L F %.4f, WER %.4f", n, values.get("bleu"),
                values.get("chrf"), values.get("rougeL_f"), values.get("wer")));
        return obs;
    }

    private EvidenceTable examples(TextPairs pairs, String ref) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(EXAMPLES, pairs.references().size()); i++) {
            String r = pairs.references().get(i);
            String h = pairs.hypotheses().get(i);
            rows.add(List.of(i + 1, r, h, bleu.sentence(h, List.of(r)).score()));
        }
        return new EvidenceTable("First pairs with their sentence BLEU", List.of("row", ref, hypothesis, "sentence_bleu"), rows);
    }
}
