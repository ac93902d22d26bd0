package dev.assay.core.compare;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * McNemar's test that two classifiers scored on the same rows have the same accuracy. Only the
 * discordant rows matter: {@code b} rows the baseline got right and the candidate wrong, {@code c}
 * the reverse (see {@link Flips}). Under the null hypothesis a discordant row is equally likely to
 * go either way, so {@code b ~ Binomial(b + c, 1/2)}.
 *
 * <ul>
 *   <li>{@link Method#EXACT}: statistic {@code min(b, c)}, p-value the two-sided binomial test of
 *       {@code b} successes in {@code b + c} trials at probability 1/2,
 *       {@code min(1, 2 P(X <= min(b, c)))}. Preferred when {@code b + c} is small (below 25).</li>
 *   <li>{@link Method#CHI_SQUARE}: statistic {@code (b - c)² / (b + c)}, p-value its upper tail
 *       under chi-square with 1 degree of freedom.</li>
 *   <li>{@link Method#CHI_SQUARE_CORRECTED}: Edwards' continuity correction,
 *       {@code (|b - c| - 1)² / (b + c)}, same tail.</li>
 * </ul>
 * The p-value is small when the two models' error rates differ; its sign is in {@code b - c}
 * ({@code c > b}: the candidate fixes more rows than it breaks).
 *
 * <p>Edge cases: no discordant rows ({@code b + c = 0}) gives statistic 0 and p-value 1 in every
 * form (the two models are right on exactly the same rows: no evidence of a difference). With
 * {@code b = c} the corrected form gives statistic 0 and p-value 1, as R's {@code mcnemar.test};
 * statsmodels subtracts the correction regardless and reports {@code 1 / (b + c)}.
 *
 * <p>Reference: statsmodels 0.13.5 {@code statsmodels.stats.contingency_tables.mcnemar(table,
 * exact=..., correction=...)} on real paired predictions and on a grid of tables, statistics and
 * p-values to 1e-12 relative ({@code scripts/golden/compare_golden.py}). McNemar, Psychometrika 12
 * (1947) 153-157; Edwards, Psychometrika 13 (1948) 185-187.
 *
 * @param method the form of the test
 * @param baselineOnly {@code b}, rows the baseline got right and the candidate wrong
 * @param candidateOnly {@code c}, rows the candidate got right and the baseline wrong
 * @param statistic {@code min(b, c)} for the exact form, the chi-square statistic otherwise
 * @param pValue the two-sided p-value
 */
public record McNemarTest(Method method, int baselineOnly, int candidateOnly, double statistic, double pValue) {

    /** The form of McNemar's test. */
    public enum Method {
        /** Two-sided binomial test of {@code b} in {@code b + c} trials at 1/2. */
        EXACT,
        /** Chi-square with 1 degree of freedom, no continuity correction. */
        CHI_SQUARE,
        /** Chi-square with 1 degree of freedom and Edwards' continuity correction. */
        CHI_SQUARE_CORRECTED
    }

    private static final ChiSquaredDistribution ONE_DEGREE = ChiSquaredDistribution.of(1);

    /** McNemar's test of the discordant counts of {@code flips}. */
    public static McNemarTest of(Flips flips, Method method) {
        int b = flips.baselineOnly();
        int c = flips.candidateOnly();
        int n = flips.discordant();
        if (n == 0) {
            return new McNemarTest(method, b, c, 0, 1);
        }
        return switch (method) {
            case EXACT -> new McNemarTest(method, b, c, Math.min(b, c), BinomialTest.withDefaults().test(n, b, 0.5).getPValue());
            case CHI_SQUARE -> chiSquare(method, b, c, 0);
            case CHI_SQUARE_CORRECTED -> chiSquare(method, b, c, b == c ? 0 : 1);
        };
    }

    private static McNemarTest chiSquare(Method method, int b, int c, int correction) {
        double d = Math.abs(b - c) - correction;
        double statistic = d * d / (b + c);
        return new McNemarTest(method, b, c, statistic, ONE_DEGREE.survivalProbability(statistic));
    }
}
