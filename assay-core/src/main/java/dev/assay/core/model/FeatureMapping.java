package dev.assay.core.model;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a model's numeric input vector is made from a frame's columns: each feature is one column,
 * passed as a number, one-hot encoded over a fixed list of levels, or ordinal-encoded (the level's
 * position in the list). So a model trained on encoded data can be fed the raw columns.
 *
 * <p>Missing values: a numeric feature passes {@code NaN} on; a one-hot feature becomes all zeros
 * (as scikit-learn's {@code OneHotEncoder(handle_unknown="ignore")}), and so does a level the list
 * does not hold; an ordinal feature rejects missing and unknown values with the row and value.
 *
 * @param features the features in input order
 */
public record FeatureMapping(List<Feature> features) {

    /** One frame column feeding one or more inputs. */
    public record Feature(String column, Encoding encoding) {
        public Feature {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(encoding, "encoding");
        }

        /** A numeric column passed as it is. */
        public static Feature numeric(String column) {
            return new Feature(column, new Numeric());
        }

        /** A categorical column one-hot encoded over {@code levels}. */
        public static Feature oneHot(String column, List<String> levels) {
            return new Feature(column, new OneHot(levels));
        }

        /** A categorical column encoded as the position of its level in {@code levels}. */
        public static Feature ordinal(String column, List<String> levels) {
            return new Feature(column, new Ordinal(levels));
        }

        int width() {
            return encoding instanceof OneHot o ? o.levels().size() : 1;
        }
    }

    /** How a column becomes input values. */
    public sealed interface Encoding permits Numeric, OneHot, Ordinal {
    }

    /** The column's numbers, unchanged. */
    public record Numeric() implements Encoding {
    }

    /** One input per level: 1 for the row's level, 0 for the others. */
    public record OneHot(List<String> levels) implements Encoding {
        public OneHot {
            levels = List.copyOf(levels);
        }
    }

    /** One input: the index of the row's level in {@code levels}. */
    public record Ordinal(List<String> levels) implements Encoding {
        public Ordinal {
            levels = List.copyOf(levels);
        }
    }

    public FeatureMapping {
        features = List.copyOf(features);
    }

    /** Every column passed as a number, in the given order. */
    public static FeatureMapping numeric(List<String> columns) {
        return new FeatureMapping(columns.stream().map(Feature::numeric).toList());
    }

    /** The number of input values per row. */
    public int width() {
        return features.stream().mapToInt(Feature::width).sum();
    }

    /** A name per input value: the column, or {@code column=level} for one-hot inputs. */
    public List<String> inputNames() {
        List<String> names = new ArrayList<>();
        for (Feature f : features) {
            if (f.encoding() instanceof OneHot o) {
                o.levels().forEach(l -> names.add(f.column() + "=" + l));
            } else {
                names.add(f.column());
            }
        }
        return names;
    }

    /**
     * Checks that {@code frame} has every feature column with a usable type and prepares the
     * encoding.
     *
     * @param model the model's name, for messages
     * @throws InvalidInputException naming the model, the feature and the frame's columns
     */
    public Bound bind(Frame frame, String model) {
        List<Column> columns = new ArrayList<>(features.size());
        List<int[]> codeMaps = new ArrayList<>(features.size());
        for (Feature f : features) {
            if (!frame.has(f.column())) {
                throw new InvalidInputException("Model " + model + " needs the input column '" + f.column() + "', which "
                        + (frame.source() == null ? "the data" : frame.source()) + " does not have. The data has "
                        + frame.columnNames() + "; rename the column or map the model's inputs to existing columns.");
            }
            Column c = frame.column(f.column());
            if (f.encoding() instanceof Numeric && !(c instanceof NumericColumn)) {
                frame.numeric(f.column(), "numeric input of model " + model);
            }
            columns.add(c);
            codeMaps.add(c instanceof CategoricalColumn cat && !(f.encoding() instanceof Numeric)
                    ? levelIndex(cat.levels(), levels(f.encoding())) : null);
        }
        return new Bound(this, model, frame, columns, codeMaps);
    }

    private static List<String> levels(Encoding e) {
        return e instanceof OneHot o ? o.levels() : ((Ordinal) e).levels();
    }

    /** For each of the column's level codes, the index in the feature's level list, or -1. */
    private static int[] levelIndex(List<String> columnLevels, List<String> featureLevels) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < featureLevels.size(); i++) {
            at.put(featureLevels.get(i), i);
        }
        int[] map = new int[columnLevels.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = at.getOrDefault(columnLevels.get(i), -1);
        }
        return map;
    }

    /** A mapping checked against one frame, ready to fill input rows. */
    public static final class Bound {
        private final FeatureMapping mapping;
        private final String model;
        private final Frame frame;
        private final List<Column> columns;
        private final List<int[]> codeMaps;
        private final int width;
        private final boolean hasOneHot;

        private Bound(FeatureMapping mapping, String model, Frame frame, List<Column> columns, List<int[]> codeMaps) {
            this.mapping = mapping;
            this.model = model;
            this.frame = frame;
            this.columns = columns;
            this.codeMaps = codeMaps;
            this.width = mapping.width();
            this.hasOneHot = mapping.features().stream().anyMatch(f -> f.encoding() instanceof OneHot);
        }

        /** The number of input values per row. */
        public int width() {
            return width;
        }

        /** The number of rows of the bound frame. */
        public int rows() {
            return frame.rowCount();
        }

        /**
         * Writes the inputs of rows {@code from} (inclusive) to {@code to} (exclusive), row-major, into
         * {@code target} starting at index 0; {@code target} must hold {@code (to - from) * width()} values.
         */
        public void fill(int from, int to, double[] target) {
            fill(from, to, new DoubleTarget(target));
        }

        /** As {@link #fill(int, int, double[])}, in single precision (for float32 model inputs). */
        public void fill(int from, int to, float[] target) {
            fill(from, to, new FloatTarget(target));
        }

        private void fill(int from, int to, Target target) {
            if (hasOneHot) {
                target.zero((to - from) * width);
            }
            int offset = 0;
            for (int f = 0; f < columns.size(); f++) {
                Feature feature = mapping.features().get(f);
                Column column = columns.get(f);
                if (feature.encoding() instanceof OneHot && column instanceof CategoricalColumn cat) {
                    int[] levelOfCode = codeMaps.get(f);
                    for (int row = from, base = offset; row < to; row++, base += width) {
                        int code = cat.code(row);
                        int level = code < 0 ? -1 : levelOfCode[code];
                        if (level >= 0) {
                            target.set(base + level, 1.0);
                        }
                    }
                } else if (feature.encoding() instanceof OneHot) {
                    for (int row = from, base = offset; row < to; row++, base += width) {
                        int level = level(f, column, row);
                        if (level >= 0) {
                            target.set(base + level, 1.0);
                        }
                    }
                } else if (feature.encoding() instanceof Ordinal o) {
                    for (int row = from, base = offset; row < to; row++, base += width) {
                        int level = level(f, column, row);
                        if (level < 0) {
                            throw new InvalidInputException("Model " + model + ": column '" + feature.column() + "' of "
                                    + (frame.source() == null ? "the data" : frame.source()) + " holds "
                                    + (column.isMissing(row) ? "a missing value" : "'" + column.format(row) + "'")
                                    + " in row " + (row + 1) + ", which is not one of the levels the model knows "
                                    + o.levels() + ". Fill in or map the value to a known level.");
                        }
                        target.set(base, level);
                    }
                } else {
                    NumericColumn numbers = (NumericColumn) column;
                    for (int row = from, base = offset; row < to; row++, base += width) {
                        target.set(base, numbers.get(row));
                    }
                }
                offset += feature.width();
            }
        }

        /** The level index of {@code row} in feature {@code f}'s list, or -1 when missing or unknown. */
        private int level(int f, Column column, int row) {
            if (column instanceof CategoricalColumn cat) {
                int code = cat.code(row);
                return code < 0 ? -1 : codeMaps.get(f)[code];
            }
            String v = column.format(row);
            return v == null ? -1 : levels(mapping.features().get(f).encoding()).indexOf(v);
        }
    }

    /** Where {@link Bound#fill} writes: double or single precision, one implementation each. */
    private interface Target {
        void zero(int n);

        void set(int index, double value);
    }

    private record DoubleTarget(double[] values) implements Target {
        @Override
        public void zero(int n) {
            java.util.Arrays.fill(values, 0, n, 0.0);
        }

        @Override
        public void set(int index, double value) {
            values[index] = value;
        }
    }

    private record FloatTarget(float[] values) implements Target {
        @Override
        public void zero(int n) {
            java.util.Arrays.fill(values, 0, n, 0f);
        }

        @Override
        public void set(int index, double value) {
            values[index] = (float) value;
        }
    }
}
