package dev.assay.core.resample;

/**
 * Borderline-SMOTE (Han et al., 2005): SMOTE seeded only from rows "in danger", those with at least half but
 * not all of their {@code m} nearest neighbours (all classes, default {@code m = 10}) in another class.
 * Borderline-1 interpolates towards the {@code k} nearest rows of the same class; borderline-2 towards the
 * {@code k} nearest rows of any class, stepping at most half-way towards another class.
 *
 * <p>Reference: imbalanced-learn {@code BorderlineSMOTE(k_neighbors=5, m_neighbors=10, kind=...)}:
 * danger is {@code (m)/2 <= n_other < m}; a class with no row in danger gets no new rows.
 */
public final class BorderlineSmote implements Sampler {
    private final SamplingStrategy strategy;
    private final int k;
    private final int m;
    private final boolean kind2;
    private final long seed;

    /** {@code kind} is 1 or 2. */
    public BorderlineSmote(SamplingStrategy strategy, int kind, int k, int m, long seed) {
        if (kind != 1 && kind != 2) {
            throw new IllegalArgumentException("kind must be 1 or 2, found " + kind);
        }
        this.strategy = strategy;
        this.kind2 = kind == 2;
        this.k = k;
        this.m = m;
        this.seed = seed;
    }

    @Override
    public Resampled resample(double[][] x, Classes classes) {
        Sampler.requireClasses(classes);
        int[] targets = strategy.targets(classes, SamplingStrategy.Purpose.OVER);
        double[][] synthetic = new double[0][];
        int[] labels = new int[0];
        int[] y = classes.codes();
        if (m + 1 > x.length) {
            throw new dev.assay.core.error.InvalidInputException("Borderline-SMOTE with m=" + m + " needs more than " + m
                    + " rows; the data has " + x.length + ". Lower m.");
        }
        for (int c = 0; c < targets.length; c++) {
            if (targets[c] <= 0) {
                continue;
            }
            double[][] xc = Rows.pick(x, classes.rowsOf(c));
            int[][] mnn = Neighbors.of(x, xc, m + 1).index();
            java.util.List<double[]> danger = new java.util.ArrayList<>();
            for (int i = 0; i < xc.length; i++) {
                int other = 0;
                for (int j = 1; j <= m; j++) {
                    other += y[mnn[i][j]] != c ? 1 : 0;
                }
                if (other >= m / 2.0 && other < m) {
                    danger.add(xc[i]);
                }
            }
            if (danger.isEmpty()) {
                continue;
            }
            double[][] xd = danger.toArray(new double[0][]);
            double[][] from = kind2 ? x : xc;
            if (from.length < k + 1) {
                Sampler.requireNeighbours(classes, c, k, "Borderline-SMOTE", "k");
            }
            int[][] nns = Neighbors.of(from, xd, k + 1).index();
            for (int i = 0; i < nns.length; i++) {
                nns[i] = java.util.Arrays.copyOfRange(nns[i], 1, k + 1);
            }
            Interpolation.Draws d = Interpolation.draw(xd.length, k, targets[c], seed);
            synthetic = Rows.concat(synthetic, Interpolation.samples(xd, from, nns, d, seed, kind2 ? y : null, c));
            labels = Rows.concat(labels, Rows.fill(targets[c], c));
        }
        return new Resampled(Resampled.all(x.length), synthetic, labels);
    }
}
