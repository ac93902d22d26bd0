package dev.assay.cli;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.resample.Classes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The input of {@code assay resample}: the label's classes and the features as a matrix. Numeric features as
 * they are; categorical and text features (SMOTE-NC only) as the index of their value among the column's
 * sorted values, as scikit-learn's {@code OneHotEncoder} orders categories.
 */
final class ResampleInput {
    final Frame frame;
    final String file;
    final String label;
    final List<String> features = new ArrayList<>();
    final Classes classes;
    final boolean[] categorical;
    final List<List<String>> levels = new ArrayList<>();

    ResampleInput(Frame frame, String file, String label, boolean categoriesAllowed, boolean needsFeatures, String method) {
        this.frame = frame;
        this.file = file;
        this.label = label;
        Column y = frame.column(label, "label");
        String[] labels = new String[frame.rowCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.format(i);
            if (labels[i] == null) {
                throw new InvalidInputException(file + ", " + frame.describeRow(i) + ": the label '" + Excerpt.of(label)
                        + "' is missing. Fill it in or drop the row before resampling.");
            }
        }
        if (labels.length == 0) {
            throw new InvalidInputException(file + " has no rows; resampling needs rows of two classes or more.");
        }
        classes = Classes.of(labels, y instanceof NumericColumn);
        frame.columnNames().stream().filter(c -> !c.equals(label)).forEach(features::add);
        categorical = new boolean[features.size()];
        for (int j = 0; j < features.size(); j++) {
            Column c = frame.column(features.get(j));
            categorical[j] = !(c instanceof NumericColumn);
            if (categorical[j] && needsFeatures && !categoriesAllowed) {
                throw new InvalidInputException(file + ": column '" + Excerpt.of(c.name()) + "' is categorical, and " + method
                        + " works on numeric features only. Use --method smotenc for mixed features (or random_over /"
                        + " random_under, which copy rows), or drop the column.");
            }
            levels.add(categorical[j] ? sortedLevels(c) : List.of());
        }
    }

    /** The feature matrix; a missing value is an error naming the file, row and column. */
    double[][] matrix() {
        double[][] x = new double[frame.rowCount()][features.size()];
        for (int j = 0; j < features.size(); j++) {
            Column c = frame.column(features.get(j));
            for (int i = 0; i < x.length; i++) {
                if (c.isMissing(i)) {
                    throw new InvalidInputException(file + ", " + frame.describeRow(i) + ", column '" + Excerpt.of(c.name())
                            + "': the value is missing (NaN). Resampling needs complete rows: impute or drop them first.");
                }
                x[i][j] = categorical[j] ? levels.get(j).indexOf(c.format(i)) : ((NumericColumn) c).get(i);
            }
        }
        return x;
    }

    private static List<String> sortedLevels(Column c) {
        TreeSet<String> set = new TreeSet<>();
        if (c instanceof CategoricalColumn cat) {
            set.addAll(cat.levels());
        } else {
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    set.add(c.format(i));
                }
            }
        }
        return new ArrayList<>(set);
    }
}
