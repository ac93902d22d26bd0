package dev.assay.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.metrics.Evaluation;

/** The comparison of an evaluation computed on Spark with the local one of the same rows. */
final class EvaluationAssertions {
    /** The note of Spark's one-vs-rest sweep, which the local evaluation does not make. */
    static final String SPARK_NOTE = "roc_auc_ovr, average_precision_macro and average_precision_weighted: exact";

    private EvaluationAssertions() {
    }

    /**
     * Every metric equal (1e-12 relative; undefined ones with the same reason), the confusion matrix exactly, the
     * same tables, per-class report, problems, charts and notes (but Spark's notes on how it swept the scores).
     */
    static void assertSame(Evaluation spark, Evaluation local) {
        assertThat(spark.task()).isEqualTo(local.task());
        assertThat(spark.rows()).isEqualTo(local.rows());
        assertThat(spark.metricIds()).isEqualTo(local.metricIds());
        for (String id : local.metricIds()) {
            double l = local.metric(id).value();
            double s = spark.metric(id).value();
            if (Double.isNaN(l)) {
                assertThat(s).as(id).isNaN();
                assertThat(spark.metric(id).undefinedReason()).as(id).isEqualTo(local.metric(id).undefinedReason());
            } else {
                assertThat(s).as(id).isCloseTo(l, within(1e-12 * Math.max(1, Math.abs(l))));
            }
        }
        assertThat(spark.confusionMatrix().isPresent()).isEqualTo(local.confusionMatrix().isPresent());
        spark.confusionMatrix().ifPresent(m -> {
            assertThat(m.labels()).isEqualTo(local.confusionMatrix().get().labels());
            assertThat(m.weighted()).isEqualTo(local.confusionMatrix().get().weighted());
            for (int t = 0; t < m.labels().size(); t++) {
                for (int p = 0; p < m.labels().size(); p++) {
                    assertThat(m.count(t, p)).isEqualTo(local.confusionMatrix().get().count(t, p));
                }
            }
        });
        assertThat(spark.tables()).isEqualTo(local.tables());
        assertThat(spark.perClass()).isEqualTo(local.perClass());
        assertThat(spark.problems()).isEqualTo(local.problems());
        assertThat(spark.notes().stream().filter(n -> !n.startsWith(SPARK_NOTE) && !n.startsWith("roc_auc and average_precision: exact")
                && !n.startsWith("median_absolute_error: exact")).toList()).isEqualTo(local.notes());
        assertThat(spark.charts().stream().map(c -> c.title()).toList())
                .isEqualTo(local.charts().stream().map(c -> c.title()).toList());
    }
}
