package dev.assay.core.synth;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import java.util.List;
import java.util.random.RandomGenerator;

/** A categorical column in the copula: its levels and their frequency intervals ({@link CategoryIntervals}). */
public record CategoricalModel(String name, List<String> levels, CategoryIntervals intervals) implements CopulaColumn {

    public CategoricalModel {
        levels = List.copyOf(levels);
    }

    @Override
    public double[] scores(Column column, RandomGenerator random) {
        CategoricalColumn c = (CategoricalColumn) column;
        double[] z = new double[c.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = NumericModel.normalScore(intervals.encode(c.code(i), random));
        }
        return z;
    }

    @Override
    public Column decode(double[] z, RandomGenerator random) {
        int[] codes = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            codes[i] = code(z[i]);
        }
        return CategoricalColumn.wrap(name, codes, levels);
    }

    /** The category code of the normal score {@code z}. */
    int code(double z) {
        return intervals.decode(NumericModel.PHI.cumulativeProbability(z));
    }
}
