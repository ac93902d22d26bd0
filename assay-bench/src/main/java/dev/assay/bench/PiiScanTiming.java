package dev.assay.bench;

import dev.assay.core.data.Frame;
import dev.assay.core.pii.ColumnFindings;
import dev.assay.core.pii.PiiScan;
import dev.assay.core.progress.Progress;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Java side of {@code scripts/compare_pii.sh}: {@link PiiScan} over every column of a CSV read once as text
 * (the columns Presidio's patterns would see), after warm-up; prints per column the entity counts, each repeat, and
 * the best wall-clock and CPU time. Each repeat uses a fresh scan, so no value is cached across repeats.
 *
 * <p>Usage: {@code PiiScanTiming FILE REPEATS}
 */
public final class PiiScanTiming {
    private PiiScanTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int repeats = Integer.parseInt(args[1]);
        Frame frame = TextCsv.read(file);
        for (int i = 0; i < 2; i++) {
            new PiiScan(PiiScan.DEFAULT_THRESHOLD).scan(frame, frame.columnNames(), Progress.NONE);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        List<ColumnFindings> found = null;
        for (int r = 0; r < repeats; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            found = new PiiScan(PiiScan.DEFAULT_THRESHOLD).scan(frame, frame.columnNames(), Progress.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            best = Math.min(best, seconds);
            bestCpu = Math.min(bestCpu, cpu);
            System.out.printf(Locale.ROOT, "repeat %d: %.3f s (cpu %.3f s)%n", r + 1, seconds, cpu);
        }
        for (ColumnFindings f : found) {
            System.out.println(f.column() + " " + f.counts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        }
        System.out.printf(Locale.ROOT, "best_seconds=%.3f%nbest_cpu_seconds=%.3f%n", best, bestCpu);
        if (Files.size(file) == 0) {
            throw new IllegalStateException("empty file");
        }
    }
}
