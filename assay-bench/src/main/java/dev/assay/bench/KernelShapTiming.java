package dev.assay.bench;

import dev.assay.core.data.Frame;
import dev.assay.core.explain.Background;
import dev.assay.core.explain.CountingOutput;
import dev.assay.core.explain.Explanation;
import dev.assay.core.explain.Feature;
import dev.assay.core.explain.KernelShap;
import dev.assay.core.explain.KernelShapSettings;
import dev.assay.core.explain.ModelOutput;
import dev.assay.io.DataReader;
import dev.assay.models.onnx.OnnxModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * KernelSHAP on an ONNX model: ROWS explained rows (the first of the data) against a seeded sample of
 * BACKGROUND rows, explaining the probability of the model's last class over every column but the label.
 * Prints model calls, rows predicted and wall time with shap's default budget (2M + 2048 coalitions per
 * sample, 4 samples for the error), then for the first CHECK rows the exact values (all 2^M - 2
 * coalitions) and the mean and largest absolute error of the sampled values against them, with the
 * mean stated error; last the same for one sample of shap's budget on those rows, as shap's KernelExplainer
 * draws by default, so that the accuracy bought by each budget can be compared.
 *
 * <p>Usage: {@code KernelShapTiming MODEL.onnx DATA.csv LABEL [ROWS] [BACKGROUND] [CHECK]}
 */
public final class KernelShapTiming {
    private KernelShapTiming() {
    }

    public static void main(String[] args) {
        Frame data = new DataReader().read(Path.of(args[1]), "data").frame();
        String label = args[2];
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int background = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int check = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        List<String> columns = data.columnNames().stream().filter(c -> !c.equals(label)).toList();
        Frame explained = data.slice(IntStream.range(0, rows).toArray());
        Background bg = Background.sample(data, background, 1);
        try (OnnxModel model = OnnxModel.load(Path.of(args[0]))) {
            CountingOutput out = new CountingOutput(ModelOutput.of(model, null));
            KernelShapSettings settings = KernelShapSettings.defaults();
            long t0 = System.nanoTime();
            Explanation sampled = KernelShap.explain(out, explained, bg, Feature.each(columns), settings);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %d features, %d rows, background %d: %d model calls, %d rows predicted "
                    + "(%.0f per explained row), %.2f s%n", Path.of(args[0]).getFileName(), columns.size(), rows, background,
                    out.calls(), out.rows(), out.rows() / (double) rows, seconds);
            CountingOutput exactOut = new CountingOutput(ModelOutput.of(model, null));
            Frame few = data.slice(IntStream.range(0, check).toArray());
            long t1 = System.nanoTime();
            Explanation exact = KernelShap.explain(exactOut, few, bg, Feature.each(columns),
                    settings.withExactFeatures(columns.size()));
            double exactSeconds = (System.nanoTime() - t1) / 1e9;
            double sum = 0;
            double max = 0;
            double stated = 0;
            int n = 0;
            for (int r = 0; r < check; r++) {
                for (int j = 0; j < columns.size(); j++) {
                    double e = Math.abs(sampled.rows().get(r).values()[j] - exact.rows().get(r).values()[j]);
                    sum += e;
                    max = Math.max(max, e);
                    stated += sampled.rows().get(r).errors()[j];
                    n++;
                }
            }
            System.out.printf(Locale.ROOT, "exact values of %d rows: %d rows predicted (%.0f per row), %.2f s; sampled against "
                    + "exact: mean |error| %.2e, largest %.2e, mean stated error %.2e%n", check, exactOut.rows(),
                    exactOut.rows() / (double) check, exactSeconds, sum / n, max, stated / n);
            CountingOutput shapOut = new CountingOutput(ModelOutput.of(model, null));
            Explanation single = KernelShap.explain(shapOut, few, bg, Feature.each(columns), settings.withRepeats(1));
            double singleSum = 0;
            double singleMax = 0;
            for (int r = 0; r < check; r++) {
                for (int j = 0; j < columns.size(); j++) {
                    double e = Math.abs(single.rows().get(r).values()[j] - exact.rows().get(r).values()[j]);
                    singleSum += e;
                    singleMax = Math.max(singleMax, e);
                }
            }
            System.out.printf(Locale.ROOT, "one sample of shap's budget (2M + 2048 coalitions): %.0f rows predicted per row; "
                    + "against exact: mean |error| %.2e, largest %.2e%n", shapOut.rows() / (double) check, singleSum / n,
                    singleMax);
        }
    }
}
