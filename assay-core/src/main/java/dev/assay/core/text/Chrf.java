package dev.assay.core.text;

import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * chrF (Popović 2015) and chrF++ as sacreBLEU 2 computes them: character n-grams of orders 1 to
 * {@code charOrder} with white space removed, plus word n-grams up to {@code wordOrder} (chrF++: 2) with
 * punctuation split off a word's end or start; per-order precision and recall are averaged over the
 * orders both sides have, and chrF = 100 (1 + b^2) P R / (b^2 P + R). Corpus chrF sums the counts over
 * segments first; with several references, a segment keeps the reference with the best chrF. With
 * {@code epsSmoothing} (chrF++.py, Moses and NLTK style), the F score of each order is averaged instead,
 * an order without n-grams counting as 1e-16.
 *
 * @param charOrder character n-gram order (6)
 * @param wordOrder word n-gram order (0 for chrF, 2 for chrF++)
 * @param beta recall weight (2)
 * @param epsSmoothing average per-order F scores rather than precision and recall (off in sacreBLEU)
 */
public record Chrf(int charOrder, int wordOrder, double beta, boolean epsSmoothing) {
    private static final double EPS = 1e-16;
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /** sacreBLEU's chrF: char order 6, word order 0, beta 2. */
    public static Chrf defaults() {
        return new Chrf(6, 0, 2, false);
    }

    /** sacreBLEU's chrF++: char order 6, word order 2, beta 2. */
    public static Chrf plusPlus() {
        return new Chrf(6, 2, 2, false);
    }

    /** Corpus chrF on 0 to 100; references.get(i) holds the references of hypotheses.get(i). */
    public double corpus(List<String> hypotheses, List<List<String>> references) {
        if (hypotheses.size() != references.size()) {
            throw new InvalidInputException(hypotheses.size() + " hypotheses but " + references.size() + " reference sets: give one per hypothesis.");
        }
        long[] stats = new long[3 * (charOrder + wordOrder)];
        for (int i = 0; i < hypotheses.size(); i++) {
            long[] segment = statistics(hypotheses.get(i), references.get(i));
            for (int k = 0; k < stats.length; k++) {
                stats[k] += segment[k];
            }
        }
        return fScore(stats);
    }

    /** Corpus chrF with one reference per hypothesis. */
    public double corpusSingle(List<String> hypotheses, List<String> references) {
        return corpus(hypotheses, references.stream().map(List::of).toList());
    }

    /** chrF of one hypothesis against its references. */
    public double sentence(String hypothesis, List<String> references) {
        return fScore(statistics(hypothesis, references));
    }

    /** [hyp, ref, match] counts per order, characters first, for the best reference. */
    long[] statistics(String hypothesis, List<String> references) {
        List<Map<String, Integer>> hyp = ngrams(hypothesis);
        long[] best = null;
        double bestF = -1;
        for (String reference : references) {
            List<Map<String, Integer>> ref = ngrams(reference);
            long[] stats = new long[3 * hyp.size()];
            for (int o = 0; o < hyp.size(); o++) {
                long hypCount = 0;
                long match = 0;
                for (Map.Entry<String, Integer> e : hyp.get(o).entrySet()) {
                    hypCount += e.getValue();
                    Integer r = ref.get(o).get(e.getKey());
                    if (r != null) {
                        match += Math.min(e.getValue(), r);
                    }
                }
                stats[3 * o] = hypCount;
                stats[3 * o + 1] = ref.get(o).values().stream().mapToLong(Integer::longValue).sum();
                stats[3 * o + 2] = match;
            }
            double f = fScore(stats);
            if (f > bestF) {
                bestF = f;
                best = stats;
            }
        }
        return best == null ? new long[3 * hyp.size()] : best;
    }

    double fScore(long[] stats) {
        double factor = beta * beta;
        if (epsSmoothing) {
            return epsScore(stats, factor);
        }
        double precision = 0;
        double recall = 0;
        int effective = 0;
        for (int o = 0; o < stats.length / 3; o++) {
            long hyp = stats[3 * o];
            long ref = stats[3 * o + 1];
            if (hyp > 0 && ref > 0) {
                precision += (double) stats[3 * o + 2] / hyp;
                recall += (double) stats[3 * o + 2] / ref;
                effective++;
            }
        }
        if (effective == 0) {
            return 0;
        }
        precision /= effective;
        recall /= effective;
        return precision + recall == 0 ? 0 : 100 * (1 + factor) * precision * recall / (factor * precision + recall);
    }

    private static double epsScore(long[] stats, double factor) {
        double score = 0;
        int orders = stats.length / 3;
        for (int o = 0; o < orders; o++) {
            double p = stats[3 * o] > 0 ? (double) stats[3 * o + 2] / stats[3 * o] : EPS;
            double r = stats[3 * o + 1] > 0 ? (double) stats[3 * o + 2] / stats[3 * o + 1] : EPS;
            double denominator = factor * p + r;
            score += denominator > 0 ? (1 + factor) * p * r / denominator : EPS;
        }
        return 100 * score / orders;
    }

    private List<Map<String, Integer>> ngrams(String text) {
        List<Map<String, Integer>> out = new ArrayList<>(charOrder + wordOrder);
        int[] chars = String.join("", Tokenizer13a.split(text)).codePoints().toArray();
        for (int n = 1; n <= charOrder; n++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i + n <= chars.length; i++) {
                counts.merge(new String(chars, i, n), 1, Integer::sum);
            }
            out.add(counts);
        }
        List<String> words = words(text);
        for (int n = 1; n <= wordOrder; n++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i + n <= words.size(); i++) {
                counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
            }
            out.add(counts);
        }
        return out;
    }

    /** Words with one punctuation mark split off the end, or else the start (sacreBLEU's _remove_punctuation). */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : Tokenizer13a.split(text)) {
            if (w.length() == 1) {
                out.add(w);
            } else if (PUNCTUATION.indexOf(w.charAt(w.length() - 1)) >= 0) {
                out.add(w.substring(0, w.length() - 1));
                out.add(w.substring(w.length() - 1));
            } else if (PUNCTUATION.indexOf(w.charAt(0)) >= 0) {
                out.add(w.substring(0, 1));
                out.add(w.substring(1));
            } else {
                out.add(w);
            }
        }
        return out;
    }
}
