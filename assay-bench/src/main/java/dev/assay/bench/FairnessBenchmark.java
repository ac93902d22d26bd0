package dev.assay.bench;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.fairness.Aggregation;
import dev.assay.core.fairness.Disparities;
import dev.assay.core.fairness.Disparity;
import dev.assay.core.fairness.FairnessSettings;
import dev.assay.core.fairness.GroupCounts;
import dev.assay.core.fairness.Groups;
import dev.assay.core.fairness.MultipleTesting;
import dev.assay.core.fairness.ProtectedAttribute;
import dev.assay.core.fairness.RateKind;
import dev.assay.core.fairness.SelectionRateTest;
import dev.assay.core.uncertainty.IntervalEstimate;
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
 * Every group metric and disparity for three protected attributes (sex: 2 values, race: 5, age: a
 * number cut into quartiles) and all their intersections (the 3 single attributes, the 3 pairs and the
 * triple: 7 groupings, 40 groups in the triple) on synthetic rows: grouping, confusion counts, the nine
 * rates with Wilson intervals for every group, every disparity in both aggregations with 1,000-resample
 * bootstrap intervals, disparate impact against a privileged group, and the selection-rate tests with
 * Holm's adjustment.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx4g"})
public class FairnessBenchmark {
    private static final String[] RACES = {"White", "Black", "Asian", "Amer-Indian", "Other"};

    @Param({"1000000"})
    int rows;

    Frame frame;
    boolean[] truth;
    boolean[] predicted;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261201L);
        String[] sex = new String[rows];
        String[] race = new String[rows];
        double[] age = new double[rows];
        truth = new boolean[rows];
        predicted = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            sex[i] = random.nextDouble() < 0.67 ? "Male" : "Female";
            race[i] = RACES[Math.min(4, (int) Math.floor(-Math.log(random.nextDouble()) * 1.2))];
            age[i] = 17 + random.nextInt(74);
            double p = 0.15 + (sex[i].equals("Male") ? 0.1 : 0) + (age[i] > 35 ? 0.1 : 0);
            truth[i] = random.nextDouble() < p;
            predicted[i] = random.nextDouble() < (truth[i] ? 0.7 : 0.1);
        }
        frame = Frame.of(List.of(CategoricalColumn.of("sex", sex), CategoricalColumn.of("race", race), NumericColumn.wrap("age", age)));
    }

    @Benchmark
    public int allGroupMetricsAndDisparities() {
        List<List<String>> groupings = List.of(List.of("sex"), List.of("race"), List.of("age"), List.of("sex", "race"),
                List.of("sex", "age"), List.of("race", "age"), List.of("sex", "race", "age"));
        FairnessSettings settings = FairnessSettings.DEFAULT;
        int defined = 0;
        for (List<String> columns : groupings) {
            List<ProtectedAttribute> attributes = new ArrayList<>();
            columns.forEach(c -> attributes.add(ProtectedAttribute.of(c)));
            Groups groups = Groups.of(frame, attributes);
            GroupCounts counts = GroupCounts.count(groups, truth, predicted);
            for (int g = 0; g < groups.groupCount(); g++) {
                for (RateKind kind : RateKind.values()) {
                    IntervalEstimate ci = counts.interval(kind, g, settings.level());
                    defined += ci.defined() ? 1 : 0;
                }
            }
            for (Aggregation aggregation : Aggregation.values()) {
                String[] privileged = columns.equals(List.of("sex")) ? new String[] {"Male"} : new String[0];
                for (Disparity d : Disparities.of(counts, aggregation, settings, privileged).all().values()) {
                    defined += d.interval().defined() ? 1 : 0;
                }
            }
            defined += SelectionRateTest.overall(counts, settings).undefinedReason() == null ? 1 : 0;
            defined += SelectionRateTest.eachGroup(counts, settings, MultipleTesting.HOLM).size();
        }
        return defined;
    }
}
