package dev.assay.core.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The coalitions of M varying features KernelSHAP evaluates, with their regression weights, chosen as the
 * shap library's KernelExplainer does (shap/explainers/_kernel.py): the Shapley kernel gives subset size s
 * the weight (M - 1) / (s (M - s)), a size and its complement M - s are taken together; sizes are
 * enumerated completely, smallest (and largest) first, while the budget left covers all their subsets at
 * their share of the weight; the budget left is spent on subsets drawn at random (a size from the
 * remaining weights, then a uniform subset of it; at most 4 draws per coalition of the budget) together with
 * their complements, a repeated draw adding 1 to its weight, and the drawn weights are scaled to the weight
 * of the sizes not enumerated.
 * With a budget of 2^M - 2 every coalition is enumerated and the weights are exactly the kernel's.
 *
 * @param masks the coalitions (true: the feature is the explained row's)
 * @param weights the regression weight of each coalition
 * @param complete whether every coalition was enumerated (no randomness)
 */
record CoalitionPlan(List<boolean[]> masks, double[] weights, boolean complete) {

    /** The plan for {@code m} (at least 2) features and a budget of {@code samples} coalitions. */
    static CoalitionPlan of(int m, int samples, SplittableRandom random) {
        int budget = m <= 30 ? (int) Math.min(samples, (1L << m) - 2) : samples;
        int sizes = m / 2;
        int paired = (m - 1) / 2;
        double[] kernel = new double[sizes];
        for (int s = 1; s <= sizes; s++) {
            kernel[s - 1] = (m - 1.0) / (s * (double) (m - s)) * (s <= paired ? 2 : 1);
        }
        double total = Arrays.stream(kernel).sum();
        for (int i = 0; i < sizes; i++) {
            kernel[i] /= total;
        }
        List<boolean[]> masks = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double[] remaining = kernel.clone();
        int left = budget;
        int full = 0;
        for (int s = 1; s <= sizes; s++) {
            double subsets = ExactShapley.binomial(m, s) * (s <= paired ? 2 : 1);
            if (left * remaining[s - 1] / subsets < 1 - 1e-8) {
                break;
            }
            full++;
            left -= (int) subsets;
            if (remaining[s - 1] < 1) {
                double scale = 1 - remaining[s - 1];
                for (int i = 0; i < sizes; i++) {
                    remaining[i] /= scale;
                }
            }
            double w = kernel[s - 1] / ExactShapley.binomial(m, s) / (s <= paired ? 2 : 1);
            for (boolean[] mask : subsetsOf(m, s)) {
                masks.add(mask);
                weights.add(w);
                if (s <= paired) {
                    masks.add(complement(mask));
                    weights.add(w);
                }
            }
        }
        int fixed = masks.size();
        if (full < sizes && left > 0) {
            sample(m, full, paired, kernel, left, random, masks, weights);
            double weightLeft = 0;
            for (int i = full; i < sizes; i++) {
                weightLeft += kernel[i];
            }
            double drawn = 0;
            for (int i = fixed; i < weights.size(); i++) {
                drawn += weights.get(i);
            }
            for (int i = fixed; i < weights.size(); i++) {
                weights.set(i, weights.get(i) * weightLeft / drawn);
            }
        }
        return new CoalitionPlan(masks, weights.stream().mapToDouble(Double::doubleValue).toArray(), full == sizes);
    }

    private static void sample(int m, int full, int paired, double[] kernel, int budget, SplittableRandom random,
            List<boolean[]> masks, List<Double> weights) {
        double[] p = new double[kernel.length - full];
        for (int i = 0; i < p.length; i++) {
            p[i] = kernel[full + i] / (full + i + 1 <= paired ? 2 : 1);
        }
        double sum = Arrays.stream(p).sum();
        Map<String, Integer> used = new LinkedHashMap<>();
        int left = budget;
        long draws = 0;
        while (left > 0 && draws++ < 4L * budget) {
            double u = random.nextDouble() * sum;
            int pick = 0;
            while (pick < p.length - 1 && u >= p[pick]) {
                u -= p[pick++];
            }
            int size = pick + full + 1;
            boolean[] mask = randomSubset(m, size, random);
            String key = Arrays.toString(mask);
            Integer at = used.get(key);
            if (at == null) {
                used.put(key, masks.size());
                masks.add(mask);
                weights.add(1.0);
                left--;
            } else {
                weights.set(at, weights.get(at) + 1);
            }
            if (left > 0 && size <= paired) {
                if (at == null) {
                    masks.add(complement(mask));
                    weights.add(1.0);
                    left--;
                } else {
                    weights.set(at + 1, weights.get(at + 1) + 1);
                }
            }
        }
    }

    private static boolean[] randomSubset(int m, int size, SplittableRandom random) {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        boolean[] mask = new boolean[m];
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(m - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            mask[order[i]] = true;
        }
        return mask;
    }

    private static List<boolean[]> subsetsOf(int m, int size) {
        List<boolean[]> out = new ArrayList<>();
        int[] pick = new int[size];
        for (int i = 0; i < size; i++) {
            pick[i] = i;
        }
        while (true) {
            boolean[] mask = new boolean[m];
            for (int i : pick) {
                mask[i] = true;
            }
            out.add(mask);
            int i = size - 1;
            while (i >= 0 && pick[i] == m - size + i) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            pick[i]++;
            for (int j = i + 1; j < size; j++) {
                pick[j] = pick[j - 1] + 1;
            }
        }
    }

    private static boolean[] complement(boolean[] mask) {
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = !mask[i];
        }
        return out;
    }
}
