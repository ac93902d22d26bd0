package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.uncertainty.BootstrapIntervals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code type: isolation_forest}: rows that an {@link IsolationForest} on the numeric feature columns
 * isolates quickly. A row is an outlier when its anomaly score exceeds 0.5 (scikit-learn's
 * {@code contamination='auto'}), or, with {@code contamination: 0.05}, when it is among that share
 * of highest scores. Measures {@code outlier_count}, {@code outlier_share} and
 * {@code max_anomaly_score}; the evidence lists the highest-scoring rows. Rows with a missing value
 * in a used column are left out (and counted in a note); category columns are not used.
 */
public final class IsolationForestKind extends IntegrityKind {

    public IsolationForestKind() {
        super("isolation_forest", "Outlier rows by an isolation forest on the numeric features (anomaly score above 0.5).",
                List.of(columnsKey("the numeric feature columns"),
                        new ConfigKey("trees", "the number of trees (default " + IsolationForest.DEFAULT_TREES + ")"),
                        new ConfigKey("sample_size", "rows drawn for each tree (default " + IsolationForest.DEFAULT_SAMPLE_SIZE + ")"),
                        new ConfigKey("contamination", "auto (score above 0.5, the default) or the share of rows to flag, in (0, 0.5]")),
                List.of("outlier_count", "outlier_share", "max_anomaly_score"), Requirements.NONE);
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        int trees = whole(config, "trees", IsolationForest.DEFAULT_TREES, 1, 10_000);
        int sampleSize = whole(config, "sample_size", IsolationForest.DEFAULT_SAMPLE_SIZE, 2, 10_000_000);
        String written = config.string("contamination", "auto");
        double contamination = written.equals("auto") ? Double.NaN : number(config, "contamination", 0.1, 1e-9, 0.5);
        return new IntegrityCheck.Body() {
            @Override
            public Observations measure(CheckContext context) {
                Frame frame = context.current().frame();
                List<String> columns = named.isEmpty() ? OutliersKind.numeric(frame, ColumnChoice.features(context.current(), named))
                        : ColumnChoice.features(context.current(), named);
                if (columns.isEmpty()) {
                    throw new InvalidInputException("An isolation forest needs numeric columns, and "
                            + (frame.source() == null ? "the data" : frame.source()) + " has none among the features."
                            + " Name numeric columns in 'columns'.");
                }
                NumericColumn[] cols = columns.stream().map(c -> frame.numeric(c, "isolation forest column")).toArray(NumericColumn[]::new);
                int[] used = IntStream.range(0, frame.rowCount())
                        .filter(r -> Arrays.stream(cols).noneMatch(c -> c.isMissing(r))).toArray();
                if (used.length == 0) {
                    throw new InvalidInputException(frame.rowCount() == 0 ? "The data has no rows to score."
                            : "Every row has a missing value in the columns " + columns
                                    + "; the isolation forest has no complete row. Pick columns with values.");
                }
                double[][] x = new double[used.length][cols.length];
                for (int i = 0; i < used.length; i++) {
                    for (int j = 0; j < cols.length; j++) {
                        x[i][j] = cols[j].get(used[i]);
                    }
                }
                double[] scores = IsolationForest.fit(x, trees, sampleSize, setup.seed()).scores(x);
                double cut = Double.isNaN(contamination) ? 0.5 : cutFor(scores, contamination);
                Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
                Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
                int count = 0;
                for (double s : scores) {
                    count += s > cut ? 1 : 0;
                }
                Observations obs = new Observations();
                obs.measurement(Measurement.of("outlier_count", count, used.length));
                obs.measurement(Measurement.of("outlier_share", (double) count / used.length, used.length));
                obs.measurement(Measurement.of("max_anomaly_score", scores[order[0]], used.length));
                List<List<Object>> rows = new ArrayList<>();
                for (int i = 0; i < Math.min(Evidence.MAX_ROWS, order.length); i++) {
                    int r = used[order[i]];
                    List<String> values = new ArrayList<>();
                    for (NumericColumn c : cols) {
                        values.add(c.name() + "=" + c.format(r));
                    }
                    rows.add(List.of(frame.describeRow(r), scores[order[i]], String.join(", ", values)));
                }
                obs.table(new EvidenceTable("Rows with the highest anomaly scores", List.of("row", "anomaly score", "values"), rows));
                if (used.length < frame.rowCount()) {
                    obs.note((frame.rowCount() - used.length) + " rows with a missing value in a used column are left out.");
                }
                obs.note("Columns used: " + String.join(", ", columns) + ".");
                obs.summary(String.format(Locale.ROOT, "%d of %d rows (%.2f%%) are outliers (anomaly score above %.3f).", count,
                        used.length, 100.0 * count / used.length, cut));
                return obs;
            }

            @Override
            public Map<String, String> settings() {
                Map<String, String> out = new LinkedHashMap<>();
                out.put("trees", Integer.toString(trees));
                out.put("sample_size", Integer.toString(sampleSize));
                out.put("contamination", written);
                return out;
            }
        };
    }

    /** The score above which the {@code share} of highest scores lie: numpy's percentile at 100·(1 − share). */
    private static double cutFor(double[] scores, double share) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        return BootstrapIntervals.quantile(sorted, 1 - share);
    }
}
