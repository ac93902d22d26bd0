package dev.assay.core.ranking;

/**
 * Relevance metrics of ranked lists, accumulated one query at a time and averaged over queries
 * (macro average: every query weighs the same). An item is relevant when its relevance is above 0
 * (trec_eval's default {@code relevance_level} 1). For a query with relevance {@code rel_j} at rank
 * {@code j}, {@code R} relevant items among its rows and cutoff {@code k}:
 * <ul>
 * <li>{@code precision@k = |relevant in top k| / k}, dividing by {@code k} even for shorter lists (trec_eval {@code P_k});
 * <li>{@code recall@k = |relevant in top k| / R} (trec_eval {@code recall_k});
 * <li>{@code hit_rate@k = 1} when the top k hold a relevant item, else 0;
 * <li>{@code mrr}: {@code 1 / rank} of the first relevant item in the whole list (trec_eval {@code recip_rank});
 * <li>{@code map@k = Σ_{j≤k, rel_j>0} precision@j / R} (trec_eval {@code map_cut_k}: divides by all R);
 * <li>{@code ndcg@k = DCG@k / IDCG@k} with {@code DCG@k = Σ_{j≤k} g(rel_j) / log2(j + 1)}, the ideal DCG from the
 * query's relevances sorted descending; linear gain {@code g(r) = r} (scikit-learn {@code ndcg_score}, trec_eval
 * {@code ndcg_cut}) as {@code ndcg@k}, exponential gain {@code g(r) = 2^r − 1} (Burges et al. 2005) as {@code ndcg_exp@k}.
 * </ul>
 * A query without relevant items scores 0 on every metric and stays in the average, as in scikit-learn's
 * {@code ndcg_score} and trec_eval's per-query values; {@link #queriesWithoutRelevant()} counts them.
 * Precision and recall are also kept at every cutoff {@code 1..k} for curves.
 */
public final class RelevanceMetrics {
    private static final double LN2 = Math.log(2);

    private final int k;
    private final double[] discount;
    private final double[] precisionSum;
    private final double[] recallSum;
    private double apSum;
    private double rrSum;
    private double hitSum;
    private double ndcgSum;
    private double ndcgExpSum;
    private long queries;
    private long withoutRelevant;

    /** @param k the cutoff; curves run over every cutoff from 1 to k */
    public RelevanceMetrics(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, found " + k);
        }
        this.k = k;
        discount = new double[k + 1];
        for (int j = 1; j <= k; j++) {
            discount[j] = LN2 / Math.log(j + 1);
        }
        precisionSum = new double[k + 1];
        recallSum = new double[k + 1];
    }

    /** Adds one ranked query. */
    public void add(RankedQuery q) {
        queries++;
        int relevant = q.relevant();
        if (relevant == 0) {
            withoutRelevant++;
            return;
        }
        rrSum += 1.0 / q.firstRelevant();
        int hits = 0;
        double ap = 0;
        double dcg = 0;
        double dcgExp = 0;
        for (int j = 1; j <= k; j++) {
            if (j <= q.shown()) {
                double r = q.topRelevance(j - 1);
                if (r > 0) {
                    hits++;
                    ap += (double) hits / j;
                    dcg += r * discount[j];
                    dcgExp += Math.expm1(r * LN2) * discount[j];
                }
            }
            precisionSum[j] += (double) hits / j;
            recallSum[j] += (double) hits / relevant;
        }
        double ideal = 0;
        double idealExp = 0;
        for (int j = 1; j <= q.idealShown(); j++) {
            double r = q.ideal(j - 1);
            ideal += r * discount[j];
            idealExp += Math.expm1(r * LN2) * discount[j];
        }
        apSum += ap / relevant;
        hitSum += hits > 0 ? 1 : 0;
        ndcgSum += dcg / ideal;
        ndcgExpSum += dcgExp / idealExp;
    }

    /** The cutoff. */
    public int k() {
        return k;
    }

    /** Queries added. */
    public long queries() {
        return queries;
    }

    /** Queries added without a relevant item (scored 0). */
    public long queriesWithoutRelevant() {
        return withoutRelevant;
    }

    public double precision() {
        return precisionAt(k);
    }

    public double recall() {
        return recallAt(k);
    }

    /** Mean precision at cutoff {@code j}, 1 ≤ j ≤ k. */
    public double precisionAt(int j) {
        return mean(precisionSum[j]);
    }

    /** Mean recall at cutoff {@code j}, 1 ≤ j ≤ k. */
    public double recallAt(int j) {
        return mean(recallSum[j]);
    }

    public double hitRate() {
        return mean(hitSum);
    }

    public double mrr() {
        return mean(rrSum);
    }

    public double map() {
        return mean(apSum);
    }

    /** NDCG@k with linear gain. */
    public double ndcg() {
        return mean(ndcgSum);
    }

    /** NDCG@k with exponential gain 2^rel − 1. */
    public double ndcgExponential() {
        return mean(ndcgExpSum);
    }

    private double mean(double sum) {
        return queries == 0 ? Double.NaN : sum / queries;
    }
}
