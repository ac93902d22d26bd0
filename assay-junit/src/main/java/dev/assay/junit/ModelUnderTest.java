package dev.assay.junit;

import dev.assay.core.check.CheckContext;
import dev.assay.core.data.ColumnType;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.PredictionColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A model and the labelled data it is judged on, predicted once: what every assertion of one
 * {@link ModelDataAssert} chain shares. The label is the column named with {@code withLabel}, or else the
 * one column of the data the model does not read.
 */
final class ModelUnderTest {
    private final Model model;
    private final Frame frame;
    private final String label;
    private final List<String> groups;
    private final EvaluationSettings evaluation;
    private final Frame reference;
    private CheckContext context;

    ModelUnderTest(Model model, Frame frame, String label, List<String> groups, EvaluationSettings evaluation,
            Frame reference) {
        this.model = Objects.requireNonNull(model, "model");
        this.frame = Objects.requireNonNull(frame, "frame");
        this.label = label;
        this.groups = List.copyOf(groups);
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.reference = reference;
    }

    ModelUnderTest withLabel(String column) {
        return new ModelUnderTest(model, frame, column, groups, evaluation, reference);
    }

    ModelUnderTest withGroups(List<String> columns) {
        return new ModelUnderTest(model, frame, label, columns, evaluation, reference);
    }

    ModelUnderTest withEvaluation(EvaluationSettings settings) {
        return new ModelUnderTest(model, frame, label, groups, settings, reference);
    }

    /** The same, compared with {@code data} (e.g. the training data) by checks that need a reference. */
    ModelUnderTest withReference(Frame data) {
        return new ModelUnderTest(model, frame, label, groups, evaluation, Objects.requireNonNull(data, "reference"));
    }

    /** The reference data's name in messages; null without one. */
    String referenceName() {
        return reference == null ? null : name(reference);
    }

    EvaluationSettings evaluation() {
        return evaluation;
    }

    /** The data's name in messages: its file name, or its source description. */
    String dataName() {
        return name(frame);
    }

    private static String name(Frame data) {
        String source = data.source();
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return slash < 0 ? source : source.substring(slash + 1);
    }

    /**
     * The columns whose groups a failure names: those given with {@code withGroups}, else every categorical
     * column the model reads.
     */
    List<String> groupColumns() {
        if (!groups.isEmpty()) {
            return groups;
        }
        List<String> out = new ArrayList<>();
        for (String c : inputColumns()) {
            if (frame.has(c) && frame.column(c).type() == ColumnType.CATEGORICAL) {
                out.add(c);
            }
        }
        return out;
    }

    /** The labelled data with the model's predictions, predicted on first use. */
    synchronized CheckContext context() {
        if (context == null) {
            String labelColumn = label != null ? label : inferLabel();
            frame.column(labelColumn, "label");
            Schema schema = Schema.builder().label(labelColumn).protectedAttributes(groups).build();
            Dataset data = Dataset.of("current", frame, schema);
            Dataset predicted = PredictionColumns.attach(data, model.predict(frame), model.info().name()).dataset();
            Dataset compared = reference == null ? null : PredictionColumns.attach(Dataset.of("reference", reference, schema),
                    model.predict(reference), model.info().name()).dataset();
            context = new CheckContext(predicted, compared, model);
        }
        return context;
    }

    private String inferLabel() {
        Set<String> inputs = Set.copyOf(inputColumns());
        List<String> candidates = frame.columnNames().stream().filter(c -> !inputs.contains(c)).collect(Collectors.toList());
        if (candidates.size() != 1) {
            throw new InvalidInputException("Cannot tell the label column of " + dataName() + ": the model "
                    + model.info().name() + " does not read " + (candidates.isEmpty() ? "any of its columns"
                    : "the columns " + String.join(", ", candidates)) + ". Name it with .withLabel(\"column\").");
        }
        return candidates.get(0);
    }

    private List<String> inputColumns() {
        return model.info().features().features().stream().map(FeatureMapping.Feature::column).distinct()
                .collect(Collectors.toList());
    }
}
