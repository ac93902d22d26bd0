package dev.assay.core.text;

import dev.assay.core.error.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Word and character error rates as jiwer 3 computes them with its default transforms: WER splits each
 * stripped text on white space, CER takes the characters of each stripped text (inner spaces included);
 * the rate is (S + D + I) / (S + D + C), the minimum edit operations summed over all pairs over the
 * reference units summed over all pairs (a corpus rate, not a mean of per-pair rates).
 */
public final class ErrorRates {
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private ErrorRates() {
    }

    /** Word error rate of hypotheses against references. */
    public static double wer(List<String> references, List<String> hypotheses) {
        return rate(references, hypotheses, true);
    }

    /** Character error rate of hypotheses against references. */
    public static double cer(List<String> references, List<String> hypotheses) {
        return rate(references, hypotheses, false);
    }

    private static double rate(List<String> references, List<String> hypotheses, boolean words) {
        if (references.size() != hypotheses.size()) {
            throw new InvalidInputException(references.size() + " references but " + hypotheses.size() + " hypotheses: give one per reference.");
        }
        long edits = 0;
        long length = 0;
        for (int i = 0; i < references.size(); i++) {
            String[] ref = units(references.get(i), words);
            if (ref.length == 0) {
                throw new InvalidInputException("reference " + (i + 1) + " is empty: an error rate needs at least one reference "
                        + (words ? "word" : "character") + " per pair. Remove the pair or fill the reference.");
            }
            edits += distance(ref, units(hypotheses.get(i), words));
            length += ref.length;
        }
        return length == 0 ? Double.NaN : (double) edits / length;
    }

    private static String[] units(String text, boolean words) {
        String s = text.strip();
        if (s.isEmpty()) {
            return new String[0];
        }
        return words ? SPACE.split(s) : s.codePoints().mapToObj(Character::toString).toArray(String[]::new);
    }

    /** Levenshtein distance with unit costs. */
    static int distance(String[] a, String[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitute = previous[j - 1] + (a[i - 1].equals(b[j - 1]) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length];
    }
}
