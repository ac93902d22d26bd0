package dev.assay.bench;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.drift.ColumnDrift;
import dev.assay.core.drift.DriftAnalysis;
import dev.assay.core.drift.DriftMethod;
import dev.assay.core.drift.DriftReport;
import dev.assay.core.drift.DriftSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Java side of {@code scripts/compare_drift.sh}: Kolmogorov-Smirnov (statistic, p-value) plus
 * Wasserstein distance (the KS method's effect size) on every column of the files the script also
 * gives SciPy, through {@link DriftAnalysis#compare} (missing values dropped, one sort per column and
 * side, columns in parallel), after warm-up; prints each repeat, the values of the first columns and the
 * best wall-clock and CPU time (all threads of the process).
 *
 * <p>Usage: {@code DriftTiming PREFIX ROWS COLS REPEATS}
 */
public final class DriftTiming {
    private DriftTiming() {
    }

    public static void main(String[] args) throws IOException {
        String prefix = args[0];
        int rows = Integer.parseInt(args[1]);
        int cols = Integer.parseInt(args[2]);
        int repeats = Integer.parseInt(args[3]);
        Frame ref = read(Path.of(prefix + ".ref.f64"), rows, cols);
        Frame cur = read(Path.of(prefix + ".cur.f64"), rows, cols);
        DriftSettings ks = new DriftSettings(DriftMethod.KS, null, Map.of(), true, 0, 0.5, 10);
        for (int i = 0; i < 5; i++) {
            DriftAnalysis.compare(ref, "reference", cur, "current", ref.columnNames(), ks);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        DriftReport report = null;
        for (int r = 0; r < repeats; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            report = DriftAnalysis.compare(ref, "reference", cur, "current", ref.columnNames(), ks);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            best = Math.min(best, seconds);
            bestCpu = Math.min(bestCpu, cpu);
            System.out.printf(Locale.ROOT, "repeat %d: %.3f s (cpu %.3f s)%n", r + 1, seconds, cpu);
        }
        System.out.println("threads " + Runtime.getRuntime().availableProcessors());
        for (int j = 0; j < Math.min(cols, 4); j++) {
            ColumnDrift c = report.columns().get(j);
            double std = standardDeviation(((NumericColumn) ref.column(c.column())).toArray());
            System.out.printf(Locale.ROOT, "column %d: D=%.12f p=%.12g W1=%.12f%n", j, c.statistic(), c.pValue(),
                    c.effectSize() * Math.max(std, 0.001));
        }
        System.out.printf(Locale.ROOT, "best_seconds=%.4f%n", best);
        System.out.printf(Locale.ROOT, "best_cpu_seconds=%.4f%n", bestCpu);
    }

    private static Frame read(Path file, int rows, int cols) throws IOException {
        List<NumericColumn> columns = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(rows * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int j = 0; j < cols; j++) {
                buffer.clear();
                while (buffer.hasRemaining() && ch.read(buffer) > 0) {
                    // fill the column
                }
                buffer.flip();
                double[] values = new double[rows];
                buffer.asDoubleBuffer().get(values);
                columns.add(NumericColumn.wrap("x" + j, values));
            }
        }
        return Frame.of(file.getFileName().toString(), columns);
    }

    private static double standardDeviation(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / v.length);
    }
}
