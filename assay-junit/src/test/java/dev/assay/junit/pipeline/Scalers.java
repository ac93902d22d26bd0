package dev.assay.junit.pipeline;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Preprocessing steps for the property tests: a naive and a careful min-max scaler, a one-hot encoder. */
final class Scalers {
    private Scalers() {
    }

    /** (x - min) / (max - min) per numeric column: NaN for a constant column, infinite ranges overflow. */
    static final UnaryOperator<Frame> NAIVE_MIN_MAX = f -> scale(f, false, false);

    /** The naive scaler with 0 for a constant column: max - min still overflows. */
    static final UnaryOperator<Frame> GUARDED_MIN_MAX = f -> scale(f, false, true);

    /** The same, with 0 for a constant column and the range computed as max/2 - min/2 so that it cannot overflow. */
    static final UnaryOperator<Frame> CAREFUL_MIN_MAX = f -> scale(f, true, true);

    private static Frame scale(Frame f, boolean careful, boolean guarded) {
        Frame out = f;
        for (Column c : f.columns()) {
            if (c instanceof NumericColumn n) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n.size(); i++) {
                    if (!n.isMissing(i)) {
                        min = Math.min(min, n.get(i));
                        max = Math.max(max, n.get(i));
                    }
                }
                double[] v = n.toArray();
                for (int i = 0; i < v.length; i++) {
                    if (careful) {
                        double half = max / 2 - min / 2;
                        v[i] = half == 0 || Double.isNaN(v[i]) ? (Double.isNaN(v[i]) ? v[i] : 0) : (v[i] / 2 - min / 2) / half;
                    } else {
                        v[i] = guarded && max == min ? 0 : (v[i] - min) / (max - min);
                    }
                }
                out = out.withColumn(NumericColumn.wrap(n.name(), v));
            }
        }
        return out;
    }

    /** One 0/1 column per level of {@code column}, named {@code column=level}, replacing it. */
    static UnaryOperator<Frame> oneHot(String column) {
        return f -> {
            CategoricalColumn c = (CategoricalColumn) f.column(column);
            List<Column> out = new ArrayList<>();
            for (Column other : f.columns()) {
                if (!other.name().equals(column)) {
                    out.add(other);
                }
            }
            for (int level = 0; level < c.levels().size(); level++) {
                double[] v = new double[c.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.isMissing(i) ? Double.NaN : c.code(i) == level ? 1 : 0;
                }
                out.add(NumericColumn.wrap(column + "=" + c.levels().get(level), v));
            }
            return Frame.of(f.source(), out);
        };
    }

    /**
     * Back from {@link #oneHot} to the categorical {@code column} over {@code levels}; with {@code careful} false, a row
     * whose indicators are all missing becomes the first level instead of missing.
     */
    static UnaryOperator<Frame> fromOneHot(String column, List<String> levels, boolean careful) {
        return f -> {
            int[] codes = new int[f.rowCount()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = careful ? CategoricalColumn.MISSING : 0;
                for (int level = 0; level < levels.size(); level++) {
                    NumericColumn indicator = (NumericColumn) f.column(column + "=" + levels.get(level));
                    if (indicator.get(i) == 1) {
                        codes[i] = level;
                    }
                }
            }
            return f.withColumn(CategoricalColumn.wrap(column, codes, levels));
        };
    }
}
