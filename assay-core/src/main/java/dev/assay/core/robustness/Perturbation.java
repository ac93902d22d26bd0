package dev.assay.core.robustness;

import dev.assay.core.data.Frame;
import java.util.Map;

/**
 * A seeded change of a model's input data: noise, missing values, typos. {@link #apply} returns a frame
 * of the same rows and columns in which only the columns of the {@link PerturbationTarget} may differ, and
 * only within its {@link Constraints}; the same rows, target and seed always give the same frame.
 */
public interface Perturbation {

    /** The name a suite uses, e.g. {@code gaussian_noise}. */
    String name();

    /** The settings that decide what the perturbation does, by name, for reports. */
    Map<String, String> settings();

    /**
     * @param rows the clean rows
     * @param target the columns that may change, what the clean data says of them, and the constraints
     * @param seed the seed of every random choice
     * @return the perturbed rows, in the same order
     */
    Frame apply(Frame rows, PerturbationTarget target, long seed);
}
