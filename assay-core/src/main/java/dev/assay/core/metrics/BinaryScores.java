package dev.assay.core.metrics;

import dev.assay.core.stats.RankingCurve;
import dev.assay.core.stats.ScoreRanking;
import dev.assay.core.stats.ScoreSample;

/**
 * The rows of a binary evaluation with scores, as the evaluation read them: whether each row is
 * of the positive class and its score (the positive class's probability), after the positive class
 * was chosen and the score column validated (no NaN). Checks that need row-level scores, such as
 * calibration, take them from {@link Evaluation#binaryScores()} so that they read the same rows with
 * the same positive class as the metrics. Immutable: the arrays are copied in and never handed out.
 */
public final class BinaryScores {
    private final boolean[] truth;
    private final double[] score;
    private final double[] weight;
    private final boolean weighted;
    private final String positiveClass;
    private final ColumnNames names;

    BinaryScores(boolean[] truth, double[] score, double[] weight, String positiveClass, ColumnNames names) {
        this.truth = truth.clone();
        this.score = score.clone();
        this.weight = weight == null ? null : weight.clone();
        this.weighted = weight != null;
        this.positiveClass = positiveClass;
        this.names = names;
    }

    /** The number of rows. */
    public int rows() {
        return truth.length;
    }

    /** The label value counted as positive. */
    public String positiveClass() {
        return positiveClass;
    }

    /** The name of the score column, or null when the scores came as arrays. */
    public String scoreColumn() {
        return names == ColumnNames.ARRAYS ? null : names.score();
    }

    /** Whether the evaluation had sample weights (kept for {@link #ranking()}, not handed out). */
    public boolean weighted() {
        return weighted;
    }

    /** The name of the weight column, or null when there is none or the scores came as arrays. */
    public String weightColumn() {
        return weighted && names != ColumnNames.ARRAYS ? names.weight() : null;
    }

    /**
     * Average precision of the <em>negative</em> class: {@code average_precision_score(y != positive,
     * 1 - score)}, every row counted once, as {@link BinaryMetrics#averagePrecision} defines it for
     * the positive class (undefined when the label holds one class). Used when the class of interest
     * (the minority class) is not the positive one.
     */
    public MetricValue negativeClassAveragePrecision() {
        boolean[] negative = new boolean[truth.length];
        double[] negativeScore = new double[score.length];
        for (int i = 0; i < truth.length; i++) {
            negative[i] = !truth[i];
            negativeScore[i] = 1 - score[i];
        }
        ScoreSample sample = new ScoreSample();
        sample.addAll(negative, negativeScore, null, 0, negative.length);
        return BinaryMetrics.averagePrecision(sample.result());
    }

    /**
     * The rows ranked by score with their classes and sample weights, for recomputing the ranking
     * metrics (roc_auc, average_precision) on reweighted rows, e.g. bootstrap resamples. Sorts the
     * scores, so build it once per use.
     */
    public ScoreRanking ranking() {
        return new ScoreRanking(truth, score, weight);
    }

    /**
     * The ranking curve of the rows with their sample weights: one point per distinct score, as
     * scikit-learn's {@code _binary_clf_curve}. Sorts the scores, so build it once per use.
     */
    public RankingCurve curve() {
        ScoreSample sample = new ScoreSample();
        sample.addAll(truth, score, weight, 0, truth.length);
        return sample.result();
    }

    /** Whether each row is positive; the array itself, which callers in this package only read. */
    boolean[] truth() {
        return truth;
    }

    /** Each row's score; the array itself, which callers in this package only read. */
    double[] score() {
        return score;
    }

    ColumnNames names() {
        return names;
    }
}
