package dev.assay.core.synth;

import dev.assay.core.data.Column;
import java.util.random.RandomGenerator;

/** How the Gaussian copula models one column: values to normal scores and back. */
public sealed interface CopulaColumn permits NumericModel, CategoricalModel {

    /** The column's name. */
    String name();

    /** The normal score of every row of {@code column} (NaN where a numeric value is missing). */
    double[] scores(Column column, RandomGenerator random);

    /**
     * The column decoded from sampled normal scores.
     *
     * @param random draws the missing values of a numeric column
     */
    Column decode(double[] z, RandomGenerator random);
}
