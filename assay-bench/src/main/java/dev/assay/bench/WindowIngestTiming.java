package dev.assay.bench;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.monitor.WindowAggregate;
import dev.assay.core.monitor.WindowAggregateCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code scripts/monitor_ingest.sh}: the rate at which one calling thread adds prediction batches to a
 * {@link WindowAggregate} (the profiler spreads a batch's columns over the common pool) (BATCH rows x COLS features, two thirds numeric normal, one third categorical
 * with 20 levels, scores uniform, seeded), BATCHES batches per repeat after warm-up; then the aggregate's
 * byte size and the time of one {@link WindowAggregateCodec} round trip. Prints rows per second per repeat,
 * the best, and the machine's load average.
 *
 * <p>Usage: {@code WindowIngestTiming BATCH COLS BATCHES REPEATS}
 */
public final class WindowIngestTiming {
    private WindowIngestTiming() {
    }

    public static void main(String[] args) throws IOException {
        int batch = Integer.parseInt(args[0]);
        int cols = Integer.parseInt(args[1]);
        int batches = Integer.parseInt(args[2]);
        int repeats = Integer.parseInt(args[3]);
        SplittableRandom random = new SplittableRandom(42);
        List<Frame> frames = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        List<boolean[]> predicted = new ArrayList<>();
        for (int b = 0; b < 16; b++) {
            frames.add(frame(batch, cols, random));
            double[] s = new double[batch];
            boolean[] p = new boolean[batch];
            for (int i = 0; i < batch; i++) {
                s[i] = random.nextDouble();
                p[i] = s[i] >= 0.5;
            }
            scores.add(s);
            predicted.add(p);
        }
        run(frames, scores, predicted, batches);
        double best = 0;
        WindowAggregate last = null;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            last = run(frames, scores, predicted, batches);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = (double) batch * batches / seconds;
            best = Math.max(best, rate);
            System.out.printf(Locale.ROOT, "repeat %d: %.3f s, %.0f rows/s%n", r + 1, seconds, rate);
        }
        long t0 = System.nanoTime();
        byte[] bytes = WindowAggregateCodec.toBytes(last);
        WindowAggregate back = WindowAggregateCodec.fromBytes(bytes, "bench");
        double codecMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "aggregate of %d rows: %d bytes, round trip %.1f ms (rows back %d)%n", last.rows(), bytes.length,
                codecMs, back.rows());
        System.out.println("load_average " + Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf(Locale.ROOT, "best_rows_per_second=%.0f%n", best);
    }

    private static WindowAggregate run(List<Frame> frames, List<double[]> scores, List<boolean[]> predicted, int batches) {
        WindowAggregate w = new WindowAggregate("v1", Instant.EPOCH);
        for (int b = 0; b < batches; b++) {
            int k = b % frames.size();
            w.add(frames.get(k), predicted.get(k), scores.get(k));
        }
        return w;
    }

    private static Frame frame(int rows, int cols, SplittableRandom random) {
        List<Column> columns = new ArrayList<>();
        int numeric = cols * 2 / 3;
        for (int j = 0; j < cols; j++) {
            if (j < numeric) {
                double[] v = new double[rows];
                for (int i = 0; i < rows; i++) {
                    v[i] = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                }
                columns.add(NumericColumn.wrap("x" + j, v));
            } else {
                String[] v = new String[rows];
                for (int i = 0; i < rows; i++) {
                    v[i] = "level" + random.nextInt(20);
                }
                columns.add(CategoricalColumn.of("c" + j, v));
            }
        }
        return Frame.of(columns);
    }
}
