package dev.assay.core.monitor;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.NumericProfile;
import dev.assay.core.profile.Profiler;
import dev.assay.core.stats.ConfusionAccumulator;
import dev.assay.core.stats.ConfusionMatrix;
import java.time.Instant;

/**
 * Everything the monitor keeps about one model version in one window, as mergeable sketches: per
 * feature a {@link dev.assay.core.profile.ColumnProfile} (KLL quantiles, frequent items, HLL, missing
 * counts), the score's profile, the scores by predicted class on fixed bins ({@link ScoreBins}: the
 * prediction distribution and the input of {@link Cbpe}), and for rows whose label has arrived the
 * realised confusion counts and the scores by true class. Partial aggregates of batches merge: counts,
 * bins and confusion cells exactly; quantiles within the KLL rank error; frequent items exactly below
 * 768 categories. Mutable, not thread-safe. {@link WindowAggregateCodec} turns it into bytes and back.
 */
public final class WindowAggregate {
    private static final String SCORE = "score";
    private final String version;
    private final Instant start;
    private long rows;
    private DatasetProfile features;
    private DatasetProfile score;
    private final ScoreBins predicted;
    private final ScoreBins labelled;
    private final ConfusionAccumulator realised;

    /** An empty aggregate of model {@code version} in the window starting at {@code start}. */
    public WindowAggregate(String version, Instant start) {
        this(version, start, 0, null, null, new ScoreBins(), new ScoreBins(), new ConfusionAccumulator(2));
    }

    WindowAggregate(String version, Instant start, long rows, DatasetProfile features, DatasetProfile score, ScoreBins predicted,
            ScoreBins labelled, ConfusionAccumulator realised) {
        this.version = version;
        this.start = start;
        this.rows = rows;
        this.features = features;
        this.score = score;
        this.predicted = predicted;
        this.labelled = labelled;
        this.realised = realised;
    }

    /**
     * An aggregate of a data set known only by its profile (a reference sent as an Assay profile): the feature
     * profiles and the profile of a numeric column {@code score} (copies of both), as many rows as the profile,
     * and no scores by predicted class (a profile does not pair scores with classes), so the predicted class has
     * no drift against it and CBPE cannot be calibrated on it.
     */
    public static WindowAggregate ofProfiles(String version, Instant start, DatasetProfile features, DatasetProfile score) {
        if (!(score.column(SCORE) instanceof NumericProfile) || score.columns().size() != 1) {
            throw new InvalidInputException("The score profile must hold one numeric column named '" + SCORE + "'.");
        }
        return new WindowAggregate(version, start, features.rows(), WindowAggregateCodec.copy(features), WindowAggregateCodec.copy(score),
                new ScoreBins(), new ScoreBins(), new ConfusionAccumulator(2));
    }

    /**
     * Adds a batch of predictions: row {@code i} has the features in row {@code i} of {@code batch}, the
     * predicted class {@code positive[i]} and the positive-class score {@code score[i]} in [0, 1].
     *
     * @throws InvalidInputException when the lengths differ, a score is outside [0, 1], or the features'
     *     columns or types differ from earlier batches; the aggregate is then unchanged
     */
    public void add(Frame batch, boolean[] positive, double[] scores) {
        if (batch.rowCount() != positive.length || positive.length != scores.length) {
            throw new InvalidInputException("The batch has " + batch.rowCount() + " feature rows, " + positive.length
                    + " predictions and " + scores.length + " scores; give one prediction and one score per row.");
        }
        ScoreBins.check(scores);
        DatasetProfile f = Profiler.profile(batch, "batch");
        DatasetProfile s = Profiler.profile(Frame.of(NumericColumn.wrap(SCORE, scores.clone())), "batch");
        if (features == null) {
            features = f;
            score = s;
        } else {
            features.merge(f, "of this window and the new batch");
            score.merge(s, "of this window and the new batch");
        }
        predicted.add(positive, scores);
        rows += positive.length;
    }

    /**
     * Adds rows whose label has arrived: true class {@code truth[i]}, predicted class {@code positive[i]}
     * and score {@code score[i]}.
     */
    public void addLabels(boolean[] truth, boolean[] positive, double[] scores) {
        if (truth.length != positive.length || truth.length != scores.length) {
            throw new InvalidInputException("The labels batch has " + truth.length + " labels, " + positive.length
                    + " predictions and " + scores.length + " scores; give one of each per row.");
        }
        labelled.add(truth, scores);
        realised.addBinary(truth, positive, null, 0, truth.length);
    }

    /** Adds everything {@code other} holds; it must be of the same version and window. */
    public void merge(WindowAggregate other) {
        if (!version.equals(other.version) || !start.equals(other.start)) {
            throw new InvalidInputException("Cannot merge the aggregate of version " + other.version + " at " + other.start
                    + " into that of version " + version + " at " + start + "; merge parts of one version and window only.");
        }
        if (other.features != null) {
            if (features == null) {
                features = WindowAggregateCodec.copy(other.features);
                score = WindowAggregateCodec.copy(other.score);
            } else {
                features.merge(other.features, "of the two parts of this window");
                score.merge(other.score, "of the two parts of this window");
            }
        }
        rows += other.rows;
        predicted.merge(other.predicted);
        labelled.merge(other.labelled);
        realised.merge(other.realised);
    }

    public String version() {
        return version;
    }

    public Instant start() {
        return start;
    }

    /** The predictions added. */
    public long rows() {
        return rows;
    }

    /** The feature profiles; null before the first batch. */
    public DatasetProfile features() {
        return features;
    }

    /** The profile of the scores; null before the first batch. */
    public NumericProfile score() {
        return score == null ? null : (NumericProfile) score.column(SCORE);
    }

    DatasetProfile scoreProfile() {
        return score;
    }

    /** The scores by predicted class. */
    public ScoreBins predicted() {
        return predicted;
    }

    /** The scores of the labelled rows by true class. */
    public ScoreBins labelled() {
        return labelled;
    }

    /** The realised confusion counts of the labelled rows. */
    public ConfusionMatrix realised() {
        return realised.result();
    }

    ConfusionAccumulator realisedAccumulator() {
        return realised;
    }

    /** Rows with a label. */
    public long labelledRows() {
        return (long) realised.result().total();
    }

    /** The share of predictions whose label has arrived; NaN when there are none. */
    public double labelCoverage() {
        return rows == 0 ? Double.NaN : (double) labelledRows() / rows;
    }
}
