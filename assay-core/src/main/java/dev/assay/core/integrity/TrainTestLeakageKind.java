package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code type: train_test_leakage}: current (test) rows whose features also occur in the reference
 * (training) data, compared by a {@linkplain RowHashes hash of the features}, as Deepchecks'
 * {@code TrainTestSamplesMix}. Measures {@code leaked_count} (current rows found in the reference)
 * and {@code leaked_share} (that count / current rows).
 */
public final class TrainTestLeakageKind extends IntegrityKind {

    public TrainTestLeakageKind() {
        super("train_test_leakage", "Train/test leakage: current rows whose features also occur in the reference data.",
                List.of(columnsKey("the feature columns")), List.of("leaked_count", "leaked_share"),
                Requirements.NONE.withReference());
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        return IntegrityCheck.Body.onColumns(named, context -> {
            Dataset current = context.current();
            Dataset reference = context.reference().orElseThrow();
            List<String> features = ColumnChoice.features(current, named);
            for (String c : features) {
                if (!reference.frame().has(c)) {
                    throw new InvalidInputException("Column '" + Excerpt.of(c) + "' is in the current data but not in the"
                            + " reference data " + reference.info().location() + ". Name the shared feature columns in 'columns'.");
                }
            }
            Map<Long, Integer> seen = new HashMap<>();
            long[] ref = RowHashes.of(reference.frame(), features);
            for (int i = ref.length - 1; i >= 0; i--) {
                seen.put(ref[i], i);
            }
            Frame frame = current.frame();
            long[] cur = RowHashes.of(frame, features);
            int leaked = 0;
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < cur.length; i++) {
                Integer r = seen.get(cur[i]);
                if (r != null) {
                    leaked++;
                    if (rows.size() < Evidence.MAX_ROWS) {
                        rows.add(List.of(frame.describeRow(i), reference.frame().describeRow(r)));
                    }
                }
            }
            int n = frame.rowCount();
            Observations obs = new Observations();
            obs.measurement(Measurement.of("leaked_count", leaked, n));
            obs.measurement(Measurement.of("leaked_share", n == 0 ? Double.NaN : (double) leaked / n, n));
            obs.table(new EvidenceTable("Current rows also in the reference data", List.of("current row", "reference row"), rows));
            obs.note("Rows compared on " + features.size() + " feature columns.");
            obs.summary(leaked == 0 ? "None of " + n + " current rows occurs in the reference data."
                    : String.format(Locale.ROOT, "%d of %d current rows (%.2f%%) also occur in the reference data.", leaked, n,
                            100.0 * leaked / n));
            return obs;
        });
    }
}
