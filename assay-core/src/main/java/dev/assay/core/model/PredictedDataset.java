package dev.assay.core.model;

import dev.assay.core.data.Dataset;
import java.util.List;
import java.util.Objects;

/**
 * A data set with a model's predictions added as columns (see {@link PredictionColumns}), and the
 * notes on how they were read, e.g. class indices taken as label values, for the caller to show.
 *
 * @param dataset the data with the prediction columns and roles
 * @param notes sentences for the user; empty when there is nothing to say
 */
public record PredictedDataset(Dataset dataset, List<String> notes) {

    public PredictedDataset {
        Objects.requireNonNull(dataset, "dataset");
        notes = List.copyOf(notes);
    }
}
