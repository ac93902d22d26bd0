package dev.assay.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Labels and positive-class scores of a synthetic binary classifier: about 30 % positives, scores
 * from a noisy logistic model rounded to 4 decimals (so ranking metrics meet many ties).
 *
 * @param truth whether each row is positive
 * @param score the predicted probability of the positive class
 */
record BinaryData(boolean[] truth, double[] score) {

    /** Generates {@code rows} rows from {@code seed}; the same arguments give the same data. */
    static BinaryData generate(int rows, long seed) {
        return generate(rows, seed, true);
    }

    /**
     * Generates {@code rows} rows from {@code seed}, the scores rounded to 4 decimals or, when
     * {@code rounded} is false, left continuous (about as many distinct scores as rows).
     */
    static BinaryData generate(int rows, long seed, boolean rounded) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] truth = new boolean[rows];
        double[] score = new double[rows];
        for (int i = 0; i < rows; i++) {
            truth[i] = random.nextDouble() < 0.3;
            double logit = 1.6 * (truth[i] ? 1 : -1) + 1.3 * gaussian(random);
            double p = 1 / (1 + Math.exp(-logit));
            score[i] = rounded ? Math.round(1e4 * p) / 1e4 : p;
        }
        return new BinaryData(truth, score);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Reads the files written by {@code scripts/make_binary_data.py}: {@code PREFIX.labels} (one byte
     * per row, 0 or 1) and {@code PREFIX.scores} (little-endian float64).
     */
    static BinaryData read(String prefix) throws IOException {
        ByteBuffer labels = map(Path.of(prefix + ".labels"));
        ByteBuffer scores = map(Path.of(prefix + ".scores")).order(ByteOrder.LITTLE_ENDIAN);
        int rows = labels.remaining();
        if (scores.remaining() != rows * 8L) {
            throw new IOException(prefix + ".scores holds " + scores.remaining() / 8 + " values for " + rows + " labels");
        }
        boolean[] truth = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            truth[i] = labels.get(i) != 0;
        }
        double[] score = new double[rows];
        scores.asDoubleBuffer().get(score);
        return new BinaryData(truth, score);
    }

    private static ByteBuffer map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
    }
}
