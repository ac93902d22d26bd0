package dev.assay.core.drift;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.segments.BenjaminiHochberg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Measures the drift of chosen columns between reference and current data: builds the two samples
 * of each column ({@link ColumnSamples}), picks the method ({@link DriftSettings#method()} or the
 * {@code auto} policy), computes the statistic, p-value and effect size, adjusts the p-values of all
 * tested columns together (Benjamini-Hochberg) and judges each column by its threshold; a drifted
 * numeric column gets reference-quantile bins to show its two distributions. Columns are
 * measured in parallel; a column that cannot be compared is reported with its reason and the others
 * still are.
 */
public final class DriftAnalysis {
    private DriftAnalysis() {
    }

    /**
     * @param referenceName how the reference is named in messages (its file name)
     * @param currentName how the current data is named in messages
     * @throws InvalidInputException when either data set has no rows or no column is given
     */
    public static DriftReport compare(Frame reference, String referenceName, Frame current, String currentName,
            List<String> columns, DriftSettings settings) {
        if (reference.rowCount() == 0 || current.rowCount() == 0) {
            String which = reference.rowCount() == 0 ? referenceName : currentName;
            throw new InvalidInputException("The " + (reference.rowCount() == 0 ? "reference" : "current") + " data " + which
                    + " has no rows; drift needs rows on both sides.");
        }
        if (columns.isEmpty()) {
            throw new InvalidInputException("No column to compare: " + referenceName + " and " + currentName
                    + " have no feature column in common; name the columns to compare.");
        }
        ColumnSamples.Pair[] pairs = new ColumnSamples.Pair[columns.size()];
        IntStream.range(0, columns.size()).parallel().forEach(i ->
                pairs[i] = ColumnSamples.of(columns.get(i), reference, referenceName, current, currentName));
        List<ColumnSample[]> samples = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i].problem() != null) {
                problems.put(columns.get(i), pairs[i].problem());
            } else {
                samples.add(new ColumnSample[] {pairs[i].reference(), pairs[i].current()});
            }
        }
        return compareSamples(samples, problems, settings);
    }

    /**
     * The drift of already built sample pairs ({@code [reference, current]} of one column each), for
     * sources other than data frames.
     */
    public static DriftReport compareSamples(List<ColumnSample[]> samples, Map<String, String> problems, DriftSettings settings) {
        ColumnDrift[] raw = new ColumnDrift[samples.size()];
        IntStream.range(0, samples.size()).parallel().forEach(i ->
                raw[i] = measure(samples.get(i)[0], samples.get(i)[1], settings));
        List<ColumnDrift> judged = judge(List.of(raw), settings);
        for (int i = 0; i < judged.size(); i++) {
            ColumnDrift c = judged.get(i);
            if (c.drift() && c.bins() == null) {
                judged.set(i, c.withBins(Binned.quantiles((NumericSample) samples.get(i)[0], (NumericSample) samples.get(i)[1],
                        settings.bins())));
            }
        }
        return new DriftReport(judged, problems, settings);
    }

    /**
     * Adjusts the p-values of {@code raw} together, judges each column and collects the report, for
     * measurements made elsewhere (e.g. against a stored profile).
     */
    public static DriftReport report(List<ColumnDrift> raw, Map<String, String> problems, DriftSettings settings) {
        return new DriftReport(judge(raw, settings), problems, settings);
    }

    /** One column, before the adjustment across columns. */
    public static ColumnDrift measure(ColumnSample ref, ColumnSample cur, DriftSettings settings) {
        DriftMethod method = choose(ref, cur, settings);
        return ColumnMeasure.of(ref, cur, method, settings);
    }

    private static DriftMethod choose(ColumnSample ref, ColumnSample cur, DriftSettings settings) {
        boolean numeric = ref instanceof NumericSample;
        if (settings.method() != null) {
            return numeric ? settings.method() : settings.method().forCategories();
        }
        boolean continuous = numeric && ((NumericSample) ref).distinct() > DriftSettings.AUTO_MAX_LEVELS;
        if (ref.count() + ref.missing() <= DriftSettings.AUTO_ROWS) {
            return continuous ? DriftMethod.KS : DriftMethod.CHI2;
        }
        return continuous ? DriftMethod.WASSERSTEIN : DriftMethod.JENSEN_SHANNON;
    }

    /** Adjusts the p-values together and sets each column's verdict. */
    private static List<ColumnDrift> judge(List<ColumnDrift> raw, DriftSettings settings) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).method().hasPValue()) {
                tested.add(i);
            }
        }
        double[] p = tested.stream().mapToDouble(i -> raw.get(i).pValue()).toArray();
        double[] adjusted = settings.fdr() ? BenjaminiHochberg.adjust(p) : p;
        List<ColumnDrift> out = new ArrayList<>(raw);
        for (int k = 0; k < tested.size(); k++) {
            ColumnDrift c = raw.get(tested.get(k));
            boolean drift = adjusted[k] < c.threshold() && c.effectSize() >= settings.minEffect();
            out.set(tested.get(k), c.judged(adjusted[k], drift));
        }
        for (int i = 0; i < raw.size(); i++) {
            ColumnDrift c = raw.get(i);
            if (!c.method().hasPValue()) {
                out.set(i, c.judged(Double.NaN, c.statistic() >= c.threshold()));
            }
        }
        return out;
    }
}
