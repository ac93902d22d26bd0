package dev.assay.core.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * ROUGE (Lin 2004) as Google's rouge-score computes it ({@code rouge_scorer.py}, {@code tokenize.py}):
 * texts are lower-cased and every character outside a-z and 0-9 becomes a space. ROUGE-N counts clipped n-gram matches; ROUGE-L uses the
 * longest common subsequence; ROUGE-Lsum splits both texts into sentences at new lines and counts the
 * union LCS of each target sentence with all prediction sentences, each token used at most as often as
 * it occurs on both sides (as ROUGE-1.5.5). With stemming ({@code use_stemmer=True}), tokens longer
 * than three characters are reduced by {@link PorterStemmer}.
 *
 * @param stemming whether tokens are Porter-stemmed
 */
public record Rouge(boolean stemming) {
    /** rouge-score's default: no stemming. */
    public static final Rouge PLAIN = new Rouge(false);
    /** rouge-score with {@code use_stemmer=True}. */
    public static final Rouge STEMMED = new Rouge(true);
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    /** The tokens of {@code text}. */
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        for (String token : NON_ALPHANUMERIC.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            out.add(stemming && token.length() > 3 ? PorterStemmer.stem(token) : token);
        }
        return out;
    }

    /** ROUGE-N of a prediction against a target. */
    public RougeScore rougeN(int n, String target, String prediction) {
        Map<String, Integer> t = ngrams(tokenize(target), n);
        Map<String, Integer> p = ngrams(tokenize(prediction), n);
        long matches = 0;
        for (Map.Entry<String, Integer> e : t.entrySet()) {
            matches += Math.min(e.getValue(), p.getOrDefault(e.getKey(), 0));
        }
        return RougeScore.of(matches, Math.max(total(p), 1), Math.max(total(t), 1));
    }

    /** ROUGE-L: LCS over the prediction's and the target's lengths. */
    public RougeScore rougeL(String target, String prediction) {
        List<String> t = tokenize(target);
        List<String> p = tokenize(prediction);
        if (t.isEmpty() || p.isEmpty()) {
            return new RougeScore(0, 0, 0);
        }
        return RougeScore.of(table(t, p)[t.size()][p.size()], p.size(), t.size());
    }

    /** ROUGE-Lsum: summary-level union LCS over new-line separated sentences. */
    public RougeScore rougeLsum(String target, String prediction) {
        List<List<String>> refs = sentences(target);
        List<List<String>> cans = sentences(prediction);
        int m = refs.stream().mapToInt(List::size).sum();
        int n = cans.stream().mapToInt(List::size).sum();
        if (m == 0 || n == 0) {
            return new RougeScore(0, 0, 0);
        }
        Map<String, Integer> refCounts = counts(refs);
        Map<String, Integer> canCounts = counts(cans);
        int hits = 0;
        for (List<String> ref : refs) {
            TreeSet<Integer> union = new TreeSet<>();
            for (List<String> can : cans) {
                union.addAll(lcsIndices(ref, can));
            }
            for (int i : union) {
                String token = ref.get(i);
                if (canCounts.getOrDefault(token, 0) > 0 && refCounts.getOrDefault(token, 0) > 0) {
                    hits++;
                    canCounts.merge(token, -1, Integer::sum);
                    refCounts.merge(token, -1, Integer::sum);
                }
            }
        }
        return RougeScore.of(hits, n, m);
    }

    private List<List<String>> sentences(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.add(tokenize(line));
            }
        }
        return out;
    }

    private static Map<String, Integer> counts(List<List<String>> sentences) {
        Map<String, Integer> out = new HashMap<>();
        sentences.forEach(s -> s.forEach(t -> out.merge(t, 1, Integer::sum)));
        return out;
    }

    private static int[][] table(List<String> ref, List<String> can) {
        int[][] t = new int[ref.size() + 1][can.size() + 1];
        for (int i = 1; i <= ref.size(); i++) {
            for (int j = 1; j <= can.size(); j++) {
                t[i][j] = ref.get(i - 1).equals(can.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t;
    }

    /** Indices into {@code ref} of one LCS, read back as rouge-score's _backtrack_norec does. */
    static List<Integer> lcsIndices(List<String> ref, List<String> can) {
        int[][] t = table(ref, can);
        List<Integer> out = new ArrayList<>();
        int i = ref.size();
        int j = can.size();
        while (i > 0 && j > 0) {
            if (ref.get(i - 1).equals(can.get(j - 1))) {
                out.add(0, i - 1);
                i--;
                j--;
            } else if (t[i][j - 1] > t[i - 1][j]) {
                j--;
            } else {
                i--;
            }
        }
        return out;
    }

    private static Map<String, Integer> ngrams(List<String> tokens, int n) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            out.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return out;
    }

    private static long total(Map<String, Integer> counts) {
        return counts.values().stream().mapToLong(Integer::longValue).sum();
    }
}
