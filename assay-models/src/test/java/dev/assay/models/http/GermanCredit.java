package dev.assay.models.http;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.model.FeatureMapping;
import dev.assay.io.DataReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The German credit data of examples/german-credit and the feature mapping the test models use. */
final class GermanCredit {
    static final List<String> NUMERIC = List.of("duration", "credit_amount", "installment_commitment", "residence_since", "age",
            "existing_credits", "num_dependents");
    static final List<String> ONE_HOT = List.of("checking_status", "credit_history", "purpose", "savings_status", "employment",
            "personal_status", "housing");
    static final String ORDINAL = "job";

    private static Frame train;
    private static Frame test;
    private static Frame all;

    private GermanCredit() {
    }

    static synchronized Frame train() {
        if (train == null) {
            train = read("train.csv");
        }
        return train;
    }

    static synchronized Frame test() {
        if (test == null) {
            test = read("test.csv");
        }
        return test;
    }

    /** All 1000 rows. */
    static synchronized Frame all() {
        if (all == null) {
            all = read("german_credit.csv");
        }
        return all;
    }

    /** Numeric columns as numbers, categories one-hot over the training levels, {@code job} ordinal. */
    static FeatureMapping mapping() {
        Frame t = train();
        List<FeatureMapping.Feature> features = new ArrayList<>();
        NUMERIC.forEach(c -> features.add(FeatureMapping.Feature.numeric(c)));
        for (String c : ONE_HOT) {
            features.add(FeatureMapping.Feature.oneHot(c, ((CategoricalColumn) t.column(c)).levels()));
        }
        features.add(FeatureMapping.Feature.ordinal(ORDINAL, ((CategoricalColumn) t.column(ORDINAL)).levels()));
        return new FeatureMapping(features);
    }

    private static Frame read(String name) {
        Path file = Path.of("..", "examples", "german-credit", name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("expected the example data at " + file.toAbsolutePath());
        }
        return new DataReader().read(file, "test").frame();
    }
}
