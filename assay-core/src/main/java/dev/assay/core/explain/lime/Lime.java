package dev.assay.core.explain.lime;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.Explanation;
import dev.assay.core.explain.Link;
import dev.assay.core.explain.ModelOutput;
import dev.assay.core.explain.RowExplanation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * LIME for tables (Ribeiro, Singh &amp; Guestrin 2016; lime 0.2's LimeTabularExplainer with its defaults):
 * around each row, {@code samples} rows are drawn column by column ({@link Neighbourhood}), the first being
 * the row itself, and predicted in one model call. Each sample s gets the weight
 * w_s = sqrt(exp(-d_s^2 / width^2)), d_s the Euclidean distance of its interpretable representation z_s
 * to the row's z_0 and width 0.75 sqrt(number of columns) by default. The features are chosen
 * ({@link FeatureSelection}) and a weighted ridge regression (alpha 1, with intercept) of the outputs on
 * their z fitted; its coefficients explain the row, and its weighted R^2, intercept and prediction for
 * z_0 describe the local fit. With discretisation z_0 is all ones, so intercept + sum of the values is
 * the local prediction. Row r draws from the r-th generator split from {@code new SplittableRandom(seed)},
 * so the result depends on the seed only, never on the number of threads. The random numbers differ
 * from numpy's, so single explanations agree with lime's in distribution, not digit for digit.
 */
public final class Lime {

    private Lime() {
    }

    /** The LIME explanations of every row of {@code rows} (base: local intercept; output: local prediction). */
    public static Explanation explain(ModelOutput output, Frame rows, Frame background, List<String> columns, LimeSettings settings) {
        return fit(output, rows, background, columns, settings).explanation();
    }

    /** The LIME explanations of every row of {@code rows} with each row's local fit. */
    public static LimeExplanation fit(ModelOutput output, Frame rows, Frame background, List<String> columns,
            LimeSettings settings) {
        if (rows.rowCount() == 0) {
            throw new InvalidInputException("The data " + rows.source() + " has no rows to explain.");
        }
        if (columns.isEmpty()) {
            throw new InvalidInputException("No features to explain; name at least one column.");
        }
        if (background.rowCount() == 0) {
            throw new InvalidInputException("The background data " + background.source() + " has no rows; LIME samples around each"
                    + " row from the background's values.");
        }
        List<Neighbourhood> samplers = new ArrayList<>();
        for (String c : columns) {
            Column row = rows.column(c, "feature");
            Column bg = background.column(c, "feature");
            if ((row instanceof CategoricalColumn) != (bg instanceof CategoricalColumn)) {
                throw new InvalidInputException("Column '" + c + "' is " + row.type() + " in " + rows.source() + " but " + bg.type()
                        + " in the background " + background.source() + "; give it the same type in both.");
            }
            samplers.add(Neighbourhood.of(bg, settings.discretize(), background.source()));
        }
        double width = settings.kernelWidth() > 0 ? settings.kernelWidth() : 0.75 * Math.sqrt(columns.size());
        SplittableRandom root = new SplittableRandom(settings.seed());
        SplittableRandom[] streams = new SplittableRandom[rows.rowCount()];
        for (int r = 0; r < streams.length; r++) {
            streams[r] = root.split();
        }
        IntStream range = IntStream.range(0, rows.rowCount());
        List<RowResult> out = (settings.parallel() ? range.parallel() : range)
                .mapToObj(r -> explainRow(output, rows, r, columns, samplers, width, settings, streams[r])).toList();
        List<RowExplanation> explanations = out.stream().map(RowResult::explanation).toList();
        List<LocalFit> fits = out.stream().map(RowResult::fit).toList();
        return new LimeExplanation(new Explanation("lime", Link.IDENTITY, columns, explanations), fits);
    }

    private record RowResult(RowExplanation explanation, LocalFit fit) {
    }

    private static RowResult explainRow(ModelOutput output, Frame rows, int r, List<String> columns, List<Neighbourhood> samplers,
            double width, LimeSettings settings, SplittableRandom random) {
        int n = settings.samples();
        int d = columns.size();
        double[][] z = new double[n][d];
        List<Column> sampled = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            Neighbourhood sampler = samplers.get(j);
            Column column = rows.column(columns.get(j));
            if (column.isMissing(r)) {
                throw new InvalidInputException("Row " + (r + 1) + " of " + rows.source() + " has no value in column '" + columns.get(j)
                        + "'; LIME explains complete rows only: fill the value or leave the row out.");
            }
            double[] numbers = new double[n];
            int[] codes = new int[n];
            if (sampler.categorical()) {
                CategoricalColumn c = (CategoricalColumn) column;
                List<String> levels = new ArrayList<>(sampler.levels());
                if (!levels.contains(c.get(r))) {
                    levels.add(c.get(r));
                }
                sampler.sample(Double.NaN, levels.indexOf(c.get(r)), levels, z, j, numbers, codes, random);
                sampled.add(CategoricalColumn.wrap(column.name(), codes, levels));
            } else {
                sampler.sample(((NumericColumn) column).get(r), -1, List.of(), z, j, numbers, codes, random);
                sampled.add(NumericColumn.wrap(column.name(), numbers));
            }
        }
        double[] y = output.apply(neighbourhood(rows, r, n, sampled));
        double[] w = new double[n];
        for (int s = 0; s < n; s++) {
            double d2 = 0;
            for (int j = 0; j < d; j++) {
                d2 += (z[s][j] - z[0][j]) * (z[s][j] - z[0][j]);
            }
            w[s] = Math.sqrt(Math.exp(-d2 / (width * width)));
        }
        int[] selected = settings.selection().select(z, y, w, settings.features());
        WeightedRidge ridge = WeightedRidge.fit(z, selected, y, w, 1);
        double[] values = new double[d];
        double[] errors = new double[d];
        Arrays.fill(errors, Double.NaN);
        for (int k = 0; k < selected.length; k++) {
            values[selected[k]] = ridge.coef()[k];
        }
        double local = ridge.predict(z[0], selected);
        LocalFit fit = new LocalFit(r, ridge.intercept(), ridge.score(z, selected, y, w), local, y[0],
                Arrays.stream(selected).mapToObj(columns::get).toList());
        return new RowResult(new RowExplanation(r, ridge.intercept(), local, values, errors), fit);
    }

    /** The row repeated {@code n} times with the sampled columns in place of its own. */
    private static Frame neighbourhood(Frame rows, int r, int n, List<Column> sampled) {
        int[] repeat = new int[n];
        Arrays.fill(repeat, r);
        List<Column> out = new ArrayList<>();
        for (Column c : rows.columns()) {
            Column replacement = sampled.stream().filter(s -> s.name().equals(c.name())).findFirst().orElse(null);
            out.add(replacement != null ? replacement : c.slice(repeat));
        }
        return Frame.of(rows.source(), out);
    }
}
