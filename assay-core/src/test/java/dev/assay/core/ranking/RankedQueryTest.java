package dev.assay.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The top-k selection (short cutoffs) and the full sort (long cutoffs on long lists) agree with a plain
 * sort of every query by the tie rule, on random queries of 1 to 150 items with many tied scores.
 */
class RankedQueryTest {

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {1, 3, 10, 64, 65, 100, 200})
    void selectionAndSortingAgreeWithAPlainSort(int k) {
        SplittableRandom random = new SplittableRandom(k);
        List<String> q = new ArrayList<>();
        List<String> item = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        List<Double> rel = new ArrayList<>();
        double precision = 0;
        double ndcg = 0;
        double mrr = 0;
        int queries = 40;
        for (int u = 0; u < queries; u++) {
            int n = 1 + random.nextInt(150);
            List<double[]> rows = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                double score = random.nextInt(8);
                double r = random.nextDouble() < 0.8 ? 0 : random.nextInt(1, 4);
                q.add("u" + u);
                item.add("i" + (1000 + j));
                s.add(score);
                rel.add(r);
                rows.add(new double[] {score, 1000 + j, r});
            }
            rows.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> -x[1]));
            int hits = 0;
            double dcg = 0;
            for (int j = 0; j < Math.min(k, n); j++) {
                hits += rows.get(j)[2] > 0 ? 1 : 0;
                dcg += rows.get(j)[2] / (Math.log(j + 2) / Math.log(2));
            }
            double[] ideal = rows.stream().mapToDouble(x -> -x[2]).sorted().toArray();
            double idcg = 0;
            for (int j = 0; j < Math.min(k, n); j++) {
                idcg += -ideal[j] / (Math.log(j + 2) / Math.log(2));
            }
            precision += (double) hits / k;
            ndcg += idcg == 0 ? 0 : dcg / idcg;
            for (int j = 0; j < n; j++) {
                if (rows.get(j)[2] > 0) {
                    mrr += 1.0 / (j + 1);
                    break;
                }
            }
        }
        Frame f = Frame.of(CategoricalColumn.of("q", q.toArray(String[]::new)), CategoricalColumn.of("item", item.toArray(String[]::new)),
                NumericColumn.of("s", s.stream().mapToDouble(Double::doubleValue).toArray()),
                NumericColumn.of("rel", rel.stream().mapToDouble(Double::doubleValue).toArray()));
        RankingResult r = RankingEvaluation.of(f, new RankingColumns("q", "item", "s", null, "rel", List.of(), k));
        assertThat(r.metrics().get("precision@" + k)).isCloseTo(precision / queries, within(1e-12));
        assertThat(r.metrics().get("ndcg@" + k)).isCloseTo(ndcg / queries, within(1e-12));
        assertThat(r.metrics().get("mrr")).isCloseTo(mrr / queries, within(1e-12));
    }
}
