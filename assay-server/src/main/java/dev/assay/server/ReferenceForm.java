package dev.assay.server;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.monitor.Cbpe;
import dev.assay.core.monitor.WindowAggregate;
import dev.assay.core.monitor.WindowAggregateCodec;
import dev.assay.core.profile.ColumnProfile;
import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.NumericProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference (a CSV data set, or an Assay profile: {@link #of(DatasetProfile, ModelConfig)}) in the engine's form: the aggregate of its features, scores and predicted classes (the
 * baseline of {@link dev.assay.core.monitor.WindowDrift}) and, when it has labels, the rows CBPE is calibrated
 * on ({@link Cbpe#fit}, chunks of a tenth of the reference). Expected columns: {@code score} (positive-class
 * score in [0, 1], required for the engine form), optionally {@code prediction} (the predicted class; default
 * score at least 0.5) and {@code label} (the true class); every other column is a feature.
 *
 * @param calibration the labelled rows as {@code [score, predicted, truth]} arrays, null without a label column
 */
record ReferenceForm(WindowAggregate aggregate, Calibration calibration) {
    static final List<String> RESERVED = List.of("score", "prediction", "label");

    /** The labelled reference rows CBPE is fitted on. */
    record Calibration(double[] scores, boolean[] predicted, boolean[] truth) {
        Cbpe fit() {
            return Cbpe.fit(scores, predicted, truth, Math.max(1, scores.length / 10));
        }
    }

    /** The engine form of {@code frame}, or null when it has no {@code score} column. */
    static ReferenceForm of(Frame frame, ModelConfig config) {
        if (!frame.has("score")) {
            return null;
        }
        NumericColumn score = frame.numeric("score", "score");
        int n = frame.rowCount();
        double[] s = new double[n];
        boolean[] predicted = new boolean[n];
        boolean[] truth = new boolean[n];
        Column prediction = frame.has("prediction") ? frame.column("prediction") : null;
        Column label = frame.has("label") ? frame.column("label") : null;
        for (int i = 0; i < n; i++) {
            s[i] = score.get(i);
            if (!(s[i] >= 0 && s[i] <= 1)) {
                throw ApiException.badRequest("Reference " + frame.describeRow(i) + ", column 'score': " + score.format(i)
                        + " is not a score in [0, 1]; give the positive-class probability.");
            }
            predicted[i] = prediction == null ? s[i] >= 0.5 : config.positive().equals(prediction.format(i));
            if (label != null && label.isMissing(i)) {
                throw ApiException.badRequest("Reference " + frame.describeRow(i) + ", column 'label' is empty; give every row its "
                        + "true class (or drop the column).");
            }
            truth[i] = label != null && config.positive().equals(label.format(i));
        }
        List<String> features = new ArrayList<>(frame.columnNames());
        features.removeAll(RESERVED);
        if (!config.numericFeatures().isEmpty()) {
            features.retainAll(config.numericFeatures().keySet());
        }
        WindowAggregate aggregate = new WindowAggregate("reference", Instant.EPOCH);
        aggregate.add(frame.select(features), predicted, s);
        Calibration calibration = label == null ? null : new Calibration(s, predicted, truth);
        if (calibration != null) {
            try {
                calibration.fit();
            } catch (InvalidInputException e) {
                throw ApiException.badRequest("Reference columns 'score' and 'label' cannot calibrate the performance estimate: "
                        + e.getMessage());
            }
        }
        return new ReferenceForm(aggregate, calibration);
    }

    /**
     * The engine form of a reference sent as an Assay profile, or null when the profile has no numeric {@code score}
     * column: the features are the profile's columns but {@link #RESERVED} (the configured ones when set), the score
     * is its {@code score} column. No calibration: a profile holds no scores paired with labels.
     */
    static ReferenceForm of(DatasetProfile profile, ModelConfig config) {
        if (!(profile.column("score") instanceof NumericProfile)) {
            return null;
        }
        NumericProfile score = (NumericProfile) profile.column("score");
        if (score.count() > 0 && !(score.min() >= 0 && score.max() <= 1)) {
            throw ApiException.badRequest("The profile's column 'score' ranges from " + score.min() + " to " + score.max()
                    + ", not within [0, 1]; profile the positive-class probability.");
        }
        List<String> features = new ArrayList<>();
        for (ColumnProfile c : profile.columns()) {
            if (!RESERVED.contains(c.name()) && (config.numericFeatures().isEmpty() || config.numericFeatures().containsKey(c.name()))) {
                features.add(c.name());
            }
        }
        return new ReferenceForm(WindowAggregate.ofProfiles("reference", Instant.EPOCH, profile.select(features),
                profile.select(List.of("score"))), null);
    }

    /** The feature types of the reference (feature to numeric?), in its column order. */
    Map<String, Boolean> types() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (ColumnProfile c : aggregate.features().columns()) {
            out.put(c.name(), c instanceof NumericProfile);
        }
        return out;
    }

    byte[] aggregateBytes() {
        return WindowAggregateCodec.toBytes(aggregate);
    }

    /** The calibration rows as bytes: n, then per row score, predicted, truth; null without labels. */
    byte[] calibrationBytes() {
        if (calibration == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(calibration.scores.length);
            for (int i = 0; i < calibration.scores.length; i++) {
                out.writeDouble(calibration.scores[i]);
                out.writeBoolean(calibration.predicted[i]);
                out.writeBoolean(calibration.truth[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ReferenceForm fromBytes(String model, byte[] aggregate, byte[] calibration) {
        WindowAggregate a = WindowAggregateCodec.fromBytes(aggregate, "the reference of model " + model);
        if (calibration == null) {
            return new ReferenceForm(a, null);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(calibration))) {
            int n = in.readInt();
            double[] s = new double[n];
            boolean[] p = new boolean[n];
            boolean[] t = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = in.readDouble();
                p[i] = in.readBoolean();
                t[i] = in.readBoolean();
            }
            return new ReferenceForm(a, new Calibration(s, p, t));
        } catch (IOException e) {
            throw new InvalidInputException("The stored calibration of model " + model + " is truncated; send the reference again.");
        }
    }
}
