package dev.assay.models.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.FeatureMapping;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns batches of frame rows into the input tensors of one ONNX graph. A dense input is encoded
 * by the feature mapping straight into float32 (or float64) and copied once into a direct buffer
 * that ONNX Runtime reads without another copy; the buffers are this encoder's own and reused from
 * batch to batch, so each thread that encodes needs its own encoder.
 */
final class InputEncoder {
    private final List<OnnxInput> inputs;
    private final FeatureMapping.Bound bound;
    private final List<Column> columns;
    private final double[] doubles;
    private final float[] floats;
    private final Buffer buffer;

    /**
     * @param bound the feature mapping bound to the frame, for a dense input; null for per-column inputs
     * @param columns the frame's column per input, for per-column inputs (see {@link #columns})
     * @param capacity the most rows of a batch
     */
    InputEncoder(List<OnnxInput> inputs, FeatureMapping.Bound bound, List<Column> columns, int capacity) {
        this.inputs = inputs;
        this.bound = bound;
        this.columns = columns;
        boolean asDouble = inputs.get(0).kind() == OnnxInput.Kind.DENSE_DOUBLE;
        this.doubles = bound != null && asDouble ? new double[capacity * bound.width()] : null;
        this.floats = bound != null && !asDouble ? new float[capacity * bound.width()] : null;
        this.buffer = bound == null ? null : directBuffer(capacity * bound.width(), asDouble);
    }

    /**
     * The frame's column for each per-column input, checked for presence and type.
     *
     * @throws InvalidInputException naming the model, the input and the column
     */
    static List<Column> columns(Frame frame, List<OnnxInput> inputs, String model) {
        String data = frame.source() == null ? "the data" : frame.source();
        List<Column> columns = new ArrayList<>();
        for (OnnxInput in : inputs) {
            if (!frame.has(in.name())) {
                throw new InvalidInputException("Model " + model + " needs the input column '" + in.name() + "', which " + data
                        + " does not have. The data has " + frame.columnNames() + "; rename the column or map the model's inputs "
                        + "to existing columns.");
            }
            Column c = frame.column(in.name());
            if (in.kind() != OnnxInput.Kind.COLUMN_STRING && !(c instanceof NumericColumn)) {
                throw new InvalidInputException("Model " + model + " takes a numeric input '" + in.name() + "', but column '"
                        + in.name() + "' of " + data + " is " + c.type() + ". Convert the column to numbers or use a model that "
                        + "encodes it.");
            }
            columns.add(c);
        }
        return columns;
    }

    /** Adds the tensors of rows {@code from} to {@code to} to {@code feed}; the caller closes them, also on failure. */
    void encode(int from, int to, Map<String, OnnxTensor> feed) throws OrtException {
        if (bound != null) {
            feed.put(inputs.get(0).name(), denseTensor(from, to));
        } else {
            for (int i = 0; i < inputs.size(); i++) {
                feed.put(inputs.get(i).name(), columnTensor(inputs.get(i), columns.get(i), from, to));
            }
        }
    }

    private OnnxTensor denseTensor(int from, int to) throws OrtException {
        int n = (to - from) * bound.width();
        long[] shape = {to - from, bound.width()};
        buffer.clear();
        if (floats != null) {
            bound.fill(from, to, floats);
            return OnnxTensor.createTensor(OnnxEnvironment.ENV, ((FloatBuffer) buffer).put(floats, 0, n).flip(), shape);
        }
        bound.fill(from, to, doubles);
        return OnnxTensor.createTensor(OnnxEnvironment.ENV, ((DoubleBuffer) buffer).put(doubles, 0, n).flip(), shape);
    }

    private static OnnxTensor columnTensor(OnnxInput in, Column column, int from, int to) throws OrtException {
        int n = to - from;
        long[] shape = in.twoDimensional() ? new long[] {n, 1} : new long[] {n};
        switch (in.kind()) {
            case COLUMN_STRING -> {
                String[] text = new String[n];
                for (int i = 0; i < n; i++) {
                    String v = column.format(from + i);
                    text[i] = v == null ? "" : v;
                }
                return OnnxTensor.createTensor(OnnxEnvironment.ENV, text, shape);
            }
            case COLUMN_INT64 -> {
                LongBuffer longs = ByteBuffer.allocateDirect(n * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
                NumericColumn c = (NumericColumn) column;
                for (int i = 0; i < n; i++) {
                    longs.put((long) c.get(from + i));
                }
                return OnnxTensor.createTensor(OnnxEnvironment.ENV, longs.flip(), shape);
            }
            case COLUMN_DOUBLE -> {
                DoubleBuffer d = (DoubleBuffer) directBuffer(n, true);
                NumericColumn c = (NumericColumn) column;
                for (int i = 0; i < n; i++) {
                    d.put(c.get(from + i));
                }
                return OnnxTensor.createTensor(OnnxEnvironment.ENV, d.flip(), shape);
            }
            default -> {
                FloatBuffer f = (FloatBuffer) directBuffer(n, false);
                NumericColumn c = (NumericColumn) column;
                for (int i = 0; i < n; i++) {
                    f.put((float) c.get(from + i));
                }
                return OnnxTensor.createTensor(OnnxEnvironment.ENV, f.flip(), shape);
            }
        }
    }

    /** A direct buffer of {@code n} floats or doubles in native order, for ONNX Runtime to read without a copy. */
    static Buffer directBuffer(int n, boolean asDouble) {
        ByteBuffer bytes = ByteBuffer.allocateDirect(n * (asDouble ? Double.BYTES : Float.BYTES)).order(ByteOrder.nativeOrder());
        return asDouble ? bytes.asDoubleBuffer() : bytes.asFloatBuffer();
    }
}
