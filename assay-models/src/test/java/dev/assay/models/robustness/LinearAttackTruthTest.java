package dev.assay.models.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.robustness.Constraints;
import dev.assay.core.robustness.PerturbationTarget;
import dev.assay.core.robustness.attack.AdversarialEvaluation;
import dev.assay.core.robustness.attack.AdversarialResult;
import dev.assay.core.robustness.attack.AttackSettings;
import dev.assay.core.robustness.attack.AttackSpace;
import dev.assay.core.robustness.attack.EpsilonResult;
import dev.assay.core.robustness.attack.ScoreOracle;
import dev.assay.models.training.ExampleData;
import dev.assay.models.tribuo.TribuoModel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tribuo.classification.Label;
import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * Attacks on the bundled Adult logistic regression against the analytic truth. Its logit
 * {@code L(x) = (w_>50K − w_<=50K)·x + (b_>50K − b_<=50K)} is linear in the numeric columns (the categorical ones
 * stay fixed), so in units of each column's standard deviation {@code s_j} the smallest L-infinity perturbation
 * that flips a correctly predicted row is {@code |L(x)| / sum_j |w_j| s_j}: a row survives budget eps iff
 * {@code |L(x)| > eps · sum_j |w_j| s_j}. The weights are read from the Tribuo model itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinearAttackTruthTest {
    private static final List<String> NUMERIC = List.of("age", "education-num", "capital-gain", "capital-loss", "hours-per-week");
    private static final double[] EPS = {0.01, 0.05, 0.1, 0.25, 0.5};
    private static final int HSJ_ROWS = 300;

    private TribuoModel model;
    private Frame rows;
    private boolean[] truth;
    private PerturbationTarget target;
    private final Map<String, Double> w = new HashMap<>();
    private double bias;

    @BeforeAll
    void load() {
        Path root = ExampleData.repositoryRoot();
        Frame all = ExampleData.adult(root).read();
        Frame test = all.slice(ExampleData.split(all.rowCount(), false));
        rows = test.slice(java.util.stream.IntStream.range(0, 3000).toArray());
        model = TribuoModel.load(root.resolve("examples/models/adult_logistic.tribuo.gz"));
        truth = new boolean[rows.rowCount()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = rows.column("income-per-year").format(i).equals(">50K");
        }
        target = PerturbationTarget.of(rows, NUMERIC, Constraints.NONE);
        @SuppressWarnings("unchecked")
        Map<String, List<Pair<String, Double>>> top = ((org.tribuo.Model<Label>) model.tribuoModel()).getTopFeatures(-1);
        for (Pair<String, Double> p : top.get(">50K")) {
            w.merge(p.getA(), p.getB(), Double::sum);
        }
        for (Pair<String, Double> p : top.get("<=50K")) {
            w.merge(p.getA(), -p.getB(), Double::sum);
        }
        bias = w.get("BIAS");
    }

    private AdversarialResult attack(AttackSettings.Method method, int steps) {
        return attack(method, AttackSettings.Norm.LINF, steps);
    }

    private AdversarialResult attack(AttackSettings.Method method, AttackSettings.Norm norm, int steps) {
        return attack(model, method, norm, steps, EPS);
    }

    private AdversarialResult attack(Model m, AttackSettings.Method method, AttackSettings.Norm norm, int steps, double[] eps) {
        return attack(m, method, norm, steps, eps, rows.rowCount());
    }

    /** An attack on the first {@code n} rows. */
    private AdversarialResult attack(Model m, AttackSettings.Method method, AttackSettings.Norm norm, int steps, double[] eps,
            int n) {
        Frame first = rows.slice(java.util.stream.IntStream.range(0, n).toArray());
        AttackSpace space = new AttackSpace(first, target, false, false);
        AttackSettings s = new AttackSettings(method, norm, eps, steps, Double.NaN, false, false, 7);
        return AdversarialEvaluation.run(space, java.util.Arrays.copyOf(truth, n),
                new ScoreOracle(m, first.column("income-per-year"), ">50K", 0.5), s);
    }

    /** The same model seen only through its predictions, so that attacks fall back to finite differences. */
    private Model blackBox() {
        return new Model() {
            @Override
            public ModelInfo info() {
                return model.info();
            }

            @Override
            public Predictions predict(Frame features) {
                return model.predict(features);
            }
        };
    }

    /** Rows predicted correctly whose logit margin exceeds eps times the scaled L1 norm of the weights. */
    private int[] analyticSurvivors() {
        return analyticSurvivors(false);
    }

    /**
     * Rows predicted correctly whose logit margin exceeds eps times the dual norm of the scaled weights: L1 for an
     * L-infinity budget, L2 for an L2 budget.
     */
    private int[] analyticSurvivors(boolean l2) {
        AttackSpace space = new AttackSpace(rows, target, false, false);
        double l1 = 0;
        for (int j = 0; j < space.dims(); j++) {
            double v = w.get(space.columns().get(j)) * space.scale(j);
            l1 += l2 ? v * v : Math.abs(v);
        }
        l1 = l2 ? Math.sqrt(l1) : l1;
        double[] logits = logits();
        int[] out = new int[EPS.length];
        for (int i = 0; i < logits.length; i++) {
            if ((logits[i] >= 0) != truth[i]) {
                continue;
            }
            for (int e = 0; e < EPS.length; e++) {
                out[e] += Math.abs(logits[i]) > EPS[e] * l1 ? 1 : 0;
            }
        }
        return out;
    }

    private double[] logits() {
        double[] out = new double[rows.rowCount()];
        java.util.Arrays.fill(out, bias);
        for (String name : w.keySet()) {
            if (name.equals("BIAS")) {
                continue;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] += w.get(name) * value(name, i);
            }
        }
        return out;
    }

    /** The value of Tribuo feature {@code name} in row {@code i}: a numeric column, or {@code column=level} one-hot. */
    private double value(String name, int i) {
        if (rows.has(name) && rows.column(name) instanceof NumericColumn n) {
            return n.get(i);
        }
        int eq = name.indexOf('=');
        String column = name.substring(0, eq);
        return name.substring(eq + 1).equals(rows.column(column).format(i)) ? 1 : 0;
    }

    @Test
    void theModelIsTheLinearFunctionOfItsWeights() {
        double[] logits = logits();
        double[] p = new ScoreOracle(model, rows.column("income-per-year"), ">50K", 0.5).scores(rows);
        for (int i = 0; i < logits.length; i++) {
            assertThat(p[i]).as("row %d", i).isCloseTo(1 / (1 + Math.exp(-logits[i])), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void fgsmRobustAccuracyIsTheAnalyticValueExactlyWithAnalyticAndEstimatedGradients() {
        AdversarialResult analytic = attack(AttackSettings.Method.FGSM, 1);
        AdversarialResult estimated = attack(blackBox(), AttackSettings.Method.FGSM, AttackSettings.Norm.LINF, 1, EPS);
        int[] expected = analyticSurvivors();
        for (int e = 0; e < EPS.length; e++) {
            assertThat(analytic.results().get(e).robustCorrect()).as("analytic eps %s", EPS[e]).isEqualTo(expected[e]);
            assertThat(estimated.results().get(e).robustCorrect()).as("estimated eps %s", EPS[e]).isEqualTo(expected[e]);
        }
        assertThat(analytic.results().get(EPS.length - 1).successRate()).isGreaterThan(0.05);
        assertThat(analytic.gradientSource()).isEqualTo("analytic");
        assertThat(analytic.calls()).isEqualTo(1 + EPS.length);
        assertThat(analytic.gradientCalls()).isEqualTo(EPS.length);
        assertThat(estimated.gradientSource()).isEqualTo("finite differences");
        assertThat(estimated.calls()).isEqualTo(1 + EPS.length * (2 * 5 + 1));
        assertThat(estimated.gradientCalls()).isZero();
    }

    @Test
    void theAnalyticGradientIsTheLogisticSlopeTimesTheWeight() {
        Frame few = rows.slice(new int[] {0, 1, 2, 3});
        double[][] g = model.probabilityGradients(few, ">50K", NUMERIC);
        double[] logits = logits();
        for (int j = 0; j < NUMERIC.size(); j++) {
            for (int r = 0; r < 4; r++) {
                double p = 1 / (1 + Math.exp(-logits[r]));
                assertThat(g[j][r]).as("%s row %d", NUMERIC.get(j), r)
                        .isCloseTo(p * (1 - p) * w.get(NUMERIC.get(j)), org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        assertThat(model.probabilityGradients(few, ">50K", List.of("not-an-input"))[0]).containsOnly(0.0);
        assertThat(model.hasProbabilityGradients()).isTrue();
        assertThat(TribuoModel.load(ExampleData.repositoryRoot().resolve("examples/models/adult_forest.tribuo.gz"))
                .hasProbabilityGradients()).isFalse();
    }

    @Test
    void pgdAndSimbaMatchTheAnalyticValue() {
        int[] expected = analyticSurvivors();
        for (AttackSettings.Method m : List.of(AttackSettings.Method.PGD, AttackSettings.Method.SIMBA)) {
            AdversarialResult r = attack(m, m == AttackSettings.Method.PGD ? 20 : 1);
            for (int e = 0; e < EPS.length; e++) {
                EpsilonResult x = r.results().get(e);
                assertThat(x.robustCorrect()).as("%s eps %s", m, EPS[e]).isEqualTo(expected[e]);
            }
        }
    }

    @Test
    void underAnL2BudgetGradientAttacksMatchTheAnalyticValueAndSimbaComesClose() {
        int[] expected = analyticSurvivors(true);
        for (AttackSettings.Method m : List.of(AttackSettings.Method.FGSM, AttackSettings.Method.PGD)) {
            AdversarialResult r = attack(m, AttackSettings.Norm.L2, m == AttackSettings.Method.PGD ? 20 : 1);
            for (int e = 0; e < EPS.length; e++) {
                assertThat(r.results().get(e).robustCorrect()).as("%s eps %s", m, EPS[e]).isEqualTo(expected[e]);
            }
        }
        AdversarialResult simba = attack(AttackSettings.Method.SIMBA, AttackSettings.Norm.L2, 5);
        for (int e = 0; e < EPS.length; e++) {
            int found = simba.results().get(e).robustCorrect();
            assertThat(found).as("eps %s", EPS[e]).isGreaterThanOrEqualTo(expected[e]);
            assertThat((found - expected[e]) / (double) rows.rowCount()).as("eps %s", EPS[e]).isLessThanOrEqualTo(0.005);
        }
    }

    @Test
    void squareComesCloseToTheAnalyticValueUnderBothNorms() {
        for (AttackSettings.Norm norm : AttackSettings.Norm.values()) {
            int[] expected = analyticSurvivors(norm == AttackSettings.Norm.L2);
            AdversarialResult r = attack(AttackSettings.Method.SQUARE, norm, 100);
            for (int e = 0; e < EPS.length; e++) {
                int found = r.results().get(e).robustCorrect();
                assertThat(found).as("%s eps %s", norm, EPS[e]).isGreaterThanOrEqualTo(expected[e]);
                assertThat((found - expected[e]) / (double) rows.rowCount()).as("%s eps %s", norm, EPS[e])
                        .isLessThanOrEqualTo(norm == AttackSettings.Norm.LINF ? 0.0 : 0.02);
            }
            System.out.printf(java.util.Locale.ROOT, "Square %s: robust found/true %s / %s; %d calls, %.1f rows scored per "
                    + "attacked row%n", norm, r.results().stream().map(EpsilonResult::robustCorrect).toList(),
                    java.util.Arrays.toString(expected), r.calls(), (double) r.rowsScored() / r.cleanCorrect());
        }
    }

    @Test
    void hopSkipJumpFindsNearlyTheSmallestPerturbation() {
        double[] eps = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5};
        for (AttackSettings.Norm norm : AttackSettings.Norm.values()) {
            boolean l2 = norm == AttackSettings.Norm.L2;
            AdversarialResult r = attack(model, AttackSettings.Method.HSJ, norm, 20, eps, HSJ_ROWS);
            double[] truthNorm = minimalPerturbations(l2);
            double[] smallest = r.smallest();
            double[] ratio = IntStream.range(0, HSJ_ROWS).filter(i -> !Double.isNaN(smallest[i]))
                    .mapToDouble(i -> smallest[i] / truthNorm[i]).toArray();
            java.util.Arrays.sort(ratio);
            assertThat(ratio.length).as(norm.name()).isGreaterThan(HSJ_ROWS / 2);
            assertThat(ratio[0]).as("%s smallest ratio", norm).isGreaterThanOrEqualTo(1 - 1e-6);
            assertThat(ratio[ratio.length / 2]).as("%s median ratio", norm).isLessThanOrEqualTo(l2 ? 1.01 : 1.05);
            int[] expected = survivors(java.util.Arrays.copyOf(truthNorm, HSJ_ROWS), eps);
            for (int e = 0; e < eps.length; e++) {
                int found = r.results().get(e).robustCorrect();
                assertThat(found).as("%s eps %s", norm, eps[e]).isGreaterThanOrEqualTo(expected[e]);
                assertThat((found - expected[e]) / (double) HSJ_ROWS).as("%s eps %s", norm, eps[e])
                        .isLessThanOrEqualTo(0.03);
            }
            System.out.printf(java.util.Locale.ROOT, "HSJ %s: %d rows fooled, ratio found/true min %.4f median %.4f "
                    + "p90 %.4f; robust found/true %s / %s; %d calls%n", norm, ratio.length, ratio[0], ratio[ratio.length / 2],
                    ratio[(int) (ratio.length * 0.9)], r.results().stream().map(EpsilonResult::robustCorrect).toList(),
                    java.util.Arrays.toString(expected), r.calls());
        }
    }

    /** Each row's smallest flipping perturbation {@code |L(x)| / ||w s||_dual}; infinite for a clean error. */
    private double[] minimalPerturbations(boolean l2) {
        AttackSpace space = new AttackSpace(rows, target, false, false);
        double dual = 0;
        for (int j = 0; j < space.dims(); j++) {
            double v = w.get(space.columns().get(j)) * space.scale(j);
            dual += l2 ? v * v : Math.abs(v);
        }
        dual = l2 ? Math.sqrt(dual) : dual;
        double[] logits = logits();
        double[] out = new double[logits.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (logits[i] >= 0) != truth[i] ? Double.POSITIVE_INFINITY : Math.abs(logits[i]) / dual;
        }
        return out;
    }

    private int[] survivors(double[] minimal, double[] eps) {
        int[] out = new int[eps.length];
        for (int i = 0; i < minimal.length; i++) {
            for (int e = 0; e < eps.length; e++) {
                out[e] += minimal[i] != Double.POSITIVE_INFINITY && minimal[i] > eps[e] ? 1 : 0;
            }
        }
        return out;
    }
}
