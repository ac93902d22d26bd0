package dev.assay.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.UnknownColumnException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked rankings: the tie rule, queries without relevant items, the catalogue measures and bad input. */
class RankingMetricsTest {
    private static final double TOL = 1e-12;

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static RankingResult evaluate(Frame f, int k) {
        return RankingEvaluation.of(f, new RankingColumns("q", "item", "s", null, "rel", List.of(), k));
    }

    @Test
    void oneQueryWorkedByHand() {
        // ranked: a (rel 3), b (0), c (2), d (0), e (1); R = 3
        Frame f = Frame.of(CategoricalColumn.of("q", "u", "u", "u", "u", "u"), CategoricalColumn.of("item", "c", "a", "e", "b", "d"),
                NumericColumn.of("s", 0.7, 0.9, 0.5, 0.8, 0.6), NumericColumn.of("rel", 2, 3, 1, 0, 0));
        RankingResult r = evaluate(f, 3);
        assertThat(r.metrics().get("precision@3")).isCloseTo(2.0 / 3, within(TOL));
        assertThat(r.metrics().get("recall@3")).isCloseTo(2.0 / 3, within(TOL));
        assertThat(r.metrics().get("map@3")).isCloseTo((1 + 2.0 / 3) / 3, within(TOL));
        assertThat(r.metrics().get("mrr")).isEqualTo(1.0);
        assertThat(r.metrics().get("hit_rate@3")).isEqualTo(1.0);
        double dcg = 3 + 2 / log2(4);
        double ideal = 3 + 2 / log2(3) + 1 / log2(4);
        assertThat(r.metrics().get("ndcg@3")).isCloseTo(dcg / ideal, within(TOL));
        double dcgExp = 7 + 3 / log2(4);
        double idealExp = 7 + 3 / log2(3) + 1 / log2(4);
        assertThat(r.metrics().get("ndcg_exp@3")).isCloseTo(dcgExp / idealExp, within(TOL));
        assertThat(r.precisionCurve()).containsExactly(1, 0.5, 2.0 / 3);
        assertThat(r.recallCurve()[0]).isCloseTo(1.0 / 3, within(TOL));
    }

    @Test
    void tiedScoresRankByDescendingItemIdAsTrecEval() {
        // all scores equal: order z, y, x; only x is relevant, so its rank is 3
        Frame f = Frame.of(CategoricalColumn.of("q", "u", "u", "u"), CategoricalColumn.of("item", "x", "z", "y"),
                NumericColumn.of("s", 1, 1, 1), NumericColumn.of("rel", 1, 0, 0));
        RankingResult r = evaluate(f, 3);
        assertThat(r.metrics().get("mrr")).isCloseTo(1.0 / 3, within(TOL));
        assertThat(r.metrics().get("hit_rate@3")).isEqualTo(1.0);
        assertThat(evaluate(f, 2).metrics().get("hit_rate@2")).isZero();
    }

    @Test
    void ranksOrderAscendingAndAgreeWithScores() {
        Frame byRank = Frame.of(CategoricalColumn.of("q", "u", "u", "u"), CategoricalColumn.of("item", "x", "z", "y"),
                NumericColumn.of("pos", 2, 1, 3), NumericColumn.of("rel", 1, 0, 0));
        RankingResult r = RankingEvaluation.of(byRank, new RankingColumns("q", "item", null, "pos", "rel", List.of(), 3));
        assertThat(r.metrics().get("mrr")).isEqualTo(0.5);
    }

    @Test
    void aQueryWithoutRelevantItemsScoresZeroAndCounts() {
        Frame f = Frame.of(CategoricalColumn.of("q", "u", "u", "v", "v"), CategoricalColumn.of("item", "a", "b", "a", "b"),
                NumericColumn.of("s", 2, 1, 2, 1), NumericColumn.of("rel", 1, 0, 0, 0));
        RankingResult r = evaluate(f, 1);
        assertThat(r.queriesWithoutRelevant()).isEqualTo(1);
        assertThat(r.metrics().get("ndcg@1")).isEqualTo(0.5);
        assertThat(r.metrics().get("map@1")).isEqualTo(0.5);
        assertThat(r.metrics().get("mrr")).isEqualTo(0.5);
        assertThat(r.metrics().get("precision@1")).isEqualTo(0.5);
        assertThat(r.metrics().get("recall@1")).isEqualTo(0.5);
    }

