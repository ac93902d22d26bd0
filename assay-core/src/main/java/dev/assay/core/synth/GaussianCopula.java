package dev.assay.core.synth;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.synth.quality.Pearson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Gaussian-copula synthesizer, as SDV's {@code GaussianCopulaSynthesizer} over the copulas library: every
 * column is turned into normal scores z = Phi^-1(F(x)) through its marginal F (numeric:
 * {@link MarginalSelection}; categorical: {@link CategoryIntervals}); the scores' Pearson correlation matrix
 * R (over the rows where both columns are present) is repaired to the nearest correlation matrix when it is
 * not positive definite ({@link NearestCorrelation}); sampling draws z ~ N(0, R) and maps every column back
 * through its marginal's quantile. Sampling is reproducible from its seed; {@link ConditionalSampler} samples
 * with fixed column values.
 */
public final class GaussianCopula {
    private final String source;
    private final int fittedRows;
    private final List<CopulaColumn> columns;
    private final double[][] estimated;
    private final double[][] correlation;
    private final boolean repaired;
    private final Cholesky factor;

    private GaussianCopula(String source, int fittedRows, List<CopulaColumn> columns, double[][] estimated,
            double[][] correlation, boolean repaired) {
        this.source = source;
        this.fittedRows = fittedRows;
        this.columns = List.copyOf(columns);
        this.estimated = estimated;
        this.correlation = correlation;
        this.repaired = repaired;
        this.factor = Cholesky.of(correlation);
    }

    /**
     * Fits the copula to every column of {@code data}.
     *
     * @param seed draws the points of categorical values within their intervals
     * @throws InvalidInputException when the data has no rows, a column is free text or a numeric column has no value
     */
    public static GaussianCopula fit(Frame data, long seed) {
        if (data.rowCount() == 0 || data.columnCount() == 0) {
            throw new InvalidInputException(data.source() + " has no rows to fit a synthesizer to; give a file with data rows.");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<CopulaColumn> models = new ArrayList<>();
        double[][] z = new double[data.columnCount()][];
        for (int j = 0; j < data.columnCount(); j++) {
            Column c = data.columns().get(j);
            CopulaColumn model = model(data.source(), c);
            models.add(model);
            z[j] = model.scores(c, random);
        }
        double[][] r = correlation(z);
        boolean repair = NearestCorrelation.needsRepair(r);
        return new GaussianCopula(data.source(), data.rowCount(), models, r, repair ? NearestCorrelation.of(r) : r, repair);
    }

    private static CopulaColumn model(String source, Column c) {
        if (c instanceof TextColumn) {
            throw new InvalidInputException("Column '" + c.name() + "' of " + source + " holds free text, which a Gaussian copula"
                    + " cannot model; drop the column or read it as categorical.");
        }
        if (c instanceof CategoricalColumn cat) {
            if (cat.missingCount() == cat.size()) {
                throw new InvalidInputException("Column '" + c.name() + "' of " + source + " has no values (every row is missing);"
                        + " drop the column, there is no distribution to learn.");
            }
            return new CategoricalModel(c.name(), cat.levels(), CategoryIntervals.of(cat));
        }
        double[] all = ((NumericColumn) c).toArray();
        double[] x = java.util.Arrays.stream(all).filter(v -> !Double.isNaN(v)).toArray();
        if (x.length == 0) {
            throw new InvalidInputException("Column '" + c.name() + "' of " + source + " has no values (every row is missing);"
                    + " drop the column, there is no distribution to learn.");
        }
        boolean integer = java.util.Arrays.stream(x).allMatch(v -> v == Math.rint(v));
        MarginalChoice choice = MarginalSelection.choose(c.name(), x);
        return new NumericModel(c.name(), choice, 1 - x.length / (double) all.length, integer, ParametricMarginal.min(x),
                ParametricMarginal.max(x));
    }

    /** Pearson correlation of every pair of score columns over the rows where both are present (0 when undefined). */
    static double[][] correlation(double[][] z) {
        int d = z.length;
        double[][] r = new double[d][d];
        for (int i = 0; i < d; i++) {
            r[i][i] = 1;
            for (int j = i + 1; j < d; j++) {
                double c = Pearson.of(z[i], z[j]);
                r[i][j] = Double.isNaN(c) ? 0 : c;
                r[j][i] = r[i][j];
            }
        }
        return r;
    }

    /** {@code rows} synthetic rows with the fitted columns and types, reproducible from {@code seed}. */
    public Frame sample(int rows, long seed) {
        return ConditionalSampler.sample(this, rows, seed, Map.of());
    }

    /** {@code rows} synthetic rows where each column of {@code conditions} holds the given value ({@link ConditionalSampler}). */
    public Frame sample(int rows, long seed, Map<String, String> conditions) {
        return ConditionalSampler.sample(this, rows, seed, conditions);
    }

    /** Decodes sampled score rows ({@code z[row][column]}) into a frame named after the fitted data. */
    Frame decode(double[][] z, SplittableRandom random) {
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            double[] zj = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                zj[i] = z[i][j];
            }
            out.add(columns.get(j).decode(zj, random));
        }
        return Frame.of("synthetic data from " + source, out);
    }

    Cholesky factor() {
        return factor;
    }

    /** The column models in the fitted data's order. */
    public List<CopulaColumn> columns() {
        return columns;
    }

    /** The marginal chosen for every numeric column, in column order. */
    public List<MarginalChoice> marginals() {
        return columns.stream().filter(c -> c instanceof NumericModel).map(c -> ((NumericModel) c).choice()).toList();
    }

    /** The correlation matrix of normal scores as estimated. */
    public double[][] estimatedCorrelation() {
        return copy(estimated);
    }

    /** The correlation matrix sampling uses: the estimate, or its nearest correlation matrix when {@link #repaired()}. */
    public double[][] correlation() {
        return copy(correlation);
    }

    /** Whether the estimate was not positive definite and was repaired. */
    public boolean repaired() {
        return repaired;
    }

    /** The number of rows fitted. */
    public int fittedRows() {
        return fittedRows;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
