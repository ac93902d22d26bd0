package dev.assay.bench;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Model;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.PerturbationTarget;
import dev.assay.core.robustness.attack.AdversarialEvaluation;
import dev.assay.core.robustness.attack.AdversarialResult;
import dev.assay.core.robustness.attack.AttackSettings;
import dev.assay.core.robustness.attack.AttackSpace;
import dev.assay.core.robustness.attack.ScoreOracle;
import dev.assay.io.DataReader;
import dev.assay.models.onnx.OnnxModel;
import dev.assay.models.tribuo.TribuoModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Each attack (L-infinity, eps 0.1 standard deviations; PGD 20 steps, SimBA 20 passes, Square 100 iterations,
 * HopSkipJump 20 iterations) on the first rows of Adult against a bundled model, attacking its five numeric inputs;
 * prints, for the second of two runs, wall-clock time, predict and gradient calls per attacked row, rows scored per
 * attacked row, rows per second and robust accuracy.
 *
 * <p>Usage: {@code AttackTiming MODEL.onnx|MODEL.tribuo.gz adult.csv [ROWS (default 10000)] [fgsm|pgd|simba|square|hsj ...]}
 */
public final class AttackTiming {
    private static final List<String> NUMERIC = List.of("age", "education-num", "capital-gain", "capital-loss", "hours-per-week");

    private AttackTiming() {
    }

    public static void main(String[] args) {
        Frame all = new DataReader().read(Path.of(args[1]), "current").frame();
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Frame rows = all.slice(IntStream.range(0, Math.min(n, all.rowCount())).toArray());
        List<AttackSettings.Method> methods = new ArrayList<>();
        for (int a = 3; a < args.length; a++) {
            methods.add(AttackSettings.Method.valueOf(args[a].toUpperCase(Locale.ROOT)));
        }
        if (methods.isEmpty()) {
            methods.addAll(List.of(AttackSettings.Method.values()));
        }
        boolean[] truth = new boolean[rows.rowCount()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = ">50K".equals(rows.column("income-per-year").format(i));
        }
        try (Model model = args[0].endsWith(".onnx") ? OnnxModel.load(Path.of(args[0])) : TribuoModel.load(Path.of(args[0]))) {
            System.out.println("| attack | gradients | predict calls | per attacked row | gradient calls | rows scored / attacked row | time | rows/s "
                    + "| robust accuracy |");
            for (AttackSettings.Method method : methods) {
                String line = null;
                for (int r = 0; r < 2; r++) {
                    line = run(model, rows, truth, method);
                }
                System.out.println(line);
            }
        }
    }

    private static String run(Model model, Frame rows, boolean[] truth, AttackSettings.Method method) {
        long t0 = System.nanoTime();
        AttackSpace space = new AttackSpace(rows, PerturbationTarget.of(rows, NUMERIC, Constraints.NONE), false, true);
        ScoreOracle oracle = new ScoreOracle(model, rows.column("income-per-year"), ">50K", 0.5);
        int steps = method == AttackSettings.Method.SQUARE ? 100 : 20;
        AdversarialResult res = AdversarialEvaluation.run(space, truth, oracle,
                new AttackSettings(method, AttackSettings.Norm.LINF, new double[] {0.1}, steps, Double.NaN, false, true, 1));
        double s = (System.nanoTime() - t0) / 1e9;
        return String.format(Locale.ROOT, "| %s | %s | %d | %.4f | %d | %.1f | %.2f s | %.0f | %.4f (clean %.4f) |",
                method.name().toLowerCase(Locale.ROOT), res.gradientSource(), res.calls(), (double) res.calls() / res.cleanCorrect(),
                res.gradientCalls(), (double) res.rowsScored() / res.cleanCorrect(), s, rows.rowCount() / s,
                res.results().get(0).robustAccuracy(), res.cleanAccuracy());
    }
}
