package dev.assay.bench;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.metrics.BinaryOutcomes;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.Model;
import dev.assay.core.segments.SegmentMetric;
import dev.assay.core.segments.SegmentReport;
import dev.assay.core.segments.SegmentSettings;
import dev.assay.core.segments.WeakSegmentSearch;
import dev.assay.io.DataReader;
import dev.assay.models.tribuo.TribuoModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Weak-segment search with pairs over 20 columns of Adult (32,561 rows): its 14 feature columns and
 * 6 seeded noise columns (3 numeric, uniform on [0, 1), cut in quartiles; 3 categorical with 3, 5 and
 * 8 equally likely values), with the predictions of the example random forest
 * ({@code examples/models/adult_forest.tribuo.gz}, Tribuo: ONNX Runtime cannot start in a JMH fork, whose command line
 * is too long for it), for accuracy and for recall.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx2g"})
public class WeakSegmentBenchmark {
    static final String LABEL = "income-per-year";

    @Param({"accuracy", "recall"})
    String metric;

    Frame frame;
    List<String> columns;
    BinaryOutcomes outcomes;

    @Setup
    public void setUp() {
        Frame adult = new DataReader().read(Path.of(System.getProperty("assay.root", ".") + "/examples/models/adult.csv"),
                "current").frame();
        boolean[] predicted;
        try (Model model = TribuoModel.load(Path.of(System.getProperty("assay.root", ".")
                + "/examples/models/adult_forest.tribuo.gz"))) {
            ClassPredictions p = (ClassPredictions) model.predict(adult);
            int positive = p.classes().indexOf(">50K");
            predicted = new boolean[adult.rowCount()];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = p.predicted()[i] == positive;
            }
        }
        boolean[] truth = new boolean[adult.rowCount()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = ">50K".equals(adult.column(LABEL).format(i));
        }
        outcomes = new BinaryOutcomes(truth, predicted, ">50K");
        List<Column> all = new ArrayList<>(adult.columns());
        columns = new ArrayList<>(adult.columnNames());
        columns.remove(LABEL);
        SplittableRandom random = new SplittableRandom(20261201L);
        int n = adult.rowCount();
        for (int k = 1; k <= 3; k++) {
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = random.nextDouble();
            }
            all.add(NumericColumn.wrap("noise_" + k, u));
            columns.add("noise_" + k);
        }
        int[] levels = {3, 5, 8};
        for (int k = 0; k < levels.length; k++) {
            String[] v = new String[n];
            for (int i = 0; i < n; i++) {
                v[i] = "v" + random.nextInt(levels[k]);
            }
            all.add(CategoricalColumn.of("group_" + levels[k], v));
            columns.add("group_" + levels[k]);
        }
        frame = Frame.of(all);
    }

    @Benchmark
    public SegmentReport search() {
        return WeakSegmentSearch.search(frame, columns, outcomes, SegmentSettings.defaults(SegmentMetric.parse(metric)));
    }
}
