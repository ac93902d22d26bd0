package dev.assay.core.ranking;

import java.util.Arrays;

/**
 * Beyond-accuracy measures of the top-k lists of all queries over a catalogue of {@code m} items (the
 * distinct items of the data). With {@code c_i} the number of lists showing item {@code i}, {@code Q}
 * queries and {@code n_i} the number of queries in which item {@code i} is relevant:
 * <ul>
 * <li>{@code coverage = |{i : c_i > 0}| / m} (catalogue coverage, Ge et al. 2010);
 * <li>{@code mean_popularity}: mean over queries of the mean {@code p_i = n_i / Q} of its listed items
 * (average recommendation popularity, Abdollahpouri et al. 2019);
 * <li>{@code gini_exposure = Σ_{j=1..m} (2j − m − 1) c_(j) / (m Σ c)} over the counts sorted ascending, 0 when every
 * item is shown equally often, near 1 when one item takes all exposure;
 * <li>{@code novelty}: mean over queries of the mean self-information {@code −log2 p_i} of its listed items (Zhou et al.
 * 2010); an item relevant nowhere counts as relevant once ({@code n_i = max(n_i, 1)}), bounding it by {@code log2 Q};
 * <li>{@code personalisation = 1 − mean_{u<v} |L_u ∩ L_v| / k} over all pairs of lists, which is 1 minus the mean
 * cosine similarity of the lists' item indicator vectors when every list has k items (as in recmetrics);
 * computed as {@code Σ_i c_i (c_i − 1) / 2} shared places;
 * <li>{@code intra_list_diversity}: mean over queries of the mean cosine distance {@code 1 − cos(x_a, x_b)} over the
 * pairs of its listed items' feature vectors (Ziegler et al. 2005); lists of one item are left out.
 * </ul>
 */
public final class CatalogueMetrics {
    private final int k;
    private final long[] shown;
    private final long[] relevantIn;
    private final double[][] features;
    private final long relevanceQueries;
    private long queries;
    private double popularitySum;
    private double noveltySum;
    private double diversitySum;
    private long diverseLists;

    /**
     * @param k the list length (cutoff)
     * @param relevantIn per catalogue item, the number of queries in which it is relevant
     * @param queries the number of queries behind {@code relevantIn}
     * @param features per catalogue item its feature vector, or null for no diversity
     */
    public CatalogueMetrics(int k, long[] relevantIn, long queries, double[][] features) {
        this.k = k;
        this.relevantIn = relevantIn.clone();
        this.relevanceQueries = queries;
        this.features = features;
        this.shown = new long[relevantIn.length];
    }

    /** Adds one query's list: catalogue indices of its top items, best first, at most k of them. */
    public void add(int[] items, int n) {
        if (n == 0) {
            return;
        }
        queries++;
        double popularity = 0;
        double novelty = 0;
        for (int j = 0; j < n; j++) {
            int i = items[j];
            shown[i]++;
            popularity += (double) relevantIn[i] / relevanceQueries;
            novelty -= Math.log((double) Math.max(relevantIn[i], 1) / relevanceQueries) / Math.log(2);
        }
        popularitySum += popularity / n;
        noveltySum += novelty / n;
        if (features != null && n > 1) {
            double distance = 0;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    distance += 1 - cosine(features[items[a]], features[items[b]]);
                }
            }
            diversitySum += distance / (n * (n - 1) / 2.0);
            diverseLists++;
        }
    }

    private static double cosine(double[] x, double[] y) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int d = 0; d < x.length; d++) {
            xy += x[d] * y[d];
            xx += x[d] * x[d];
            yy += y[d] * y[d];
        }
        return xx == 0 || yy == 0 ? 0 : xy / Math.sqrt(xx * yy);
    }

    public double coverage() {
        long covered = 0;
        for (long c : shown) {
            covered += c > 0 ? 1 : 0;
        }
        return shown.length == 0 ? Double.NaN : (double) covered / shown.length;
    }

    public double meanPopularity() {
        return queries == 0 ? Double.NaN : popularitySum / queries;
    }

    public double novelty() {
        return queries == 0 ? Double.NaN : noveltySum / queries;
    }

    public double giniExposure() {
        long[] sorted = shown.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        double total = 0;
        double weighted = 0;
        for (int j = 1; j <= m; j++) {
            total += sorted[j - 1];
            weighted += (2.0 * j - m - 1) * sorted[j - 1];
        }
        return total == 0 ? Double.NaN : weighted / (m * total);
    }

    /** NaN with fewer than two lists. */
    public double personalisation() {
        if (queries < 2) {
            return Double.NaN;
        }
        double shared = 0;
        for (long c : shown) {
            shared += c * (c - 1) / 2.0;
        }
        double pairs = queries * (queries - 1) / 2.0;
        return 1 - shared / pairs / k;
    }

    /** NaN without features or without a list of two or more items. */
    public double intraListDiversity() {
        return diverseLists == 0 ? Double.NaN : diversitySum / diverseLists;
    }
}
