package dev.assay.models.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
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
        AttackSpace space = new AttackSpace(rows, target, false, false);
        AttackSettings s = new AttackSettings(method, norm, EPS, steps, Double.NaN, false, false, 7);
        return AdversarialEvaluation.run(space, truth, new ScoreOracle(model, rows.column("income-per-year"), ">50K", 0.5), s);
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
    void fgsmRobustAccuracyIsTheAnalyticValueExactly() {
        AdversarialResult r = attack(AttackSettings.Method.FGSM, 1);
        int[] expected = analyticSurvivors();
        for (int e = 0; e < EPS.length; e++) {
            assertThat(r.results().get(e).robustCorrect()).as("eps %s", EPS[e]).isEqualTo(expected[e]);
        }
        assertThat(r.results().get(EPS.length - 1).successRate()).isGreaterThan(0.05);
        assertThat(r.calls()).isEqualTo(1 + EPS.length * (2 * 5 + 1));
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
}
