package dev.assay.bench;

import dev.assay.core.abtest.Cuped;
import dev.assay.core.abtest.MannWhitney;
import dev.assay.core.abtest.MeanComparison;
import dev.assay.core.abtest.TwoProportionZTest;
import dev.assay.core.abtest.WelchTTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The Java side of {@code scripts/compare_abtest.sh}: the two-proportion z-test on the 0/1 metric, Welch's
 * t-test, Mann-Whitney U and CUPED on the revenue metric, on the columns the script also gives
 * statsmodels and SciPy, after warm-up; prints each repeat, the values and the best wall-clock and CPU time.
 *
 * <p>Usage: {@code AbTestTiming PREFIX ROWS REPEATS}
 */
public final class AbTestTiming {
    private AbTestTiming() {
    }

    public static void main(String[] args) throws IOException {
        String prefix = args[0];
        int rows = Integer.parseInt(args[1]);
        int repeats = Integer.parseInt(args[2]);
        double[][] cols = read(Path.of(prefix + ".f64"), rows);
        boolean[] treated = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            treated[i] = cols[0][i] == 1;
        }
        for (int i = 0; i < 3; i++) {
            analyse(treated, cols);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double[] out = null;
        for (int r = 0; r < repeats; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            out = analyse(treated, cols);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            best = Math.min(best, seconds);
            bestCpu = Math.min(bestCpu, cpu);
            System.out.printf(Locale.ROOT, "repeat %d: %.3f s (cpu %.3f s)%n", r + 1, seconds, cpu);
        }
        System.out.printf(Locale.ROOT, "z p=%.10g welch p=%.10g mann-whitney p=%.10g theta=%.10g cuped p=%.10g%n", out[0], out[1],
                out[2], out[3], out[4]);
        System.out.printf(Locale.ROOT, "best_seconds=%.4f%n", best);
        System.out.printf(Locale.ROOT, "best_cpu_seconds=%.4f%n", bestCpu);
    }

    private static double[] analyse(boolean[] treated, double[][] cols) {
        MeanComparison z = TwoProportionZTest.compare(arm(cols[1], treated, true), arm(cols[1], treated, false), 0.05);
        double[] t = arm(cols[2], treated, true);
        double[] c = arm(cols[2], treated, false);
        MeanComparison welch = WelchTTest.compare(t, c, 0.05);
        MannWhitney mw = MannWhitney.test(t, c);
        Cuped cuped = Cuped.of(cols[2], cols[3], treated, 0.05);
        return new double[] {z.pValue(), welch.pValue(), mw.pValue(), cuped.theta(), cuped.adjusted().pValue()};
    }

    private static double[] arm(double[] values, boolean[] treated, boolean which) {
        int n = 0;
        for (boolean b : treated) {
            n += b == which ? 1 : 0;
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (treated[i] == which) {
                out[k++] = values[i];
            }
        }
        return out;
    }

    private static double[][] read(Path file, int rows) throws IOException {
        double[][] out = new double[4][rows];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(rows * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] col : out) {
                buffer.clear();
                while (buffer.hasRemaining() && ch.read(buffer) > 0) {
                    // fill the column
                }
                buffer.flip();
                buffer.asDoubleBuffer().get(col);
            }
        }
        return out;
    }
}
