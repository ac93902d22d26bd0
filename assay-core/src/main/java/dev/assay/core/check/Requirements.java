package dev.assay.core.check;

import dev.assay.core.data.ColumnRole;
import dev.assay.core.data.Schema;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a check needs from a run: the model itself (to call it), reference data, predictions (from
 * the model or stored columns), and columns with given roles (label, protected attributes,
 * timestamp). The runner compares them with the {@link CheckContext} before the check runs.
 *
 * @param model the check calls the model, so the suite must name one
 * @param reference the check compares with reference data (a profile of it counts: suites refuse a profile
 *     reference for checks other than drift, which need the rows)
 * @param predictions the check reads predictions: a prediction, score or class-probability column
 * @param roles column roles the current data's schema must give
 */
public record Requirements(boolean model, boolean reference, boolean predictions, Set<ColumnRole> roles) {
    /** Nothing beyond the current data. */
    public static final Requirements NONE = new Requirements(false, false, false, Set.of());
    /** Predictions to judge against a label column: what every check of model quality reads. */
    public static final Requirements LABELLED_PREDICTIONS = new Requirements(false, false, true, Set.of(ColumnRole.LABEL));
    /** A model to call on changed inputs and a label to judge its answers: what robustness checks need. */
    public static final Requirements MODEL_AND_LABEL = new Requirements(true, false, false, Set.of(ColumnRole.LABEL));

    public Requirements {
        roles = roles.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** These requirements plus the model. */
    public Requirements withModel() {
        return new Requirements(true, reference, predictions, roles);
    }

    /** These requirements plus reference data. */
    public Requirements withReference() {
        return new Requirements(model, true, predictions, roles);
    }

    /** These requirements plus predictions. */
    public Requirements withPredictions() {
        return new Requirements(model, reference, true, roles);
    }

    /** These requirements plus columns with {@code more} roles. */
    public Requirements withRoles(ColumnRole... more) {
        Set<ColumnRole> all = roles.isEmpty() ? EnumSet.noneOf(ColumnRole.class) : EnumSet.copyOf(roles);
        all.addAll(List.of(more));
        return new Requirements(model, reference, predictions, all);
    }

    /** Whether {@code schema} holds predictions: a prediction, score or class-probability column. */
    public static boolean hasPredictions(Schema schema) {
        return schema.prediction() != null || schema.score() != null || !schema.classProbabilities().isEmpty();
    }

    /** Why {@code context} does not meet these requirements, or empty when it does. */
    public Optional<String> unmetBy(CheckContext context) {
        List<String> missing = new ArrayList<>();
        if (model && context.model().isEmpty()) {
            missing.add("a model (add 'model:' to the suite)");
        }
        if (reference && context.reference().isEmpty() && context.referenceProfile().isEmpty()) {
            missing.add("reference data (add 'data.reference:' to the suite)");
        }
        Schema schema = context.current().schema();
        if (predictions && !hasPredictions(schema)) {
            missing.add("predictions (a model, or columns.prediction, columns.score or columns.probabilities)");
        }
        for (ColumnRole role : roles) {
            if (!schema.has(role)) {
                missing.add("a " + role.id() + " column (columns." + role.suiteKey() + ")");
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("Needs " + String.join(", ", missing) + ".");
    }
}
