package dev.assay.bench;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.NumericProfile;
import dev.assay.core.profile.Profiler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code scripts/profile_timing.sh}: {@link Profiler#profile} of ROWS rows x COLS columns in memory (two
 * thirds numeric: normal, log-normal, normal rounded to one decimal, uniform, 1% missing; one third
 * categorical with 5 to 500 levels), seeded, after warm-up; prints each repeat's wall-clock and CPU time
 * (all threads), the best, the machine's load average and a few statistics of the profile.
 *
 * <p>Usage: {@code ProfileTiming ROWS COLS REPEATS}
 */
public final class ProfileTiming {
    private ProfileTiming() {
    }

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        int cols = Integer.parseInt(args[1]);
        int repeats = Integer.parseInt(args[2]);
        Frame frame = data(rows, cols, new SplittableRandom(42));
        for (int i = 0; i < 3; i++) {
            Profiler.profile(frame, "warm-up");
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        DatasetProfile profile = null;
        for (int r = 0; r < repeats; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            profile = Profiler.profile(frame, "synthetic");
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            best = Math.min(best, seconds);
            bestCpu = Math.min(bestCpu, cpu);
            System.out.printf(Locale.ROOT, "repeat %d: %.3f s (cpu %.3f s)%n", r + 1, seconds, cpu);
        }
        NumericProfile first = (NumericProfile) profile.column("x0");
        System.out.printf(Locale.ROOT, "x0: n=%d missing=%d mean=%.6f std=%.6f median=%.6f distinct~%.0f%n", first.count(),
                first.missing(), first.moments().mean(), first.std(), first.quantile(0.5), first.distinct());
        System.out.println("threads " + Runtime.getRuntime().availableProcessors());
        System.out.println("load_average " + Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf(Locale.ROOT, "best_seconds=%.4f%n", best);
        System.out.printf(Locale.ROOT, "best_cpu_seconds=%.4f%n", bestCpu);
    }

    private static Frame data(int rows, int cols, SplittableRandom random) {
        List<Column> columns = new ArrayList<>();
        int numeric = cols * 2 / 3;
        for (int j = 0; j < numeric; j++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                double g = gaussian(random);
                switch (j % 4) {
                    case 0 -> v[i] = g;
                    case 1 -> v[i] = Math.exp(g);
                    case 2 -> v[i] = Math.rint(g * 10) / 10;
                    default -> v[i] = random.nextDouble();
                }
                if (random.nextInt(100) == 0) {
                    v[i] = Double.NaN;
                }
            }
            columns.add(NumericColumn.wrap("x" + j, v));
        }
        for (int j = numeric; j < cols; j++) {
            int levels = new int[] {5, 20, 100, 500}[j % 4];
            List<String> names = new ArrayList<>();
            for (int k = 0; k < levels; k++) {
                names.add("level-" + k);
            }
            int[] codes = new int[rows];
            for (int i = 0; i < rows; i++) {
                codes[i] = random.nextInt(100) == 0 ? CategoricalColumn.MISSING : Math.min(levels - 1, (int) Math.abs(gaussian(random) * levels / 3));
            }
            columns.add(CategoricalColumn.wrap("c" + j, codes, names));
        }
        return Frame.of(columns);
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
