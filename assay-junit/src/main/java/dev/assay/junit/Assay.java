package dev.assay.junit;

import dev.assay.core.data.Frame;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.model.Model;
import java.util.List;
import java.util.Objects;

/**
 * The entry point of the fluent model assertions:
 * {@code assertThatModel(model).on(test).hasMetric("recall").atLeast(0.8)}.
 */
public final class Assay {
    private Assay() {
    }

    /** Starts assertions on {@code model}; name the data with {@link ModelAssert#on}. */
    public static ModelAssert assertThatModel(Model model) {
        return new ModelAssert(Objects.requireNonNull(model, "model"));
    }

    /** A model waiting for the data it is judged on. */
    public static final class ModelAssert {
        private final Model model;

        private ModelAssert(Model model) {
            this.model = model;
        }

        /** The labelled data; the model predicts it once, at the first assertion. */
        public ModelDataAssert on(Frame data) {
            return new ModelDataAssert(new ModelUnderTest(model, Objects.requireNonNull(data, "data"), null, List.of(),
                    EvaluationSettings.defaults(), null), null);
        }
    }
}
