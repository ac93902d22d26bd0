package dev.assay.bench;

import dev.assay.core.data.Frame;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.PerturbationTarget;
import dev.assay.core.robustness.attack.AdversarialEvaluation;
import dev.assay.core.robustness.attack.AdversarialResult;
import dev.assay.core.robustness.attack.AttackSettings;
import dev.assay.core.robustness.attack.AttackSpace;
import dev.assay.core.robustness.attack.ScoreOracle;
import dev.assay.io.DataReader;
import dev.assay.core.model.Model;
import dev.assay.models.onnx.OnnxModel;
import dev.assay.models.tribuo.TribuoModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * PGD (L-infinity, 20 steps, eps 0.1 standard deviations) on the first 10,000 rows of Adult against a bundled
 * model, attacking its five numeric inputs; prints wall-clock time, predict calls, rows scored per attacked row
 * and rows per second.
 *
 * <p>Usage: {@code AttackTiming MODEL.onnx|MODEL.tribuo.gz adult.csv [fgsm|pgd|simba]}
 */
public final class AttackTiming {
    private AttackTiming() {
    }

    public static void main(String[] args) {
        Frame all = new DataReader().read(Path.of(args[1]), "current").frame();
        Frame rows = all.slice(IntStream.range(0, Math.min(10_000, all.rowCount())).toArray());
        AttackSettings.Method method = AttackSettings.Method.valueOf((args.length > 2 ? args[2] : "pgd").toUpperCase(Locale.ROOT));
        List<String> numeric = List.of("age", "education-num", "capital-gain", "capital-loss", "hours-per-week");
        boolean[] truth = new boolean[rows.rowCount()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = ">50K".equals(rows.column("income-per-year").format(i));
        }
        try (Model model = args[0].endsWith(".onnx") ? OnnxModel.load(Path.of(args[0])) : TribuoModel.load(Path.of(args[0]))) {
            for (int r = 0; r < 2; r++) {
                long t0 = System.nanoTime();
                AttackSpace space = new AttackSpace(rows, PerturbationTarget.of(rows, numeric, Constraints.NONE), false, true);
                ScoreOracle oracle = new ScoreOracle(model, rows.column("income-per-year"), ">50K", 0.5);
                AdversarialResult res = AdversarialEvaluation.run(space, truth, oracle,
                        new AttackSettings(method, AttackSettings.Norm.LINF, new double[] {0.1}, 20, Double.NaN, false, true, 1));
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "%s run %d: %.2f s, %d calls, %.1f rows scored per attacked row (%d attacked), "
                        + "%.0f rows/s, clean %.4f robust %.4f%n", method, r + 1, s, res.calls(),
                        (double) res.rowsScored() / res.cleanCorrect(), res.cleanCorrect(), rows.rowCount() / s,
                        res.cleanAccuracy(), res.results().get(0).robustAccuracy());
            }
        }
    }
}
