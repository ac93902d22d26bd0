package dev.assay.core.explain;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * KernelSHAP (Lundberg &amp; Lee 2017, Theorem 2; shap's KernelExplainer): the Shapley values of a row as
 * the weighted least-squares fit of v(S) - v(none) = sum_{i in S} phi_i over coalitions S with the
 * Shapley kernel weights ({@link CoalitionPlan}), subject to efficiency (sum phi_i = link(f(x)) -
 * v(none)), which is imposed as shap does by eliminating the last varying feature. Only features whose
 * value differs from some background row vary; the others get 0.
 *
 * <p>With at most {@link KernelShapSettings#exactFeatures()} varying features every coalition is
 * enumerated and the values are the exact Shapley values (errors 0). Otherwise each of
 * {@link KernelShapSettings#repeats()} independent coalition samples of the budget gives one estimate;
 * the value is their mean and its error the standard error of that mean (sd / sqrt(repeats)). Coalitions
 * common to the samples (the enumerated sizes) are predicted once. Row r draws from the r-th generator
 * split from {@code new SplittableRandom(seed)}, so the result depends on the seed only, never on the
 * number of threads.
 */
public final class KernelShap {

    private KernelShap() {
    }

    /** The KernelSHAP values of every row of {@code rows}. */
    public static Explanation explain(ModelOutput output, Frame rows, Background background, List<Feature> features,
            KernelShapSettings settings) {
        if (rows.rowCount() == 0) {
            throw new InvalidInputException("The data " + rows.source() + " has no rows to explain.");
        }
        if (features.isEmpty()) {
            throw new InvalidInputException("No features to explain; name at least one column.");
        }
        CoalitionValues values = new CoalitionValues(output, rows, background, features, settings.link(), settings.maxRows());
        SplittableRandom root = new SplittableRandom(settings.seed());
        SplittableRandom[] streams = new SplittableRandom[rows.rowCount()];
        for (int r = 0; r < streams.length; r++) {
            streams[r] = root.split();
        }
        IntStream range = IntStream.range(0, rows.rowCount());
        List<RowExplanation> out = (settings.parallel() ? range.parallel() : range)
                .mapToObj(r -> explainRow(values, r, features.size(), settings, streams[r])).toList();
        return new Explanation("kernel_shap", settings.link(), features.stream().map(Feature::name).toList(), out);
    }

    private static RowExplanation explainRow(CoalitionValues values, int row, int features, KernelShapSettings settings,
            SplittableRandom random) {
        int[] varying = IntStream.range(0, features).filter(f -> !values.constant(row, f)).toArray();
        int m = varying.length;
        double[] ends = values.values(row, List.of(new boolean[features], full(features)));
        double base = ends[0];
        double fx = ends[1];
        double[] phi = new double[features];
        double[] errors = new double[features];
        if (m == 1) {
            phi[varying[0]] = fx - base;
        }
        if (m <= 1) {
            return new RowExplanation(row, base, fx, phi, errors);
        }
        int samples = settings.samples() > 0 ? settings.samples() : 2 * m + 2048;
        int repeats = m <= settings.exactFeatures() ? 1 : settings.repeats();
        if (m <= settings.exactFeatures()) {
            samples = (1 << m) - 2;
        }
        List<CoalitionPlan> plans = new ArrayList<>();
        for (int k = 0; k < repeats; k++) {
            plans.add(CoalitionPlan.of(m, samples, random.split()));
        }
        Map<String, Double> cache = predict(values, row, features, varying, plans);
        double[][] estimates = new double[repeats][];
        for (int k = 0; k < repeats; k++) {
            estimates[k] = solve(plans.get(k), cache, base, fx - base);
        }
        for (int j = 0; j < m; j++) {
            double mean = 0;
            for (double[] e : estimates) {
                mean += e[j] / repeats;
            }
            double ss = 0;
            for (double[] e : estimates) {
                ss += (e[j] - mean) * (e[j] - mean);
            }
            phi[varying[j]] = mean;
            errors[varying[j]] = plans.get(0).complete() ? 0 : repeats > 1 ? Math.sqrt(ss / (repeats - 1) / repeats) : Double.NaN;
        }
        return new RowExplanation(row, base, fx, phi, errors);
    }

    /** v(S) of every distinct coalition of the plans, keyed by the coalition. */
    private static Map<String, Double> predict(CoalitionValues values, int row, int features, int[] varying,
            List<CoalitionPlan> plans) {
        Map<String, boolean[]> distinct = new LinkedHashMap<>();
        for (CoalitionPlan plan : plans) {
            for (boolean[] mask : plan.masks()) {
                distinct.putIfAbsent(Arrays.toString(mask), mask);
            }
        }
        List<boolean[]> masks = new ArrayList<>();
        for (boolean[] mask : distinct.values()) {
            boolean[] all = full(features);
            for (int j = 0; j < varying.length; j++) {
                all[varying[j]] = mask[j];
            }
            masks.add(all);
        }
        double[] v = values.values(row, masks);
        Map<String, Double> out = new HashMap<>();
        int i = 0;
        for (String key : distinct.keySet()) {
            out.put(key, v[i++]);
        }
        return out;
    }

    /** The constrained weighted least-squares fit for one plan (shap's KernelExplainer.solve without regularisation). */
    private static double[] solve(CoalitionPlan plan, Map<String, Double> values, double base, double total) {
        int n = plan.masks().size();
        int m = plan.masks().get(0).length;
        double[][] x = new double[n][m - 1];
        double[] y = new double[n];
        for (int s = 0; s < n; s++) {
            boolean[] mask = plan.masks().get(s);
            double last = mask[m - 1] ? 1 : 0;
            y[s] = values.get(Arrays.toString(mask)) - base - last * total;
            for (int j = 0; j < m - 1; j++) {
                x[s][j] = (mask[j] ? 1 : 0) - last;
            }
        }
        double[] w = WeightedLeastSquares.fit(x, y, plan.weights());
        double[] phi = Arrays.copyOf(w, m);
        phi[m - 1] = total - Arrays.stream(w).sum();
        return phi;
    }

    private static boolean[] full(int features) {
        boolean[] mask = new boolean[features];
        Arrays.fill(mask, true);
        return mask;
    }
}
