/**
 * Metrics of binary, multiclass and regression predictions, verified against scikit-learn 1.2.1
 * ({@code sklearn.metrics} with default arguments unless a metric's Javadoc says otherwise) to
 * {@code |a - b| <= 1e-9 · max(1, |b|)} on real data sets, through golden files made by {@code
 * scripts/golden/metrics_golden.py}.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li><b>Ids</b> are scikit-learn's names ({@code roc_auc}, {@code average_precision}, {@code
 *       f1_macro}); {@link dev.assay.core.metrics.MetricCatalog} lists them per task with direction
 *       and range. F-beta is offered as {@code f0.5} and {@code f2} (binary).</li>
 *   <li><b>Classes</b> are the sorted union of label and prediction values, as {@code
 *       unique_labels}: numeric order when both columns are numeric (whole numbers named "1", not
 *       "1.0"), otherwise lexicographic. When the task is inferred, the classes of the class
 *       probability columns count too: three probability columns make a multiclass task even if
 *       the rows at hand hold only two classes.</li>
 *   <li><b>Positive class</b> (binary): the one set in the settings; otherwise 1 for
 *       0/1 and -1/1 labels, true for boolean labels, else the less frequent class in the label
 *       (ties: the later in sorted order). The notes say which and why. A positive class that a
 *       label of two or more classes lacks is an error, which lists the label's values.</li>
 *   <li><b>A score column</b> makes the evaluation binary: with more than two classes in the label
 *       and prediction it is an error listing the unexpected values with their first rows, and a
 *       multiclass task refuses it.</li>
 *   <li><b>Threshold</b>: without a prediction column, a row is predicted positive when its score is
 *       {@code >=} the threshold (default 0.5); the notes say so. Without a prediction column,
 *       multiclass predictions are the class of highest probability.</li>
 *   <li><b>Zero division</b> follows {@link dev.assay.core.metrics.ZeroDivision}: {@code WARN}
 *       (default, as scikit-learn's "warn") reports 0 and records a warning in the metric value;
 *       {@code NAN} leaves the metric undefined and, in macro and weighted averages, leaves the
 *       class out (as scikit-learn 1.3's {@code zero_division=np.nan}).</li>
 *   <li><b>Weights</b> apply to every metric as scikit-learn's {@code sample_weight}. {@code
 *       max_error}, which takes no weights in scikit-learn, only leaves out rows of weight 0.</li>
 *   <li><b>Validation</b> happens once at the entry: missing labels or predictions, NaN scores or
 *       probabilities, NaN, infinite or negative weights, weights that are all 0, a third class in a
 *       binary task and a label without any prediction, score or probability column throw
 *       {@link dev.assay.core.error.InvalidInputException} naming the column and the first row (with
 *       its file line when the frame knows it, see {@link dev.assay.core.data.RowLocator}).
 *       Input that only some metrics cannot use is reported in {@code problems()} and leaves those
 *       metrics undefined: a single-class label (roc_auc, average_precision), scores outside [0, 1]
 *       (log_loss, brier_score), class probabilities that do not sum to 1 within 1e-6 (roc_auc_ovr).</li>
 * </ul>
 *
 * <h2>Where Assay differs from scikit-learn</h2>
 * <ul>
 *   <li>A single-class label leaves roc_auc and average_precision undefined; scikit-learn raises
 *       for roc_auc and returns a value for average_precision.</li>
 *   <li>Scores outside [0, 1] leave log_loss undefined; scikit-learn 1.2.1 clips them silently.
 *       Multiclass log_loss, like scikit-learn 1.2.1, divides each row of clipped probabilities by
 *       its sum.</li>
 *   <li>{@code mcc} of 0 for a degenerate matrix, and r2 and explained_variance of 1 or 0 for a
 *       constant label, follow scikit-learn and carry a warning.</li>
 * </ul>
 */
package dev.assay.core.metrics;
