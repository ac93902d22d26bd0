package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.segments.SegmentMetric;
import dev.assay.core.segments.SegmentSettings;
import dev.assay.core.slicing.Binning;
import java.util.List;

/**
 * {@code type: weak_segments}: slices of one or two feature columns where a metric of binary
 * predictions is significantly worse than on the other rows (see
 * {@link dev.assay.core.segments.WeakSegmentSearch}). Keys: {@code metric} (accuracy, recall,
 * precision, specificity, npv, fpr, fnr; default accuracy), {@code columns} (default the schema's
 * feature columns), {@code pairs} (default true), {@code bins} (quantile bins per numeric column,
 * default 4), {@code min_size} (default 30), {@code fdr} (default 0.05), {@code max_segments}
 * (default 10). Measures {@code segments}, {@code worst_gap} and {@code tried}.
 */
public final class WeakSegmentsCheckKind implements CheckKind {

    @Override
    public String id() {
        return WeakSegmentsCheck.KIND;
    }

    @Override
    public String description() {
        return "Weak segments: slices of one or two columns where a metric is significantly worse than on the other rows"
                + " (one-sided Fisher exact tests, Benjamini-Hochberg FDR).";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(
                new ConfigKey("metric", "accuracy (the default), recall, precision, specificity, npv, fpr or fnr"),
                new ConfigKey("columns", "the columns to slice (default: the feature columns of the schema)"),
                new ConfigKey("pairs", "also slice by every pair of columns (default true)"),
                new ConfigKey("bins", "quantile bins per numeric column, 2 to 100 (default 4)"),
                new ConfigKey("min_size", "the fewest rows of the metric's denominator a slice needs to be tried (default "
                        + SegmentSettings.DEFAULT_MIN_SIZE + ")"),
                new ConfigKey("fdr", "the false discovery rate across all slices tried, in (0, 1) (default "
                        + SegmentSettings.DEFAULT_FDR + ")"),
                new ConfigKey("max_segments", "the most segments reported (default " + SegmentSettings.DEFAULT_MAX_SEGMENTS + ")"));
    }

    @Override
    public String measures() {
        return String.join(", ", WeakSegmentsCheck.MEASURES);
    }

    @Override
    public Requirements requires() {
        return Requirements.LABELLED_PREDICTIONS;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Weak segments (" + config.string("metric", SegmentMetric.ACCURACY.id()) + ")";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        SegmentMetric metric = config.choice("metric", SegmentMetric.class, SegmentMetric.ACCURACY);
        int bins = (int) atLeast(config, "bins", Binning.DEFAULT.quantiles(), 2, 100);
        int minSize = (int) atLeast(config, "min_size", SegmentSettings.DEFAULT_MIN_SIZE, 1, Integer.MAX_VALUE);
        int max = (int) atLeast(config, "max_segments", SegmentSettings.DEFAULT_MAX_SEGMENTS, 1, Integer.MAX_VALUE);
        double fdr = config.number("fdr", SegmentSettings.DEFAULT_FDR);
        if (!(fdr > 0 && fdr < 1)) {
            throw config.error("fdr", "'fdr' is the false discovery rate, a number between 0 and 1 (exclusive) such as 0.05;"
                    + " found " + config.string("fdr", null) + ".");
        }
        SegmentSettings settings = new SegmentSettings(metric, new Binning(bins, Binning.DEFAULT.maxLevels()),
                config.bool("pairs", true), minSize, fdr, max);
        return new WeakSegmentsCheck(setup, settings, config.strings("columns"));
    }

    private static long atLeast(CheckConfig config, String key, long fallback, long min, long max) {
        long value = config.integer(key, fallback);
        if (value < min || value > max) {
            throw config.error(key, "'" + key + "' must be from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max)
                    + ", found " + value + ".");
        }
        return value;
    }
}
