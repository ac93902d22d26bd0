package dev.assay.models.training;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.model.FeatureMapping;
import dev.assay.io.DataReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The example data sets and their fixed training / held-out split: rows shuffled by
 * {@code java.util.Random(seed)} (Fisher-Yates), the first 70% for training.
 *
 * @param name the data set's name, used in model file names
 * @param file the CSV file
 * @param label the label column
 * @param dropped columns not used as features
 */
public record ExampleData(String name, Path file, String label, List<String> dropped) {
    public static final long SPLIT_SEED = 20240101L;
    public static final double TRAIN_FRACTION = 0.7;

    /** German credit: every column but {@code class} is a feature. */
    public static ExampleData germanCredit(Path root) {
        return new ExampleData("german_credit", root.resolve("examples/german-credit/german_credit.csv"), "class", List.of());
    }

    /** Adult: every column but the label and {@code fnlwgt} (a census sampling weight, not a trait of the person). */
    public static ExampleData adult(Path root) {
        return new ExampleData("adult", root.resolve("examples/models/adult.csv"), "income-per-year", List.of("fnlwgt"));
    }

    /** The repository root: the working directory or its parent (when run from the module). */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("examples")) ? here : here.getParent();
    }

    public Frame read() {
        return new DataReader().read(file, "training").frame();
    }

    /** Numeric columns as numbers, categorical ones one-hot over all their levels, in file order. */
    public FeatureMapping rawMapping(Frame frame) {
        List<FeatureMapping.Feature> features = new ArrayList<>();
        for (Column c : frame.columns()) {
            if (c.name().equals(label) || dropped.contains(c.name())) {
                continue;
            }
            if (c instanceof NumericColumn) {
                features.add(FeatureMapping.Feature.numeric(c.name()));
            } else if (c instanceof CategoricalColumn cat) {
                features.add(FeatureMapping.Feature.oneHot(c.name(), cat.levels()));
            }
        }
        return new FeatureMapping(features);
    }

    /** Row indices of the training part ({@code training}) or the held-out part. */
    public static int[] split(int rows, boolean training) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Random random = new Random(SPLIT_SEED);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int cut = (int) Math.round(rows * TRAIN_FRACTION);
        int[] part = training ? Arrays.copyOfRange(order, 0, cut) : Arrays.copyOfRange(order, cut, rows);
        Arrays.sort(part);
        return part;
    }

    /**
     * Writes the training and held-out rows as {@code train.csv} and {@code test.csv} into {@code dir},
     * copying the original lines (the data sets hold no line breaks inside fields).
     */
    public void writeSplit(Path dir) throws java.io.IOException {
        List<String> lines = Files.readAllLines(file);
        String header = lines.get(0);
        List<String> rows = lines.subList(1, lines.size());
        for (boolean training : new boolean[] {true, false}) {
            List<String> out = new ArrayList<>();
            out.add(header);
            for (int r : split(rows.size(), training)) {
                out.add(rows.get(r));
            }
            Files.write(dir.resolve(training ? "train.csv" : "test.csv"), out);
        }
    }
}
