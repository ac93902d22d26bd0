package dev.assay.core.metrics;

import dev.assay.core.metrics.MetricInfo.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every metric {@link Evaluator} computes, per task, in a fixed order. */
public final class MetricCatalog {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final List<MetricInfo> ALL = build();

    private MetricCatalog() {
    }

    private static List<MetricInfo> build() {
        List<MetricInfo> m = new ArrayList<>();
        Task b = Task.BINARY;
        up(m, b, "accuracy", 0, 1, "share of rows whose predicted class is the true class");
        up(m, b, "balanced_accuracy", 0, 1, "mean of the recall of each class (sensitivity and specificity)");
        up(m, b, "precision", 0, 1, "share of predicted positives that are positive: TP / (TP + FP)");
        up(m, b, "recall", 0, 1, "share of positives predicted positive (sensitivity, true positive rate): TP / (TP + FN)");
        up(m, b, "f1", 0, 1, "harmonic mean of precision and recall");
        up(m, b, "f0.5", 0, 1, "F-beta with beta = 0.5: precision weighs more than recall");
        up(m, b, "f2", 0, 1, "F-beta with beta = 2: recall weighs more than precision");
        up(m, b, "specificity", 0, 1, "share of negatives predicted negative (true negative rate): TN / (TN + FP)");
        up(m, b, "npv", 0, 1, "negative predictive value: share of predicted negatives that are negative, TN / (TN + FN)");
        down(m, b, "fpr", 0, 1, "false positive rate: FP / (FP + TN)");
        down(m, b, "fnr", 0, 1, "false negative rate (miss rate): FN / (FN + TP)");
        up(m, b, "mcc", -1, 1, "Matthews correlation coefficient between true and predicted class");
        up(m, b, "cohen_kappa", -1, 1, "agreement between true and predicted class beyond chance");
        up(m, b, "roc_auc", 0, 1, "area under the ROC curve: chance that a positive scores above a negative");
        up(m, b, "average_precision", 0, 1, "area under the precision-recall curve, as a step sum over thresholds");
        down(m, b, "log_loss", 0, INF, "mean negative log-likelihood of the true class under the scores");
        down(m, b, "brier_score", 0, 1, "mean squared difference between the positive-class probability and the outcome");
        count(m, b, "true_positives", "(weighted) rows positive and predicted positive");
        count(m, b, "false_positives", "(weighted) rows negative but predicted positive");
        count(m, b, "true_negatives", "(weighted) rows negative and predicted negative");
        count(m, b, "false_negatives", "(weighted) rows positive but predicted negative");

        Task c = Task.MULTICLASS;
        up(m, c, "accuracy", 0, 1, "share of rows whose predicted class is the true class");
        up(m, c, "balanced_accuracy", 0, 1, "mean of the recall of each class");
        for (String kind : List.of("precision", "recall", "f1")) {
            up(m, c, kind + "_macro", 0, 1, kind + " of each class, averaged with equal weight per class");
            up(m, c, kind + "_micro", 0, 1, kind + " over all rows pooled (equals accuracy for single-label data)");
            up(m, c, kind + "_weighted", 0, 1, kind + " of each class, averaged weighted by the class's support");
        }
        up(m, c, "mcc", -1, 1, "Matthews correlation coefficient, multiclass (Gorodkin's R_K)");
        up(m, c, "cohen_kappa", -1, 1, "agreement between true and predicted class beyond chance");
        up(m, c, "roc_auc_ovr", 0, 1, "ROC AUC of each class against the rest, averaged with equal weight per class");
        up(m, c, "average_precision_macro", 0, 1, "average precision of each class against the rest, averaged with equal weight per class");
        up(m, c, "average_precision_weighted", 0, 1, "average precision of each class against the rest, averaged weighted by the class's support");
        down(m, c, "log_loss", 0, INF, "mean negative log-likelihood of the true class under the class probabilities");

        Task r = Task.REGRESSION;
        down(m, r, "mae", 0, INF, "mean absolute error");
        down(m, r, "mse", 0, INF, "mean squared error");
        down(m, r, "rmse", 0, INF, "root mean squared error, in the label's units");
        up(m, r, "r2", -INF, 1, "coefficient of determination: 1 - squared error / variance of the label");
        up(m, r, "explained_variance", -INF, 1, "1 - variance of the residual / variance of the label");
        down(m, r, "mape", 0, INF, "mean absolute percentage error, as a fraction (0.1 = 10%)");
        down(m, r, "median_absolute_error", 0, INF, "median of the absolute errors; robust to outliers");
        down(m, r, "max_error", 0, INF, "largest absolute error of any row");
        return List.copyOf(m);
    }

    private static void up(List<MetricInfo> m, Task t, String id, double min, double max, String d) {
        m.add(new MetricInfo(id, t, Direction.HIGHER_IS_BETTER, min, max, d));
    }

    private static void down(List<MetricInfo> m, Task t, String id, double min, double max, String d) {
        m.add(new MetricInfo(id, t, Direction.LOWER_IS_BETTER, min, max, d));
    }

    private static void count(List<MetricInfo> m, Task t, String id, String d) {
        m.add(new MetricInfo(id, t, Direction.NEUTRAL, 0, INF, d));
    }

    /** Every metric of every task. */
    public static List<MetricInfo> all() {
        return ALL;
    }

    /** The metrics of {@code task}, in order. */
    public static List<MetricInfo> forTask(Task task) {
        return ALL.stream().filter(i -> i.task() == task).toList();
    }

    /** The ids of the metrics of {@code task}, in order. */
    public static List<String> ids(Task task) {
        return forTask(task).stream().map(MetricInfo::id).toList();
    }

    /** The metric {@code id} of {@code task}, if there is one. */
    public static Optional<MetricInfo> find(Task task, String id) {
        return ALL.stream().filter(i -> i.task() == task && i.id().equals(id)).findFirst();
    }

    /**
     * The metric {@code id} of {@code task}.
     *
     * @throws UnknownMetricException listing the metrics of the task
     */
    public static MetricInfo get(Task task, String id) {
        return find(task, id).orElseThrow(() -> new UnknownMetricException(id, task, ids(task)));
    }
}