    @Test
    void catalogueMeasuresWorkedByHand() {
        // three users, catalogue a..d, top 2: u = [a, b], v = [a, c], w = [a, b]; d never shown
        // relevant in: a 3 queries, b 1, c 0, d 1
        Frame f = Frame.of(CategoricalColumn.of("q", "u", "u", "u", "v", "v", "v", "w", "w", "w"),
                CategoricalColumn.of("item", "a", "b", "d", "a", "c", "d", "a", "b", "d"),
                NumericColumn.of("s", 3, 2, 1, 3, 2, 1, 3, 2, 1), NumericColumn.of("rel", 1, 1, 0, 1, 0, 0, 1, 0, 1),
                NumericColumn.of("x1", 1, 0, 1, 1, 1, 1, 1, 0, 1), NumericColumn.of("x2", 0, 1, 1, 0, 1, 1, 0, 1, 1));
        RankingResult r = RankingEvaluation.of(f, new RankingColumns("q", "item", "s", null, "rel", List.of("x1", "x2"), 2));
        assertThat(r.metrics().get("coverage@2")).isEqualTo(0.75);
        // popularity a 1, b 1/3, c 0: lists u (1 + 1/3)/2, v (1 + 0)/2, w as u
        assertThat(r.metrics().get("mean_popularity@2")).isCloseTo(((4.0 / 3) / 2 * 2 + 0.5) / 3, within(TOL));
        // shown counts sorted: d 0, c 1, b 2, a 3; Σ(2j − 5) c_j = −1·1 + 1·2 + 3·3 = 10 over 4 · 6
        assertThat(r.metrics().get("gini_exposure@2")).isCloseTo(10.0 / 24, within(TOL));
        // self-information: a 0, b log2 3, c (counted once) log2 3
        assertThat(r.metrics().get("novelty@2")).isCloseTo(log2(3) / 2, within(TOL));
        // shared places: a in 3 lists (3 pairs), b in 2 (1 pair); 4 over 3 pairs of k = 2
        assertThat(r.metrics().get("personalisation@2")).isCloseTo(1 - 4.0 / 3 / 2, within(TOL));
        // a = (1, 0), b = (0, 1), c = (1, 1): u, w distance 1; v distance 1 − 1/√2
        assertThat(r.metrics().get("intra_list_diversity@2")).isCloseTo((2 + 1 - 1 / Math.sqrt(2)) / 3, within(TOL));
    }

    @Test
    void badInputIsNamed() {
        Frame dup = Frame.of(CategoricalColumn.of("q", "u", "u"), CategoricalColumn.of("item", "a", "a"),
                NumericColumn.of("s", 1, 2), NumericColumn.of("rel", 1, 0));
        assertThatThrownBy(() -> evaluate(dup, 2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Item 'a' appears twice in query 'u'");
        Frame negative = Frame.of(CategoricalColumn.of("q", "u"), CategoricalColumn.of("item", "a"),
                NumericColumn.of("s", 1), NumericColumn.of("rel", -1));
        assertThatThrownBy(() -> evaluate(negative, 2)).hasMessageContaining("'rel' (relevance) is negative");
        Frame missing = Frame.of(CategoricalColumn.of("q", "u"), CategoricalColumn.of("item", "a"),
                NumericColumn.of("s", Double.NaN), NumericColumn.of("rel", 1));
        assertThatThrownBy(() -> evaluate(missing, 2)).hasMessageContaining("'s' (score) has no value");
        Frame empty = Frame.of(CategoricalColumn.of("q"), CategoricalColumn.of("item"), NumericColumn.of("s"), NumericColumn.of("rel"));
        assertThatThrownBy(() -> evaluate(empty, 2)).hasMessageContaining("no rows");
        assertThatThrownBy(() -> RankingEvaluation.of(missing, new RankingColumns("user", "item", "s", null, "rel", List.of(), 2)))
                .isInstanceOf(UnknownColumnException.class);
        assertThatThrownBy(() -> new RankingColumns("q", "item", "s", "r", "rel", List.of(), 2)).hasMessageContaining("exactly one");
    }

    @Test
    void oneItemListsHaveNoDiversityAndOneQueryNoPersonalisation() {
        Frame f = Frame.of(CategoricalColumn.of("q", "u"), CategoricalColumn.of("item", "a"),
                NumericColumn.of("s", 1), NumericColumn.of("rel", 1), NumericColumn.of("x", 1));
        RankingResult r = RankingEvaluation.of(f, new RankingColumns("q", "item", "s", null, "rel", List.of("x"), 5));
        assertThat(r.metrics().get("intra_list_diversity@5")).isNaN();
        assertThat(r.metrics().get("personalisation@5")).isNaN();
        assertThat(r.metrics().get("precision@5")).isEqualTo(0.2);
        assertThat(r.metrics().get("ndcg@5")).isEqualTo(1.0);
    }
}
