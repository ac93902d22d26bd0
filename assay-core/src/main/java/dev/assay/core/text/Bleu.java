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
        Map<String, Integer> refCounts = new HashMap<>();
        int[] refLengths = new int[references.size()];
        for (int r = 0; r < references.size(); r++) {
            String[] tokens = Tokenizer13a.split(Tokenizer13a.tokenize(prepare(references.get(r))));
            refLengths[r] = tokens.length;
            for (Map.Entry<String, Integer> e : ngrams(tokens).entrySet()) {
                refCounts.merge(e.getKey(), e.getValue(), Math::max);
            }
        }
        String[] hyp = Tokenizer13a.split(Tokenizer13a.tokenize(prepare(hypothesis)));
        long[] stats = new long[2 + 2 * MAX_ORDER];
        stats[0] = hyp.length;
        stats[1] = closest(hyp.length, refLengths);
        for (Map.Entry<String, Integer> e : ngrams(hyp).entrySet()) {
            int order = order(e.getKey());
            stats[2 + MAX_ORDER + order - 1] += e.getValue();
            Integer inRef = refCounts.get(e.getKey());
            if (inRef != null) {
                stats[2 + order - 1] += Math.min(e.getValue(), inRef);
            }
        }
        return stats;
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

    private static final char SEPARATOR = '\u0001';

    private static Map<String, Integer> ngrams(String[] tokens) {
        Map<String, Integer> counts = new HashMap<>(tokens.length * 5);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            key.setLength(0);
            for (int n = 1; n <= MAX_ORDER && i + n <= tokens.length; n++) {
                if (n > 1) {
                    key.append(SEPARATOR);
                }
                key.append(tokens[i + n - 1]);
                counts.merge(key.toString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int order(String ngram) {
        int n = 1;
        for (int i = 0; i < ngram.length(); i++) {
            if (ngram.charAt(i) == SEPARATOR) {
                n++;
            }
        }
        return n;
    }
}
