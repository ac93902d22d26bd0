package dev.assay.core.fairness;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Whether selection rates differ between groups more than chance explains.
 *
 * <p>{@link #overall}: Pearson's chi-square test of independence on the k × 2 table (selected, not
 * selected) of the groups taking part: {@code X² = Σ (O − E)² / E}, {@code E = row total · column
 * total / n}, k − 1 degrees of freedom, with Yates' continuity correction when k = 2 (each O moved
 * towards E by at most ½), as scipy's {@code chi2_contingency(table)} does by default.
 *
 * <p>{@link #eachGroup}: each group against all other rows on a 2 × 2 table: Fisher's exact test
 * (two-sided) when some expected count is below 5, otherwise the corrected chi-square; the p-values
 * are then adjusted for the number of groups tested ({@link MultipleTesting}).
 *
 * <p>Edge cases: a table where nobody or everybody is selected has no test (the reason says so);
 * fewer than two groups taking part give no test.
 *
 * <p>Reference: scipy 1.10.1 {@code scipy.stats.chi2_contingency} and {@code fisher_exact}, statsmodels
 * 0.13.5 {@code multipletests}; matched to 1e-10 on {@code golden/fairness/fairness_golden.json}.
 */
public final class SelectionRateTest {
    /** Expected counts below this make the 2 × 2 comparison use Fisher's exact test. */
    public static final double MIN_EXPECTED = 5;

    private SelectionRateTest() {
    }

    /**
     * The result of one test.
     *
     * @param group the group tested against the rest, or {@code "all groups"}
     * @param method {@code chi-square}, {@code chi-square (Yates)} or {@code fisher-exact}
     * @param statistic the chi-square statistic, or the odds ratio for Fisher's test; NaN when untested
     * @param pValue the p-value; NaN when untested
     * @param adjustedPValue the p-value adjusted for multiple comparisons (equal to the p-value for one test)
     * @param undefinedReason why there is no test; null when there is one
     */
    public record Result(String group, String method, double statistic, double pValue, double adjustedPValue,
            String undefinedReason) {
    }

    /** The chi-square test that all groups taking part share one selection rate. */
    public static Result overall(GroupCounts counts, FairnessSettings settings) {
        List<String> excluded = new ArrayList<>();
        List<Integer> groups = RateAggregation.eligible(counts, RateKind.SELECTION_RATE, settings, excluded);
        if (groups.size() < 2) {
            return untested("all groups", "fewer than two groups have at least " + settings.effectiveMinGroupSize() + " rows");
        }
        long[][] table = new long[groups.size()][];
        for (int i = 0; i < table.length; i++) {
            table[i] = row(counts, groups.get(i));
        }
        return chiSquare("all groups", table);
    }

    /** Each group taking part against all other rows, p-values adjusted by {@code adjustment}. */
    public static List<Result> eachGroup(GroupCounts counts, FairnessSettings settings, MultipleTesting adjustment) {
        List<String> excluded = new ArrayList<>();
        List<Integer> groups = RateAggregation.eligible(counts, RateKind.SELECTION_RATE, settings, excluded);
        long[] total = new long[2];
        for (int g = 0; g < counts.groups().groupCount(); g++) {
            long[] r = row(counts, g);
            total[0] += r[0];
            total[1] += r[1];
        }
        List<Result> raw = new ArrayList<>();
        for (int g : groups) {
            long[] in = row(counts, g);
            long[][] table = {in, {total[0] - in[0], total[1] - in[1]}};
            raw.add(twoByTwo(counts.groups().label(g), table));
        }
        double[] p = raw.stream().filter(r -> r.undefinedReason() == null).mapToDouble(Result::pValue).toArray();
        double[] adjusted = adjustment.adjust(p);
        List<Result> out = new ArrayList<>();
        int k = 0;
        for (Result r : raw) {
            out.add(r.undefinedReason() != null ? r
                    : new Result(r.group(), r.method(), r.statistic(), r.pValue(), adjusted[k++], null));
        }
        return out;
    }

    /** Selected and not selected rows of {@code group}. */
    private static long[] row(GroupCounts counts, int group) {
        long[] c = counts.confusion(group);
        return new long[] {c[0] + c[1], c[2] + c[3]};
    }

    private static Result twoByTwo(String group, long[][] table) {
        double[][] expected = expected(table);
        if (expected == null) {
            return untested(group, "nobody or everybody is selected, so selection rates cannot differ");
        }
        for (double[] row : expected) {
            for (double e : row) {
                if (e < MIN_EXPECTED) {
                    int[][] t = {{(int) table[0][0], (int) table[0][1]}, {(int) table[1][0], (int) table[1][1]}};
                    double p = FisherExactTest.withDefaults().test(t).getPValue();
                    double odds = (double) table[0][0] * table[1][1] / ((double) table[0][1] * table[1][0]);
                    return new Result(group, "fisher-exact", odds, p, p, null);
                }
            }
        }
        return chiSquare(group, table);
    }

    private static Result chiSquare(String group, long[][] table) {
        double[][] expected = expected(table);
        if (expected == null) {
            return untested(group, "nobody or everybody is selected, so selection rates cannot differ");
        }
        int dof = table.length - 1;
        boolean yates = dof == 1;
        double x2 = 0;
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < 2; j++) {
                double o = table[i][j];
                double e = expected[i][j];
                if (yates) {
                    double diff = e - o;
                    o += Math.signum(diff) * Math.min(0.5, Math.abs(diff));
                }
                x2 += (o - e) * (o - e) / e;
            }
        }
        double p = ChiSquaredDistribution.of(dof).survivalProbability(x2);
        return new Result(group, yates ? "chi-square (Yates)" : "chi-square", x2, p, p, null);
    }

    /** The expected counts under independence; null when a column total is 0. */
    private static double[][] expected(long[][] table) {
        long[] colTotals = new long[2];
        long n = 0;
        for (long[] row : table) {
            colTotals[0] += row[0];
            colTotals[1] += row[1];
        }
        n = colTotals[0] + colTotals[1];
        if (colTotals[0] == 0 || colTotals[1] == 0) {
            return null;
        }
        double[][] e = new double[table.length][2];
        for (int i = 0; i < table.length; i++) {
            long rowTotal = table[i][0] + table[i][1];
            e[i][0] = (double) rowTotal * colTotals[0] / n;
            e[i][1] = (double) rowTotal * colTotals[1] / n;
        }
        return e;
    }

    private static Result untested(String group, String reason) {
        return new Result(group, "none", Double.NaN, Double.NaN, Double.NaN, reason);
    }
}
