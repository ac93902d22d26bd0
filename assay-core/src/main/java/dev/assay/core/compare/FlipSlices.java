package dev.assay.core.compare;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.TextColumn;
import dev.assay.core.slicing.Binning;
import dev.assay.core.slicing.ColumnBins;
import dev.assay.core.slicing.Slice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a candidate's regressions concentrate: the slices of the data (the {@link ColumnBins} of each
 * column given, quantile bins for numbers, one bin per category) with more negative flips (rows the
 * baseline got right and the candidate wrong) than their size predicts.
 *
 * <p>With {@code f} the negative flips of all {@code n} rows and, for a slice, {@code f_s} its negative
 * flips in {@code n_s} rows: {@code rate = f_s / n_s}, {@code overall = f / n} and
 * {@code excess = f_s − n_s · overall}, the flips beyond what the slice would hold were flips spread
 * evenly. Slices are ranked by excess (then rate, then their description) and only slices with a
 * positive excess are kept, so a large slice with an ordinary rate does not crowd out a small one where
 * the candidate breaks often.
 *
 * @param slice the rows, e.g. {@code age in [19, 27]}
 * @param flips {@code f_s}, its negative flips
 * @param rows {@code n_s}, its rows
 * @param rate {@code f_s / n_s}
 * @param overallRate {@code f / n}
 * @param excess {@code f_s − n_s · f / n}
 */
public record FlipSlices(Slice slice, int flips, int rows, double rate, double overallRate, double excess) {

    /**
     * The {@code top} slices of {@code columns} of {@code frame} with the most excess negative flips; text
     * columns are left out.
     *
     * @param negativeFlip whether row i is one the baseline got right and the candidate wrong
     */
    public static List<FlipSlices> top(Frame frame, List<String> columns, boolean[] negativeFlip, Binning binning, int top) {
        if (negativeFlip.length != frame.rowCount()) {
            throw new IllegalArgumentException("one flag per row, got " + negativeFlip.length + " for " + frame.rowCount() + " rows");
        }
        int total = 0;
        for (boolean f : negativeFlip) {
            total += f ? 1 : 0;
        }
        List<FlipSlices> out = new ArrayList<>();
        if (total == 0) {
            return out;
        }
        double overall = (double) total / negativeFlip.length;
        for (String name : columns) {
            Column column = frame.column(name, "slice");
            if (column instanceof TextColumn) {
                continue;
            }
            for (Slice s : ColumnBins.of(frame, name, binning).slices()) {
                int flips = 0;
                for (int row : s.rows()) {
                    flips += negativeFlip[row] ? 1 : 0;
                }
                double excess = flips - s.size() * overall;
                if (excess > 1e-9) {
                    out.add(new FlipSlices(s, flips, s.size(), (double) flips / s.size(), overall, excess));
                }
            }
        }
        out.sort(Comparator.comparingDouble(FlipSlices::excess).reversed()
                .thenComparing(Comparator.comparingDouble(FlipSlices::rate).reversed())
                .thenComparing(f -> f.slice().describe()));
        return out.size() > top ? List.copyOf(out.subList(0, top)) : List.copyOf(out);
    }
}
