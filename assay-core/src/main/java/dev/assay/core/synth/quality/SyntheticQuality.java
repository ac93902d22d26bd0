package dev.assay.core.synth.quality;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores synthetic data against the real data it imitates ({@link QualityReport}): every column of the real
 * data must be in the synthetic data with the same type; a holdout of real rows not used for fitting adds
 * DCROverfittingProtection.
 *
 * @param tolerance NewRowSynthesis' numerical match tolerance ({@link NewRowSynthesis#TOLERANCE})
 * @param dcrRows the synthetic rows compared by DCR (a seeded subsample beyond it)
 * @param seed draws the DCR subsample and random baseline
 */
public record SyntheticQuality(double tolerance, int dcrRows, long seed) {
    /** The default number of synthetic rows compared by DCR. */
    public static final int DCR_ROWS = 1000;

    public SyntheticQuality {
        if (!(tolerance >= 0)) {
            throw new InvalidInputException("The numerical match tolerance must be at least 0, found " + tolerance + ".");
        }
        if (dcrRows < 1) {
            throw new InvalidInputException("The number of rows compared by DCR must be at least 1, found " + dcrRows + ".");
        }
    }

    /** The default settings with {@code seed}. */
    public static SyntheticQuality withSeed(long seed) {
        return new SyntheticQuality(NewRowSynthesis.TOLERANCE, DCR_ROWS, seed);
    }

    /**
     * The report of {@code synthetic} against {@code real}.
     *
     * @param holdout real rows not used for fitting, or null
     */
    public QualityReport compare(Frame real, Frame synthetic, Frame holdout) {
        for (Frame f : holdout == null ? List.of(real, synthetic) : List.of(real, synthetic, holdout)) {
            if (f.rowCount() == 0) {
                throw new InvalidInputException(f.source() + " has no rows; synthetic-data quality needs rows on every side.");
            }
        }
        List<Frame> tables = new ArrayList<>(List.of(real, synthetic));
        if (holdout != null) {
            tables.add(holdout);
        }
        AlignedTables aligned = new AlignedTables(tables);
        Map<String, Double> ks = new LinkedHashMap<>();
        Map<String, Double> tv = new LinkedHashMap<>();
        List<String> names = real.columnNames();
        for (String name : names) {
            Column r = real.column(name);
            Column s = synthetic.column(name);
            if (r instanceof NumericColumn n) {
                ks.put(name, ColumnShapes.ksComplement(n, (NumericColumn) s));
            } else {
                tv.put(name, ColumnShapes.tvComplement((CategoricalColumn) r, (CategoricalColumn) s));
            }
        }
        Map<String, Double> correlation = new LinkedHashMap<>();
        Map<String, Double> contingency = new LinkedHashMap<>();
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                Column ra = real.column(names.get(a));
                Column rb = real.column(names.get(b));
                Column sa = synthetic.column(names.get(a));
                Column sb = synthetic.column(names.get(b));
                String key = names.get(a) + "," + names.get(b);
                if (ra instanceof NumericColumn && rb instanceof NumericColumn) {
                    correlation.put(key, PairTrends.correlationSimilarity((NumericColumn) ra, (NumericColumn) rb,
                            (NumericColumn) sa, (NumericColumn) sb));
                } else {
                    contingency.put(key, PairTrends.contingencySimilarity(ra, rb, sa, sb));
                }
            }
        }
        return new QualityReport(ks, tv, correlation, contingency, NewRowSynthesis.of(aligned, tolerance),
                DistanceToClosestRecord.of(aligned, dcrRows, seed));
    }
}
