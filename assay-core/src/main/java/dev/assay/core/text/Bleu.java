package dev.assay.core.text;

import dev.assay.core.error.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BLEU (Papineni et al. 2002) as sacreBLEU 2 computes it: 13a tokens (optionally lower-cased), clipped
 * n-gram matches up to order 4 against the maximum count over a segment's references, the closest
 * reference length (the shorter on ties), the brevity penalty BP = exp(1 - r / c) when c < r, and
 * BLEU = 100 BP exp(mean log p_n), with {@link BleuSmoothing} of zero counts. Corpus BLEU sums the
 * statistics over segments first; sentence BLEU uses the effective order (orders with no hypothesis
 * n-grams are left out), as {@code sacrebleu.sentence_bleu} does.
 *
 * @param smoothing how zero counts are smoothed
 * @param smoothValue the value of floor and add-k smoothing
 * @param lowercase whether texts are lower-cased first
 */
public record Bleu(BleuSmoothing smoothing, double smoothValue, boolean lowercase) {
    /** The highest n-gram order. */
    public static final int MAX_ORDER = 4;
    private static final double LOG_ZERO = -9999999999.0;

    /** sacreBLEU's defaults: exp smoothing, case kept. */
    public static Bleu defaults() {
        return new Bleu(BleuSmoothing.EXP, 0, false);
    }

    /** {@code smoothing} with its default value. */
    public static Bleu of(BleuSmoothing smoothing, boolean lowercase) {
        return new Bleu(smoothing, smoothing.defaultValue(), lowercase);
    }

    /**
     * Corpus BLEU of hypotheses, each with its references.
     *
     * @param references references.get(i) holds the references of hypotheses.get(i)
     */
    public BleuScore corpus(List<String> hypotheses, List<List<String>> references) {
        if (hypotheses.size() != references.size()) {
            throw new InvalidInputException(hypotheses.size() + " hypotheses but " + references.size() + " reference sets: give one per hypothesis.");
        }
        long[] stats = new long[2 + 2 * MAX_ORDER];
        for (int i = 0; i < hypotheses.size(); i++) {
            long[] segment = statistics(hypotheses.get(i), references.get(i));
            for (int k = 0; k < stats.length; k++) {
                stats[k] += segment[k];
            }
        }
        return score(stats, false);
    }

    /** Corpus BLEU with one reference per hypothesis. */
    public BleuScore corpusSingle(List<String> hypotheses, List<String> references) {
        return corpus(hypotheses, references.stream().map(List::of).toList());
    }

    /** Sentence BLEU of one hypothesis against its references, with the effective order. */
    public BleuScore sentence(String hypothesis, List<String> references) {
        return score(statistics(hypothesis, references), true);
    }

    /** hypothesis length, reference length, matches per order, totals per order. */
    long[] statistics(String hypothesis, List<String> references) {
        Map<String, Integer> vocabulary = new HashMap<>();
        String[] hyp = Tokenizer13a.tokens(prepare(hypothesis));
        int[] hypIds = ids(hyp, vocabulary);
        NgramCounts refCounts = new NgramCounts(hyp.length * MAX_ORDER);
        int[] refLengths = new int[references.size()];
        for (int r = 0; r < references.size(); r++) {
            String[] tokens = Tokenizer13a.tokens(prepare(references.get(r)));
            refLengths[r] = tokens.length;
            NgramCounts counts = NgramCounts.of(ids(tokens, vocabulary), MAX_ORDER);
            long[] keys = counts.keys();
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != 0) {
                    refCounts.max(keys[slot], counts.countAt(slot));
                }
            }
        }
        long[] stats = new long[2 + 2 * MAX_ORDER];
        stats[0] = hyp.length;
        stats[1] = closest(hyp.length, refLengths);
        NgramCounts hypCounts = NgramCounts.of(hypIds, MAX_ORDER);
        long[] keys = hypCounts.keys();
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != 0) {
                int order = NgramCounts.order(keys[slot]);
                int count = hypCounts.countAt(slot);
                stats[2 + MAX_ORDER + order - 1] += count;
                stats[2 + order - 1] += Math.min(count, refCounts.get(keys[slot]));
            }
        }
        return stats;
    }

    private static int[] ids(String[] tokens, Map<String, Integer> vocabulary) {
        int[] out = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = vocabulary.computeIfAbsent(tokens[i], t -> vocabulary.size() + 1);
        }
        if (vocabulary.size() > NgramCounts.MAX_IDS) {
            throw new InvalidInputException("a segment has more than " + NgramCounts.MAX_IDS + " distinct tokens: split it into sentences.");
        }
        return out;
    }

    BleuScore score(long[] stats, boolean effectiveOrder) {
        long sysLen = stats[0];
        long refLen = stats[1];
        double bp = sysLen < refLen ? (sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0) : 1;
        double[] correct = new double[MAX_ORDER];
        double[] total = new double[MAX_ORDER];
        boolean anyMatch = false;
        for (int n = 0; n < MAX_ORDER; n++) {
            correct[n] = stats[2 + n];
            total[n] = stats[2 + MAX_ORDER + n];
            anyMatch |= correct[n] > 0;
        }
        double[] precisions = new double[MAX_ORDER];
        if (!anyMatch) {
            return new BleuScore(0, precisions, bp, sysLen, refLen);
        }
        double mteval = 1;
        int order = MAX_ORDER;
        for (int n = 1; n <= MAX_ORDER; n++) {
            if (smoothing == BleuSmoothing.ADD_K && n > 1) {
                correct[n - 1] += smoothValue;
                total[n - 1] += smoothValue;
            }
            if (total[n - 1] == 0) {
                break;
            }
            if (effectiveOrder) {
                order = n;
            }
            if (correct[n - 1] == 0) {
                if (smoothing == BleuSmoothing.EXP) {
                    mteval *= 2;
                    precisions[n - 1] = 100.0 / (mteval * total[n - 1]);
                } else if (smoothing == BleuSmoothing.FLOOR) {
                    precisions[n - 1] = 100.0 * smoothValue / total[n - 1];
                }
            } else {
                precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
            }
        }
        double logSum = 0;
        for (int n = 0; n < order; n++) {
            logSum += precisions[n] == 0 ? LOG_ZERO : Math.log(precisions[n]);
        }
        return new BleuScore(bp * Math.exp(logSum / order), precisions, bp, sysLen, refLen);
    }

    private String prepare(String text) {
        return lowercase ? text.toLowerCase(Locale.ROOT) : text;
    }

    private static int closest(int hypLen, int[] refLengths) {
        int bestDiff = -1;
        int best = -1;
        for (int len : refLengths) {
            int diff = Math.abs(hypLen - len);
            if (bestDiff == -1 || diff < bestDiff || (diff == bestDiff && len < best)) {
                bestDiff = diff;
                best = len;
            }
        }
        return Math.max(best, 0);
    }
}
