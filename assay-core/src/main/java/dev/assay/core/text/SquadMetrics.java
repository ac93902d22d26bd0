package dev.assay.core.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Exact match and token F1 of SQuAD's evaluate-v1.1.py: answers are lower-cased, ASCII punctuation is
 * removed, the articles a, an and the are dropped and white space collapsed; exact match compares the
 * normalised strings, F1 = 2 P R / (P + R) over the multiset of shared tokens (0 when none is shared).
 * Corpus values are 100 times the mean over pairs, as the script prints them.
 */
public final class SquadMetrics {
    private static final Pattern PUNCTUATION = Pattern.compile("[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]");
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private SquadMetrics() {
    }

    /** SQuAD's normalize_answer. */
    public static String normalize(String answer) {
        String s = PUNCTUATION.matcher(answer.toLowerCase(Locale.ROOT)).replaceAll("");
        s = ARTICLES.matcher(s).replaceAll(" ");
        return String.join(" ", Arrays.stream(SPACE.split(s.strip())).filter(t -> !t.isEmpty()).toList());
    }

    /** Whether the normalised answers are equal. */
    public static boolean exactMatch(String prediction, String truth) {
        return normalize(prediction).equals(normalize(truth));
    }

    /** Token F1 of a prediction against one ground truth, on 0 to 1. */
    public static double f1(String prediction, String truth) {
        List<String> p = tokens(prediction);
        List<String> t = tokens(truth);
        Map<String, Integer> counts = new HashMap<>();
        t.forEach(w -> counts.merge(w, 1, Integer::sum));
        int same = 0;
        for (String w : p) {
            Integer left = counts.get(w);
            if (left != null && left > 0) {
                same++;
                counts.put(w, left - 1);
            }
        }
        if (same == 0) {
            return 0;
        }
        double precision = (double) same / p.size();
        double recall = (double) same / t.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** 100 times the share of exact matches. */
    public static double exactMatch(List<String> predictions, List<String> truths) {
        double sum = 0;
        for (int i = 0; i < predictions.size(); i++) {
            sum += exactMatch(predictions.get(i), truths.get(i)) ? 1 : 0;
        }
        return 100 * sum / predictions.size();
    }

    /** 100 times the mean token F1. */
    public static double f1(List<String> predictions, List<String> truths) {
        double sum = 0;
        for (int i = 0; i < predictions.size(); i++) {
            sum += f1(predictions.get(i), truths.get(i));
        }
        return 100 * sum / predictions.size();
    }

    private static List<String> tokens(String text) {
        String s = normalize(text);
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
    }
}
