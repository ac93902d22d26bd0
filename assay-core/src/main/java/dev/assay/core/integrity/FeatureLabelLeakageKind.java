package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.ColumnRole;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code type: feature_label_leakage}: features that predict a binary label almost perfectly on
 * their own, a sign the label leaked into them (Deepchecks' {@code FeatureLabelCorrelation} asks the
 * same question with the predictive power score). Measures {@code feature_auc[column]} (see
 * {@link FeatureAuc}) and {@code max_feature_auc}; a typical condition is
 * {@code max_feature_auc < 0.95}. The positive class is the suite's {@code evaluation.positive}, else
 * the larger label in sort order; the folded AUC does not depend on it.
 */
public final class FeatureLabelLeakageKind extends IntegrityKind {

    public FeatureLabelLeakageKind() {
        super("feature_label_leakage", "Feature-label leakage: features that alone predict a binary label almost perfectly"
                        + " (ROC AUC of the feature, or of its target rate for categories).",
                List.of(columnsKey("the feature columns")), List.of("feature_auc", "max_feature_auc"),
                Requirements.NONE.withRoles(ColumnRole.LABEL));
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        return IntegrityCheck.Body.onColumns(named, context -> {
            Frame frame = context.current().frame();
            String labelName = context.current().schema().label();
            List<String> features = new ArrayList<>(ColumnChoice.features(context.current(), named));
            features.remove(labelName);
            Column label = frame.column(labelName, "label");
            TreeSet<String> classes = new TreeSet<>();
            for (int i = 0; i < label.size(); i++) {
                if (label.isMissing(i)) {
                    throw new InvalidInputException("The label column '" + Excerpt.of(labelName) + "' has no value in "
                            + frame.describeRow(i) + ". Fill in the label or leave the row out with 'where'.");
                }
                classes.add(label.format(i));
            }
            if (classes.size() != 2) {
                throw new InvalidInputException("Feature-label leakage needs a label with two classes; '" + Excerpt.of(labelName)
                        + "' has " + (classes.isEmpty() ? "no values" : classes.size() + " class(es)" + (classes.size() < 8 ? " " + classes : ""))
                        + ". Pick a binary label, or slice the rows with 'where'.");
            }
            String wanted = setup.evaluation().positiveClass();
            String positive = wanted != null && classes.contains(wanted) ? wanted : classes.last();
            boolean[] truth = new boolean[label.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = positive.equals(label.format(i));
            }
            Observations obs = new Observations();
            List<List<Object>> rows = new ArrayList<>();
            double max = Double.NaN;
            for (String f : features) {
                Column c = frame.column(f);
                double auc = FeatureAuc.of(c, truth);
                obs.measurement(Measurement.of("feature_auc", f, auc, c.size() - (c instanceof NumericColumn
                        ? c.missingCount() : 0)));
                max = Double.isNaN(max) || auc > max ? auc : max;
                rows.add(java.util.Arrays.asList(f, c.type().id(), auc));
            }
            rows.sort((a, b) -> Double.compare(value(b.get(2)), value(a.get(2))));
            obs.measurement(Measurement.of("max_feature_auc", max, frame.rowCount()));
            obs.table(new EvidenceTable("ROC AUC of each feature alone", List.of("feature", "type", "roc_auc"),
                    rows.subList(0, Math.min(rows.size(), 2 * Evidence.MAX_ROWS))));
            obs.note("Positive class: '" + positive + "'. Category features score by their target rate on the same rows.");
            obs.summary(rows.isEmpty() ? "No feature columns to test." : String.format(Locale.ROOT,
                    "The most predictive feature alone is '%s' with ROC AUC %.4f.", rows.get(0).get(0), value(rows.get(0).get(2))));
            return obs;
        });
    }

    private static double value(Object o) {
        double v = (Double) o;
        return Double.isNaN(v) ? -1 : v;
    }
}
