package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.metrics.BinaryRanking;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Evaluator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * The sweep of several curves at once against the local evaluation of each curve's rows: Adult's scores
 * (rounded to 2 decimals, so most rows tie) split into one curve per race, weighted by hours per week,
 * over 3 and 7 partitions (so curves straddle partition boundaries).
 */
class DistinctScoreSweepTest {
    @TempDir
    Path dir;

    @Test
    void everyCurveEqualsTheLocalRankingOfItsRows() {
        List<Row> rows = SparkSessions.local().read().option("header", "true").option("inferSchema", "true")
                .csv(AdultData.write(dir.resolve("adult.csv"), 0, 32561, 1).toString())
                .selectExpr("race", "round(score, 2) as s", "`income-per-year` = '>50K' as y", "cast(`hours-per-week` as double) as w")
                .collectAsList();
        List<String> races = rows.stream().map(r -> r.getString(0)).distinct().sorted().toList();
        List<Tuple2<DistinctScoreSweep.CurveScore, double[]>> entries = new ArrayList<>();
        for (Row r : rows) {
            double w = r.getDouble(3);
            entries.add(new Tuple2<>(new DistinctScoreSweep.CurveScore(races.indexOf(r.getString(0)), r.getDouble(1)),
                    r.getBoolean(2) ? new double[] {w, 0} : new double[] {0, w}));
        }
        for (int partitions : new int[] {3, 7}) {
            JavaPairRDD<DistinctScoreSweep.CurveScore, double[]> rdd = JavaPairRDD.fromJavaRDD(
                    org.apache.spark.api.java.JavaSparkContext.fromSparkContext(SparkSessions.local().sparkContext())
                            .parallelize(entries, 5));
            Map<Integer, BinaryRanking> swept = DistinctScoreSweep.of(rdd, partitions, DistinctScoreSweep.CHART_POINTS);
            assertThat(swept.keySet()).hasSize(races.size());
            for (int c = 0; c < races.size(); c++) {
                String race = races.get(c);
                List<Row> mine = rows.stream().filter(r -> r.getString(0).equals(race)).toList();
                boolean[] truth = new boolean[mine.size()];
                double[] score = new double[mine.size()];
                double[] weight = new double[mine.size()];
                for (int i = 0; i < truth.length; i++) {
                    truth[i] = mine.get(i).getBoolean(2);
                    score[i] = mine.get(i).getDouble(1);
                    weight[i] = mine.get(i).getDouble(3);
                }
                Evaluation local = Evaluator.binary(truth, score, null, weight, EvaluationSettings.defaults());
                BinaryRanking r = swept.get(c);
                assertThat(r.rocAuc().value()).as(race).isCloseTo(local.metric("roc_auc").value(), within(1e-12));
                assertThat(r.averagePrecision().value()).as(race).isCloseTo(local.metric("average_precision").value(),
                        within(1e-12));
                assertThat(r.chart().positives()).as(race).isEqualTo(sum(weight, truth, true));
                assertThat(r.chart().negatives()).as(race).isEqualTo(sum(weight, truth, false));
            }
        }
    }

    private static double sum(double[] weight, boolean[] truth, boolean positive) {
        double s = 0;
        for (int i = 0; i < weight.length; i++) {
            if (truth[i] == positive) {
                s += weight[i];
            }
        }
        return s;
    }
}
