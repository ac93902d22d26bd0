package dev.assay.core.synth.quality;

import java.util.Map;

/**
 * How closely synthetic data follows real data, in SDMetrics' terms: per column KSComplement (numeric) or
 * TVComplement (categorical); per column pair CorrelationSimilarity (two numeric columns) or
 * ContingencySimilarity (any other pair, keyed {@code "a,b"}); their means; NewRowSynthesis; and the DCR scores.
 * The column-shapes score is the mean of the per-column scores and the column-pair-trends score the mean of the
 * per-pair ones, as SDMetrics' QualityReport; NaN scores are left out of the means.
 */
public record QualityReport(Map<String, Double> ksComplement, Map<String, Double> tvComplement,
        Map<String, Double> correlationSimilarity, Map<String, Double> contingencySimilarity, NewRowSynthesis newRowSynthesis,
        DistanceToClosestRecord dcr) {

    public QualityReport {
        ksComplement = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ksComplement));
        tvComplement = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tvComplement));
        correlationSimilarity = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(correlationSimilarity));
        contingencySimilarity = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(contingencySimilarity));
    }

    /** The mean of KSComplement and TVComplement over the columns. */
    public double columnShapes() {
        return mean(ksComplement, tvComplement);
    }

    /** The mean of CorrelationSimilarity and ContingencySimilarity over the column pairs. */
    public double columnPairTrends() {
        return mean(correlationSimilarity, contingencySimilarity);
    }

    /** The mean CorrelationSimilarity over pairs of numeric columns (NaN without such a pair). */
    public double meanCorrelationSimilarity() {
        return mean(correlationSimilarity, Map.of());
    }

    /** The mean ContingencySimilarity over the other pairs (NaN without such a pair). */
    public double meanContingencySimilarity() {
        return mean(contingencySimilarity, Map.of());
    }

    /** The mean of the column-shapes and column-pair-trends scores (the one that exists when the other does not). */
    public double overall() {
        return mean(Map.of("shapes", columnShapes(), "pairs", columnPairTrends()), Map.of());
    }

    private static double mean(Map<String, Double> a, Map<String, Double> b) {
        double s = 0;
        int n = 0;
        for (double v : a.values()) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        for (double v : b.values()) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
