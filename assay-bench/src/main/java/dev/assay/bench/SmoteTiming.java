package dev.assay.bench;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.resample.Adasyn;
import dev.assay.core.resample.Classes;
import dev.assay.core.resample.Resampled;
import dev.assay.core.resample.Sampler;
import dev.assay.core.resample.SamplingStrategy;
import dev.assay.core.resample.Smote;
import dev.assay.io.DataReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SMOTE and ADASYN timing (k = 5, seed 0) on the numeric columns of a data file with label LABEL: three runs each,
 * wall and process CPU time (the machine may be shared), the class counts after, and the sum of all new values,
 * which imbalanced-learn with {@code random_state=0} reproduces (printed by {@code scripts/smote_peer.py}).
 *
 * <p>Usage: {@code SmoteTiming DATA.csv LABEL}
 */
public final class SmoteTiming {
    private SmoteTiming() {
    }

    public static void main(String[] args) {
        Frame data = new DataReader().read(Path.of(args[0]), "data").frame();
        String label = args[1];
        List<NumericColumn> features = new ArrayList<>();
        for (Column c : data.columns()) {
            if (c instanceof NumericColumn n && !c.name().equals(label)) {
                features.add(n);
            }
        }
        double[][] x = new double[data.rowCount()][features.size()];
        for (int j = 0; j < features.size(); j++) {
            for (int i = 0; i < x.length; i++) {
                x[i][j] = features.get(j).get(i);
            }
        }
        Column y = data.column(label);
        String[] labels = new String[data.rowCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.format(i);
        }
        Classes classes = Classes.of(labels, false);
        System.out.printf(Locale.ROOT, "%d rows, %d numeric features, classes %s %s%n", x.length, features.size(), classes.names(),
                java.util.Arrays.toString(classes.counts()));
        for (String method : List.of("smote", "adasyn")) {
            Sampler s = method.equals("smote") ? new Smote(SamplingStrategy.auto(), 5, 0) : new Adasyn(SamplingStrategy.auto(), 5, 0);
            for (int run = 1; run <= 3; run++) {
                long t = System.nanoTime();
                long c = cpu();
                Resampled r = s.resample(x, classes);
                double wall = (System.nanoTime() - t) / 1e9;
                double sum = 0;
                for (double[] row : r.synthetic()) {
                    for (double v : row) {
                        sum += v;
                    }
                }
                System.out.printf(Locale.ROOT, "assay %s run %d: %.3f s wall, %.3f s CPU, %d new rows, counts %s, sum of new values %.6e%n",
                        method, run, wall, (cpu() - c) / 1e9, r.synthetic().length, java.util.Arrays.toString(r.counts(classes)), sum);
            }
        }
    }

    /** The CPU time of the whole process so far, in nanoseconds (all threads, JIT and GC included). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
