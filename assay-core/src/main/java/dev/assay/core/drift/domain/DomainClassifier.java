package dev.assay.core.drift.domain;

import dev.assay.core.compare.AucInterval;
import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multivariate drift by a domain classifier: label the reference rows 0 and the current rows 1,
 * train gradient-boosted stumps ({@link StumpBoosting}) in stratified, seeded k-fold cross-validation,
 * and measure the ROC AUC of the out-of-fold scores with DeLong's interval ({@link AucInterval}). An
 * AUC near 0.5 means the classifier cannot tell the data sets apart; well above it, they differ, in
 * one column or in how columns combine. The features are ranked by permutation importance on the
 * held-out folds (the AUC lost when a feature's values are shuffled among the held-out rows).
 *
 * <p>Stumps add up per feature, so the model sees each column's marginal shift (location, spread,
 * shape, missingness, categories) but not a change in an interaction alone.
 */
public final class DomainClassifier {
    private DomainClassifier() {
    }

    /**
     * @throws InvalidInputException when no column can be used or a side has fewer rows than folds
     */
    public static DomainDrift run(Frame reference, String referenceName, Frame current, String currentName, List<String> columns,
            DomainSettings settings) {
        int k = settings.folds();
        if (reference.rowCount() < k || current.rowCount() < k) {
            boolean ref = reference.rowCount() < k;
            throw new InvalidInputException("The " + (ref ? "reference" : "current") + " data " + (ref ? referenceName : currentName)
                    + " has " + (ref ? reference.rowCount() : current.rowCount()) + " rows; the domain classifier needs at least "
                    + k + " on each side for " + k + "-fold cross-validation (lower 'folds' or add rows).");
        }
        BinnedFeatures x = BinnedFeatures.of(reference, referenceName, current, currentName, columns);
        if (x.columns().isEmpty()) {
            throw new InvalidInputException("No column can be used by the domain classifier: "
                    + String.join(" ", x.problems().values()));
        }
        int n = x.rows();
        boolean[] positive = new boolean[n];
        for (int i = x.referenceRows(); i < n; i++) {
            positive[i] = true;
        }
        int[] fold = folds(x.referenceRows(), n, k, new SplittableRandom(settings.seed()));
        double[] scores = new double[n];
        int features = x.columns().size();
        double[] importance = new double[features];
        double[][] contribution = new double[features][n];
        SplittableRandom shuffles = new SplittableRandom(settings.seed() + 1);
        for (int f0 = 0; f0 < k; f0++) {
            int[] train = rows(fold, f0, false);
            int[] test = rows(fold, f0, true);
            StumpBoosting.Model model = StumpBoosting.fit(x, positive, train, settings.rounds(), settings.learningRate());
            boolean[] truth = new boolean[test.length];
            double[] foldScores = new double[test.length];
            for (int i = 0; i < test.length; i++) {
                truth[i] = positive[test[i]];
                foldScores[i] = model.score(x.codes(), test[i]);
                scores[test[i]] = foldScores[i];
                for (int f = 0; f < features; f++) {
                    contribution[f][test[i]] = model.table()[f][x.codes()[f][test[i]]];
                }
            }
            double foldAuc = auc(truth, foldScores);
            for (int f = 0; f < features; f++) {
                int[] permuted = permutation(test.length, shuffles);
                double[] shuffled = new double[test.length];
                double[] table = model.table()[f];
                int[] codes = x.codes()[f];
                for (int i = 0; i < test.length; i++) {
                    shuffled[i] = foldScores[i] - table[codes[test[i]]] + table[codes[test[permuted[i]]]];
                }
                importance[f] += (foldAuc - auc(truth, shuffled)) / k;
            }
        }
        List<DomainDrift.FeatureSeparation> ranked = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            double own = auc(positive, contribution[f]);
            ranked.add(new DomainDrift.FeatureSeparation(x.columns().get(f), importance[f], Math.max(own, 1 - own)));
        }
        ranked.sort(Comparator.comparingDouble(DomainDrift.FeatureSeparation::importance).reversed());
        return new DomainDrift(AucInterval.of(positive, scores, settings.confidence()), ranked, x.problems(), settings,
                x.referenceRows(), n - x.referenceRows());
    }

    /** Stratified folds: each side shuffled (seeded) and dealt round-robin, so every fold has both sides in proportion. */
    static int[] folds(int referenceRows, int rows, int k, SplittableRandom random) {
        int[] fold = new int[rows];
        int[] ref = permutation(referenceRows, random);
        for (int i = 0; i < ref.length; i++) {
            fold[ref[i]] = i % k;
        }
        int[] cur = permutation(rows - referenceRows, random);
        for (int i = 0; i < cur.length; i++) {
            fold[referenceRows + cur[i]] = i % k;
        }
        return fold;
    }

    private static int[] rows(int[] fold, int which, boolean inFold) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == which) == inFold).toArray();
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double auc(boolean[] truth, double[] scores) {
        return AucInterval.of(truth, scores, 0.95).auc();
    }
}
