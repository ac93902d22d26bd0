package dev.assay.core.explain;

import dev.assay.core.stats.Spearman;


/** Statistics of a global importance vector shared by the explanation check and the command line. */
public final class ExplanationStatistics {

    private ExplanationStatistics() {
    }

    /** Descending ranks: 1 for the largest importance, ties sharing the mean of their ranks. */
    public static double[] ranks(double[] importance) {
        double[] negated = new double[importance.length];
        for (int i = 0; i < importance.length; i++) {
            negated[i] = -importance[i];
        }
        return Spearman.ranks(negated);
    }

    /** max(0, largest) / sum of max(0, importance): the top feature's share; NaN when all are 0 or less. */
    public static double concentration(double[] importance) {
        double sum = 0;
        double max = 0;
        for (double v : importance) {
            sum += Math.max(0, v);
            max = Math.max(max, v);
        }
        return sum > 0 ? max / sum : Double.NaN;
    }
}
