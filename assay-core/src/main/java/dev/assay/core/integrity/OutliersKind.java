package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumberText;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import dev.assay.core.uncertainty.BootstrapIntervals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code type: outliers}: values of numeric columns outside Tukey's fences
 * {@code [Q1 − k·IQR, Q3 + k·IQR]} (IQR = Q3 − Q1, k = {@code iqr_factor}, default 1.5; quartiles by
 * linear interpolation, pandas' {@code Series.quantile}). Per column it measures
 * {@code outlier_count[column]}, {@code outlier_share[column]} (count / rows with a value), and
 * {@code max_outlier_share}. A column whose IQR is 0 flags every value other than the quartile.
 */
public final class OutliersKind extends IntegrityKind {
    static final double DEFAULT_FACTOR = 1.5;

    public OutliersKind() {
        super("outliers", "Outliers by the IQR rule: numeric values beyond Q1 - k*IQR or Q3 + k*IQR.",
                List.of(columnsKey("the numeric feature columns"),
                        new ConfigKey("iqr_factor", "k of the fences, above 0 (default " + DEFAULT_FACTOR + ")")),
                List.of("outlier_count", "outlier_share", "max_outlier_share"), Requirements.NONE);
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        double k = number(config, "iqr_factor", DEFAULT_FACTOR, Double.MIN_VALUE, 1e6);
        return new IntegrityCheck.Body() {
            @Override
            public Observations measure(CheckContext context) {
                Frame frame = context.current().frame();
                List<String> columns = named.isEmpty() ? numeric(frame, ColumnChoice.features(context.current(), named))
                        : ColumnChoice.features(context.current(), named);
                Observations obs = new Observations();
                List<List<Object>> rows = new ArrayList<>();
                double max = 0;
                for (String name : columns) {
                    NumericColumn c = frame.numeric(name, "outlier column");
                    double[] present = Arrays.stream(c.toArray()).filter(v -> !Double.isNaN(v)).sorted().toArray();
                    if (present.length == 0) {
                        obs.measurement(new Measurement("outlier_share", name, Double.NaN, null, null, 0,
                                "every value is missing", List.of()));
                        continue;
                    }
                    double q1 = BootstrapIntervals.quantile(present, 0.25);
                    double q3 = BootstrapIntervals.quantile(present, 0.75);
                    double low = q1 - k * (q3 - q1);
                    double high = q3 + k * (q3 - q1);
                    RowSamples samples = new RowSamples(frame);
                    int count = 0;
                    for (int i = 0; i < c.size(); i++) {
                        double v = c.get(i);
                        if (v < low || v > high) {
                            count++;
                            samples.offer(i);
                        }
                    }
                    double share = (double) count / present.length;
                    max = Math.max(max, share);
                    obs.measurement(Measurement.of("outlier_count", name, count, present.length));
                    obs.measurement(Measurement.of("outlier_share", name, share, present.length));
                    if (count > 0) {
                        rows.add(List.of(name, NumberText.format(low), NumberText.format(high), count, share, samples.describe()));
                    }
                }
                obs.measurement(Measurement.of("max_outlier_share", max, frame.rowCount()));
                rows.sort((a, b) -> Double.compare((double) b.get(4), (double) a.get(4)));
                obs.table(new EvidenceTable("Values outside the IQR fences", List.of("column", "lower fence", "upper fence",
                        "outliers", "share", "sample rows"), rows));
                obs.summary(rows.isEmpty() ? "No outliers in " + columns.size() + " numeric columns (k = " + k + ")."
                        : rows.size() + " of " + columns.size() + " numeric columns have values beyond the IQR fences (k = " + k
                                + "); most: '" + rows.get(0).get(0) + "'.");
                return obs;
            }

            @Override
            public Map<String, String> settings() {
                return Map.of("iqr_factor", Double.toString(k));
            }
        };
    }

    /** The numeric columns among {@code columns}. */
    static List<String> numeric(Frame frame, List<String> columns) {
        return columns.stream().filter(c -> frame.column(c) instanceof NumericColumn).toList();
    }
}
