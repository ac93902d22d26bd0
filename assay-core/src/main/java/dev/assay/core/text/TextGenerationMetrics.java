package dev.assay.core.text;

import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The text-generation metrics of pairs of reference and hypothesis, keyed by id: corpus {@code bleu} and
 * {@code chrf} (sacreBLEU defaults, 0 to 100), the mean over pairs of {@code rouge1_*}, {@code rouge2_*},
 * {@code rougeL_*} and {@code rougeLsum_*} for {@code p}, {@code r} and {@code f} (rouge-score, 0 to 1),
 * corpus {@code wer} and {@code cer} (jiwer, 0 and up), and {@code exact_match} and {@code token_f1}
 * (SQuAD v1.1, 0 to 100).
 */
public final class TextGenerationMetrics {
    /** Every metric id, in output order. */
    public static final List<String> IDS = List.of("bleu", "chrf", "rouge1_f", "rouge1_p", "rouge1_r", "rouge2_f", "rouge2_p", "rouge2_r",
            "rougeL_f", "rougeL_p", "rougeL_r", "rougeLsum_f", "rougeLsum_p", "rougeLsum_r", "wer", "cer", "exact_match", "token_f1");

    private TextGenerationMetrics() {
    }

    /** All metrics of the pairs, with {@code bleu} computed by {@code bleu} and ROUGE by {@code rouge}. */
    public static Map<String, Double> compute(List<String> references, List<String> hypotheses, Bleu bleu, Rouge rouge) {
        if (references.size() != hypotheses.size()) {
            throw new InvalidInputException(references.size() + " references but " + hypotheses.size() + " hypotheses.");
        }
        if (references.isEmpty()) {
            throw new InvalidInputException("no text pairs: text-generation metrics need at least one reference and hypothesis.");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("bleu", bleu.corpusSingle(hypotheses, references).score());
        out.put("chrf", Chrf.defaults().corpusSingle(hypotheses, references));
        putRouge(out, "rouge1", references, hypotheses, (t, p) -> rouge.rougeN(1, t, p));
        putRouge(out, "rouge2", references, hypotheses, (t, p) -> rouge.rougeN(2, t, p));
        putRouge(out, "rougeL", references, hypotheses, rouge::rougeL);
        putRouge(out, "rougeLsum", references, hypotheses, rouge::rougeLsum);
        out.put("wer", ErrorRates.wer(references, hypotheses));
        out.put("cer", ErrorRates.cer(references, hypotheses));
        out.put("exact_match", SquadMetrics.exactMatch(hypotheses, references));
        out.put("token_f1", SquadMetrics.f1(hypotheses, references));
        return out;
    }

    private static void putRouge(Map<String, Double> out, String id, List<String> targets, List<String> predictions,
            BiFunction<String, String, RougeScore> score) {
        List<RougeScore> scores = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            scores.add(score.apply(targets.get(i), predictions.get(i)));
        }
        out.put(id + "_f", scores.stream().mapToDouble(RougeScore::f).average().orElseThrow());
        out.put(id + "_p", scores.stream().mapToDouble(RougeScore::precision).average().orElseThrow());
        out.put(id + "_r", scores.stream().mapToDouble(RougeScore::recall).average().orElseThrow());
    }
}
