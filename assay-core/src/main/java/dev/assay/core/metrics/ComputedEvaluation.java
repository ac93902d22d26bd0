package dev.assay.core.metrics;

import dev.assay.core.result.ConfusionCounts;
import java.util.Optional;

import dev.assay.core.chart.Chart;
import dev.assay.core.result.EvidenceTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The immutable {@link Evaluation} built by {@link Evaluator}: every catalogue metric of the task has a value. */
final class ComputedEvaluation implements Evaluation {
    private final Task task;
    private final long rows;
    private final Map<String, MetricValue> values;
    private final List<String> notes;
    private final List<String> problems;
    private final List<EvidenceTable> tables;
    private final List<Chart> charts;
    private final ConfusionCounts confusion;
    private final List<MulticlassMetrics.ClassReport> perClass;
    private final BinaryScores binaryScores;
    private final BinaryOutcomes binaryOutcomes;

    ComputedEvaluation(Task task, long rows, Map<String, MetricValue> values, List<String> notes, List<String> problems,
            List<EvidenceTable> tables, List<Chart> charts) {
        this(task, rows, values, notes, problems, tables, charts, null, List.of());
    }

    /**
     * @param confusion the confusion matrix; null when no predicted classes were evaluated
     * @param perClass precision, recall and F1 of each class; empty when no predicted classes were evaluated
     */
    ComputedEvaluation(Task task, long rows, Map<String, MetricValue> values, List<String> notes, List<String> problems,
            List<EvidenceTable> tables, List<Chart> charts, ConfusionCounts confusion, List<MulticlassMetrics.ClassReport> perClass) {
        this(task, rows, values, notes, problems, tables, charts, confusion, perClass, null);
    }

    /** @param binaryScores the rows' classes and scores of a binary task with scores; null otherwise */
    ComputedEvaluation(Task task, long rows, Map<String, MetricValue> values, List<String> notes, List<String> problems,
            List<EvidenceTable> tables, List<Chart> charts, ConfusionCounts confusion, List<MulticlassMetrics.ClassReport> perClass,
            BinaryScores binaryScores) {
        this(task, rows, values, notes, problems, tables, charts, confusion, perClass, binaryScores, null);
    }

    /** @param binaryOutcomes the rows' classes and predicted classes of a binary task; null otherwise */
    ComputedEvaluation(Task task, long rows, Map<String, MetricValue> values, List<String> notes, List<String> problems,
            List<EvidenceTable> tables, List<Chart> charts, ConfusionCounts confusion, List<MulticlassMetrics.ClassReport> perClass,
            BinaryScores binaryScores, BinaryOutcomes binaryOutcomes) {
        this.binaryScores = binaryScores;
        this.binaryOutcomes = binaryOutcomes;
        this.confusion = confusion;
        this.perClass = List.copyOf(perClass);
        this.task = task;
        this.rows = rows;
        Map<String, MetricValue> ordered = new LinkedHashMap<>();
        for (String id : MetricCatalog.ids(task)) {
            MetricValue v = values.get(id);
            if (v == null) {
                throw new IllegalStateException("no value computed for metric '" + id + "'");
            }
            ordered.put(id, v);
        }
        this.values = java.util.Collections.unmodifiableMap(ordered);
        this.notes = List.copyOf(notes);
        this.problems = List.copyOf(problems);
        this.tables = List.copyOf(tables);
        this.charts = List.copyOf(charts);
    }

    /** This evaluation with the rows it was computed from, for checks defined row by row. */
    ComputedEvaluation withRows(BinaryScores scores, BinaryOutcomes outcomes) {
        return new ComputedEvaluation(task, rows, values, notes, problems, tables, charts, confusion, perClass, scores, outcomes);
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public List<String> metricIds() {
        return List.copyOf(values.keySet());
    }

    @Override
    public MetricValue metric(String id) {
        MetricValue v = values.get(id);
        if (v == null) {
            throw new UnknownMetricException(id, task, metricIds());
        }
        return v;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public List<String> problems() {
        return problems;
    }

    @Override
    public List<MulticlassMetrics.ClassReport> perClass() {
        return perClass;
    }

    @Override
    public Optional<ConfusionCounts> confusionMatrix() {
        return Optional.ofNullable(confusion);
    }

    @Override
    public List<EvidenceTable> tables() {
        return tables;
    }

    @Override
    public List<Chart> charts() {
        return charts;
    }

    @Override
    public Optional<BinaryScores> binaryScores() {
        return Optional.ofNullable(binaryScores);
    }

    @Override
    public Optional<BinaryOutcomes> binaryOutcomes() {
        return Optional.ofNullable(binaryOutcomes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Evaluation[").append(task.id()).append(", rows=").append(rows);
        values.forEach((id, v) -> sb.append(", ").append(id).append('=').append(v.value()));
        return sb.append(']').toString();
    }
}
