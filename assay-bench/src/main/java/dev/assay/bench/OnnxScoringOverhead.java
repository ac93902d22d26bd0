package dev.assay.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.assay.core.data.Frame;
import dev.assay.core.model.FeatureMapping;
import dev.assay.io.DataReader;
import dev.assay.models.onnx.OnnxModel;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The overhead of {@link OnnxModel} over ONNX Runtime called directly: scoring 1 million Adult rows
 * (the 32561 rows repeated, as a view) through the adapter, from the raw frame (feature encoding,
 * tensors, output parsing included), against {@code OrtSession.run} on tensors built beforehand in
 * the same batch size. Prints both best times of REPEATS and the ratio.
 *
 * <p>Usage: {@code OnnxScoringOverhead MODEL.onnx DATA.csv [ROWS] [REPEATS]}
 */
public final class OnnxScoringOverhead {
    private OnnxScoringOverhead() {
    }

    public static void main(String[] args) throws OrtException {
        Path modelFile = Path.of(args[0]);
        Frame adult = new DataReader().read(Path.of(args[1]), "current").frame();
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int[] index = new int[rows];
        for (int i = 0; i < rows; i++) {
            index[i] = i % adult.rowCount();
        }
        Frame frame = adult.slice(index);
        int batch = OnnxModel.Options.defaults().batchSize();

        try (OnnxModel model = OnnxModel.load(modelFile);
                OrtSession session = OrtEnvironment.getEnvironment().createSession(modelFile.toString(),
                        new OrtSession.SessionOptions())) {
            FeatureMapping mapping = model.info().features();
            FeatureMapping.Bound bound = mapping.bind(frame, "direct");
            int width = bound.width();
            String input = session.getInputNames().iterator().next();
            List<OnnxTensor> tensors = new ArrayList<>();
            double[] values = new double[batch * width];
            for (int from = 0; from < rows; from += batch) {
                int n = Math.min(batch, rows - from);
                bound.fill(from, from + n, values);
                float[] f = new float[n * width];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) values[i];
                }
                tensors.add(OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(f), new long[] {n, width}));
            }
            double direct = Double.MAX_VALUE;
            double adapter = Double.MAX_VALUE;
            for (int r = 0; r < repeats + 2; r++) {
                long t0 = System.nanoTime();
                for (OnnxTensor t : tensors) {
                    try (OrtSession.Result result = session.run(Map.of(input, t))) {
                        result.get(0);
                    }
                }
                long t1 = System.nanoTime();
                model.predict(frame);
                long t2 = System.nanoTime();
                if (r >= 2) {
                    direct = Math.min(direct, (t1 - t0) / 1e9);
                    adapter = Math.min(adapter, (t2 - t1) / 1e9);
                }
            }
            tensors.forEach(OnnxTensor::close);
            System.out.printf(Locale.ROOT, "%s on %d rows (batch %d, %d inputs): direct ONNX Runtime %.3f s, OnnxModel %.3f s, "
                    + "overhead %.2fx%n", modelFile.getFileName(), rows, batch, width, direct, adapter, adapter / direct);
        }
    }
}
