package dev.assay.models.http;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.FeatureMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the inputs of an inference request back into a frame of the served model's feature
 * columns: either one 2-D tensor {@value InferenceServer#TENSOR_INPUT} in the order of the feature
 * mapping (numeric inputs as they are; one-hot groups with a single 1, or all zeros for a missing
 * value; ordinal inputs the level index), or one 1-D tensor per feature column (numbers, or BYTES
 * for categories and text). Whatever does not fit is an {@link InvalidInputException} saying why.
 */
final class RequestFrame {
    private static final Function<String, RuntimeException> BAD = InvalidInputException::new;

    private final String model;
    private final FeatureMapping mapping;
    private final Set<String> featureColumns = new LinkedHashSet<>();

    RequestFrame(String model, FeatureMapping mapping) {
        this.model = model;
        this.mapping = mapping;
        mapping.features().forEach(f -> featureColumns.add(f.column()));
    }

    /** The rows of the request as a frame. */
    Frame read(List<Tensor> inputs) {
        boolean tensor = inputs.size() == 1 && inputs.get(0).name().equals(InferenceServer.TENSOR_INPUT)
                && !featureColumns.contains(InferenceServer.TENSOR_INPUT);
        return Frame.of("the request to model '" + model + "'", tensor ? fromTensor(inputs.get(0)) : fromColumns(inputs));
    }

    private List<Column> fromTensor(Tensor input) {
        int width = mapping.width();
        if (input.shape().length != 2 || input.shape()[1] != width) {
            throw BAD.apply(input.what() + " has shape " + input.shapeText() + "; expected [rows, " + width + "] with the inputs "
                    + Excerpt.of(mapping.inputNames().toString()));
        }
        if (!"FP64".equals(input.datatype()) && !"FP32".equals(input.datatype())) {
            throw BAD.apply(input.what() + " has datatype '" + Excerpt.of(input.datatype()) + "'; expected FP32 or FP64");
        }
        int rows = (int) input.rows();
        double[] data = input.numbers(BAD);
        List<Column> columns = new ArrayList<>();
        int offset = 0;
        for (FeatureMapping.Feature f : mapping.features()) {
            if (f.encoding() instanceof FeatureMapping.OneHot o) {
                columns.add(CategoricalColumn.wrap(f.column(), oneHotCodes(f.column(), o.levels().size(), data, rows, width, offset),
                        o.levels()));
                offset += o.levels().size();
            } else if (f.encoding() instanceof FeatureMapping.Ordinal o) {
                columns.add(CategoricalColumn.wrap(f.column(), ordinalCodes(f.column(), o.levels().size(), data, rows, width, offset),
                        o.levels()));
                offset++;
            } else {
                double[] values = new double[rows];
                for (int r = 0; r < rows; r++) {
                    values[r] = data[r * width + offset];
                }
                columns.add(NumericColumn.wrap(f.column(), values));
                offset++;
            }
        }
        return columns;
    }

    private static int[] oneHotCodes(String column, int k, double[] data, int rows, int width, int offset) {
        int[] codes = new int[rows];
        for (int r = 0; r < rows; r++) {
            codes[r] = CategoricalColumn.MISSING;
            for (int j = 0; j < k; j++) {
                double v = data[r * width + offset + j];
                if (v == 1.0 && codes[r] == CategoricalColumn.MISSING) {
                    codes[r] = j;
                } else if (v != 0.0) {
                    throw BAD.apply("row " + (r + 1) + ": the one-hot inputs of column '" + column + "' must hold a single 1 and "
                            + "zeros (or all zeros for a missing value); input " + (offset + j) + " holds " + v);
                }
            }
        }
        return codes;
    }

    private static int[] ordinalCodes(String column, int k, double[] data, int rows, int width, int offset) {
        int[] codes = new int[rows];
        for (int r = 0; r < rows; r++) {
            double v = data[r * width + offset];
            if (Double.isNaN(v)) {
                codes[r] = CategoricalColumn.MISSING;
            } else if (v != Math.rint(v) || v < 0 || v >= k) {
                throw BAD.apply("row " + (r + 1) + ": the ordinal input of column '" + column + "' holds " + v
                        + "; expected a level index from 0 to " + (k - 1));
            } else {
                codes[r] = (int) v;
            }
        }
        return codes;
    }

    private List<Column> fromColumns(List<Tensor> inputs) {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long rows = -1;
        for (Tensor input : inputs) {
            String column = input.name();
            if (!featureColumns.contains(column)) {
                throw BAD.apply("unknown " + input.what() + "; send one tensor '" + InferenceServer.TENSOR_INPUT + "' [rows, "
                        + mapping.width() + "] or one tensor per feature column of " + Excerpt.of(featureColumns.toString()));
            }
            if (!seen.add(column)) {
                throw BAD.apply(input.what() + " is given twice");
            }
            long[] shape = input.shape();
            if (shape.length == 0 || shape.length > 2 || (shape.length == 2 && shape[1] != 1)) {
                throw BAD.apply(input.what() + " has shape " + input.shapeText() + "; expected [rows] or [rows, 1]");
            }
            if (rows >= 0 && shape[0] != rows) {
                throw BAD.apply(input.what() + " has " + shape[0] + " rows, the inputs before it " + rows);
            }
            rows = shape[0];
            String type = input.datatype() == null ? "" : input.datatype();
            if (type.equals("BYTES")) {
                columns.add(CategoricalColumn.of(column, input.texts(BAD)));
            } else if (type.startsWith("FP") || type.startsWith("INT") || type.startsWith("UINT")) {
                columns.add(NumericColumn.wrap(column, input.numbers(BAD)));
            } else {
                throw BAD.apply(input.what() + " has datatype '" + Excerpt.of(type) + "'; expected FP64, FP32, INT* or BYTES");
            }
        }
        return columns;
    }
}
