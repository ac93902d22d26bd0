package dev.assay.core.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckKinds;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Condition;
import dev.assay.core.data.Dataset;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.result.ConditionOutcome;
import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.resample.Classes;
import dev.assay.core.resample.Resampled;
import dev.assay.core.resample.SamplingStrategy;
import dev.assay.core.resample.Smote;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code resampling_leakage} on Pima diabetes: SMOTE applied before a 70/30 split leaves synthetic rows in the test
 * part that lie between training rows; SMOTE applied to the training part only leaves none.
 */
class ResamplingLeakageTest {
    private static final Schema SCHEMA = Schema.builder().label("diabetes").build();
    private static final Frame PIMA = IntegrityData.read(IntegrityData.PIMA, Set.of());
    private static final List<String> FEATURES = PIMA.columnNames().subList(0, 8);

    @Test
    void smoteBeforeTheSplitLeavesSyntheticTestRowsBetweenTrainingRows() {
        Frame resampled = smote(PIMA);
        int n = PIMA.rowCount();
        int[] order = new dev.assay.core.resample.NumpyRandom(3).permutation(resampled.rowCount());
        int cut = (int) (order.length * 0.7);
        Frame train = resampled.slice(java.util.Arrays.copyOfRange(order, 0, cut));
        int[] testRows = java.util.Arrays.copyOfRange(order, cut, order.length);
        Frame test = resampled.slice(testRows);
        long syntheticInTest = java.util.Arrays.stream(testRows).filter(r -> r >= n).count();

        CheckResult r = run(test, train);
        Map<String, Double> v = IntegrityData.values(r);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(syntheticInTest).isGreaterThan(50);
        // both endpoints of a synthetic row are in the training part with probability about 0.7 x 0.7
        assertThat(v.get("segment_rows")).isBetween(0.3 * syntheticInTest, (double) syntheticInTest);
        assertThat(v.get("leaked_rows")).isEqualTo(v.get("segment_rows") + v.get("duplicate_rows"));
        assertThat(v.get("leaked_share")).isEqualTo(v.get("leaked_rows") / test.rowCount());
        assertThat(r.tables().get(0).rows()).isNotEmpty();
        for (List<Object> row : r.tables().get(0).rows()) {
            int testRow = Integer.parseInt(((String) row.get(0)).split(" ")[1]) - 1;
            assertThat(testRows[testRow]).as("flagged rows are synthetic").isGreaterThanOrEqualTo(n);
        }
    }

    @Test
    void smoteAfterTheSplitLeavesNoLeak() {
        int[] order = new dev.assay.core.resample.NumpyRandom(3).permutation(PIMA.rowCount());
        int cut = (int) (order.length * 0.7);
        Frame train = smote(PIMA.slice(java.util.Arrays.copyOfRange(order, 0, cut)));
        Frame test = PIMA.slice(java.util.Arrays.copyOfRange(order, cut, order.length));
        CheckResult r = run(test, train);
        Map<String, Double> v = IntegrityData.values(r);
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(v.get("leaked_rows")).isZero();
        assertThat(r.message()).contains("None of 231 current rows");
    }

    private static CheckResult run(Frame current, Frame reference) {
        var kind = CheckKinds.discover().get("resampling_leakage");
        var check = kind.create(CheckConfig.of("test", Map.of()), new CheckSetup("leakage",
                List.of(Condition.parse("leaked_rows == 0", ConditionOutcome.Severity.FAIL)), null, EvaluationSettings.defaults(), 1));
        return check.run(new CheckContext(Dataset.of("test", current, SCHEMA), Dataset.of("train", reference, SCHEMA)));
    }

    /** The frame with SMOTE's new rows (k=5, seed 0) appended. */
    private static Frame smote(Frame data) {
        double[][] x = new double[data.rowCount()][FEATURES.size()];
        for (int j = 0; j < FEATURES.size(); j++) {
            NumericColumn c = (NumericColumn) data.column(FEATURES.get(j));
            for (int i = 0; i < x.length; i++) {
                x[i][j] = c.get(i);
            }
        }
        Column label = data.column("diabetes");
        String[] y = new String[data.rowCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = label.format(i);
        }
        Classes classes = Classes.of(y, false);
        Resampled r = new Smote(SamplingStrategy.auto(), 5, 0).resample(x, classes);
        List<Column> cols = new ArrayList<>();
        int total = r.size();
        for (int j = 0; j < FEATURES.size(); j++) {
            double[] v = new double[total];
            for (int i = 0; i < x.length; i++) {
                v[i] = x[i][j];
            }
            for (int i = 0; i < r.synthetic().length; i++) {
                v[x.length + i] = r.synthetic()[i][j];
            }
            cols.add(NumericColumn.wrap(FEATURES.get(j), v));
        }
        String[] labels = java.util.Arrays.copyOf(y, total);
        for (int i = 0; i < r.synthetic().length; i++) {
            labels[x.length + i] = classes.names().get(r.syntheticClasses()[i]);
        }
        cols.add(CategoricalColumn.of("diabetes", labels));
        return Frame.of("pima_resampled.csv", cols);
    }
}
