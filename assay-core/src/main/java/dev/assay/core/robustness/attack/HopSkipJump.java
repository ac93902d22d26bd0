package dev.assay.core.robustness.attack;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * HopSkipJump (Chen, Jordan and Wainwright 2020), a decision-based minimisation attack: it sees only whether a row's
 * predicted class differs from its label, and looks for the smallest adversarial perturbation. Start: random uniform
 * perturbations in {@code [−R, R]^d} (scale units; {@code R = 1, 2, 4, …, 64}, {@value #TRIES} tries each) until one
 * is adversarial; a binary search moves it to the decision boundary (L2: along the segment from the clean row;
 * L-infinity: shrinking the box it is clipped to) until the interval is below {@code theta} of its length. Each
 * iteration {@code t}: estimate the boundary's normal from the signs of {@code n_t = min(100 sqrt(t), 10000)} probes
 * {@code x_b + delta_t u} (u Gaussian for L2, uniform on the cube for L-infinity, normalised; the signs less their
 * mean), with {@code delta_t = sqrt(d) theta dist} (L2) or {@code d theta dist} (L-infinity),
 * {@code theta = 1/d^1.5} (L2) or {@code 1/d^2}; step along it (L-infinity: its sign) by the geometric search
 * {@code xi = dist / sqrt(t)}, halved until the step is adversarial; binary search back to the boundary. Every stage
 * is batched: one predict call over all rows still attacked (the probes of all rows together). Seeded.
 */
final class HopSkipJump {
    static final int TRIES = 5;
    private static final int INIT_EVALS = 100;
    private static final int MAX_EVALS = 10_000;
    private static final int HALVINGS = 20;

    private final int iterations;
    private final boolean linf;
    private final long seed;

    HopSkipJump(int iterations, boolean linf, long seed) {
        this.iterations = iterations;
        this.linf = linf;
        this.seed = seed;
    }

    /**
     * @return the smallest adversarial perturbation found for each attacked row, {@code [column][k]} in scale units;
     *     a row without one has NaN in every column
     */
    double[][] run(AttackSpace space, ScoreOracle oracle, int[] rows, boolean[] truth) {
        int d = space.dims();
        double[][] best = new double[d][rows.length];
        for (double[] b : best) {
            Arrays.fill(b, Double.NaN);
        }
        if (d == 0) {
            return best;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double theta = linf ? 1.0 / ((double) d * d) : 1.0 / (d * Math.sqrt(d));
        double[][] x = new double[d][rows.length];
        boolean[] found = new boolean[rows.length];
        for (double r = 1; r <= 64; r *= 2) {
            for (int t = 0; t < TRIES; t++) {
                int[] missing = IntStream.range(0, rows.length).filter(k -> !found[k]).toArray();
                if (missing.length == 0) {
                    break;
                }
                double[][] c = new double[d][missing.length];
                for (int a = 0; a < missing.length; a++) {
                    for (int j = 0; j < d; j++) {
                        c[j][a] = space.clip(j, rows[missing[a]], r * (2 * random.nextDouble() - 1));
                    }
                }
                boolean[] adv = adversarial(space, oracle, Attack.select(rows, missing), truthOf(truth, missing), c);
                for (int a = 0; a < missing.length; a++) {
                    if (adv[a]) {
                        found[missing[a]] = true;
                        copy(c, a, x, missing[a]);
                    }
                }
            }
        }
        int[] active = IntStream.range(0, rows.length).filter(k -> found[k]).toArray();
        if (active.length == 0) {
            return best;
        }
        int[] sub = Attack.select(rows, active);
        boolean[] t = truthOf(truth, active);
        double[][] boundary = binarySearch(space, oracle, sub, t, Attack.select(x, active), theta);
        for (int it = 1; it <= iterations; it++) {
            double[] dist = new double[active.length];
            for (int a = 0; a < active.length; a++) {
                dist[a] = norm(boundary, a);
            }
            double[][] direction = direction(space, oracle, sub, t, boundary, dist, theta, it, random);
            double[][] stepped = new double[d][active.length];
            boolean[] done = new boolean[active.length];
            double[] xi = new double[active.length];
            for (int a = 0; a < active.length; a++) {
                xi[a] = dist[a] / Math.sqrt(it);
            }
            for (int h = 0; h < HALVINGS; h++) {
                int[] open = IntStream.range(0, active.length).filter(a -> !done[a]).toArray();
                if (open.length == 0) {
                    break;
                }
                double[][] c = new double[d][open.length];
                for (int o = 0; o < open.length; o++) {
                    int a = open[o];
                    for (int j = 0; j < d; j++) {
                        c[j][o] = space.clip(j, sub[a], boundary[j][a] + xi[a] * direction[j][a]);
                    }
                }
                boolean[] adv = adversarial(space, oracle, Attack.select(sub, open), truthOf(t, open), c);
                for (int o = 0; o < open.length; o++) {
                    int a = open[o];
                    if (adv[o] || h == HALVINGS - 1) {
                        done[a] = true;
                        copy(adv[o] ? c : boundary, adv[o] ? o : a, stepped, a);
                    }
                    xi[a] /= 2;
                }
            }
            boundary = binarySearch(space, oracle, sub, t, stepped, theta);
        }
        for (int a = 0; a < active.length; a++) {
            copy(boundary, a, best, active[a]);
        }
        return best;
    }

    /** The estimated unit direction towards the adversarial side of each row's boundary point (one call). */
    private double[][] direction(AttackSpace space, ScoreOracle oracle, int[] sub, boolean[] t, double[][] boundary, double[] dist,
            double theta, int it, SplittableRandom random) {
        int d = boundary.length;
        int n = (int) Math.min(MAX_EVALS, Math.round(INIT_EVALS * Math.sqrt(it)));
        int[] repeated = new int[sub.length * n];
        boolean[] truthRepeated = new boolean[repeated.length];
        double[][] u = new double[d][repeated.length];
        double[][] probes = new double[d][repeated.length];
        for (int a = 0; a < sub.length; a++) {
            double size = (linf ? d : Math.sqrt(d)) * theta * dist[a];
            for (int i = 0; i < n; i++) {
                int r = a * n + i;
                repeated[r] = sub[a];
                truthRepeated[r] = t[a];
                double norm = 0;
                for (int j = 0; j < d; j++) {
                    u[j][r] = linf ? 2 * random.nextDouble() - 1 : gaussian(random);
                    norm += u[j][r] * u[j][r];
                }
                norm = Math.sqrt(norm);
                for (int j = 0; j < d; j++) {
                    u[j][r] = norm > 0 ? u[j][r] / norm : 0;
                    probes[j][r] = space.clip(j, sub[a], boundary[j][a] + size * u[j][r]);
                }
            }
        }
        boolean[] adv = adversarial(space, oracle, repeated, truthRepeated, probes);
        double[][] out = new double[d][sub.length];
        for (int a = 0; a < sub.length; a++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += adv[a * n + i] ? 1 : -1;
            }
            mean /= n;
            double baseline = Math.abs(mean) == 1 ? 0 : mean;
            for (int i = 0; i < n; i++) {
                double phi = (adv[a * n + i] ? 1 : -1) - baseline;
                for (int j = 0; j < d; j++) {
                    out[j][a] += phi * u[j][a * n + i] / n;
                }
            }
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += out[j][a] * out[j][a];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                out[j][a] = linf ? Math.signum(out[j][a]) : norm > 0 ? out[j][a] / norm : 0;
            }
        }
        return out;
    }

    /**
     * Each row's adversarial {@code adv} moved towards the clean row until the last adversarial and first clean
     * point are less than {@code theta} (a fraction of the way) apart; one call per halving over the rows not done.
     */
    private double[][] binarySearch(AttackSpace space, ScoreOracle oracle, int[] sub, boolean[] t, double[][] adv, double theta) {
        int d = adv.length;
        double[] low = new double[sub.length];
        double[] high = new double[sub.length];
        Arrays.fill(high, 1);
        double tolerance = Math.min(theta, 1e-3);
        while (true) {
            int[] open = IntStream.range(0, sub.length).filter(a -> high[a] - low[a] > tolerance).toArray();
            if (open.length == 0) {
                break;
            }
            double[][] c = new double[d][open.length];
            for (int o = 0; o < open.length; o++) {
                shrink(adv, open[o], (low[open[o]] + high[open[o]]) / 2, c, o);
            }
            boolean[] a = adversarial(space, oracle, Attack.select(sub, open), truthOf(t, open), c);
            for (int o = 0; o < open.length; o++) {
                double mid = (low[open[o]] + high[open[o]]) / 2;
                if (a[o]) {
                    high[open[o]] = mid;
                } else {
                    low[open[o]] = mid;
                }
            }
        }
        double[][] out = new double[d][sub.length];
        for (int a = 0; a < sub.length; a++) {
            shrink(adv, a, high[a], out, a);
        }
        return out;
    }

    /** {@code adv[.][a]} brought a fraction {@code f} of the way from the clean row: scaled (L2) or clipped to {@code f ||adv||_inf}. */
    private void shrink(double[][] adv, int a, double f, double[][] out, int o) {
        double box = f * norm(adv, a);
        for (int j = 0; j < adv.length; j++) {
            out[j][o] = linf ? Math.max(-box, Math.min(box, adv[j][a])) : f * adv[j][a];
        }
    }

    private double norm(double[][] delta, int a) {
        double out = 0;
        for (double[] v : delta) {
            out = linf ? Math.max(out, Math.abs(v[a])) : out + v[a] * v[a];
        }
        return linf ? out : Math.sqrt(out);
    }

    private static boolean[] adversarial(AttackSpace space, ScoreOracle oracle, int[] rows, boolean[] truth, double[][] delta) {
        double[] p = oracle.scores(space.frame(rows, delta));
        boolean[] out = new boolean[rows.length];
        for (int a = 0; a < rows.length; a++) {
            out[a] = oracle.positive(p[a]) != truth[a];
        }
        return out;
    }

    private static boolean[] truthOf(boolean[] truth, int[] which) {
        boolean[] out = new boolean[which.length];
        for (int a = 0; a < which.length; a++) {
            out[a] = truth[which[a]];
        }
        return out;
    }

    private static void copy(double[][] from, int a, double[][] to, int k) {
        for (int j = 0; j < from.length; j++) {
            to[j][k] = from[j][a];
        }
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
