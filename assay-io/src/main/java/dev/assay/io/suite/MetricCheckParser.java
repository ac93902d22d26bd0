package dev.assay.io.suite;

import dev.assay.core.check.Check;
import dev.assay.core.check.Condition;
import dev.assay.core.checks.MetricCheck;
import dev.assay.core.data.RowFilter;
import dev.assay.core.error.Suggestions;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.MetricCatalog;
import dev.assay.core.metrics.MetricInfo;
import dev.assay.core.metrics.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code type: metric}: {@code metric: recall} or {@code metrics: [recall, f1]} (all metrics of the
 * task when neither is given); {@code evidence: true|false} adds tables and charts (default: on
 * when measuring all metrics). Conditions may only name measured metrics.
 */
final class MetricCheckParser implements CheckParser {

    @Override
    public Set<String> keys() {
        return Set.of("metric", "metrics", "evidence");
    }

    @Override
    public String defaultName(YamlSection entry) {
        List<String> m = metrics(entry);
        return m.isEmpty() ? "Model performance" : String.join(", ", m);
    }

    @Override
    public Check parse(YamlSection entry, String name, EvaluationSettings settings, List<Condition> conditions,
            RowFilter where) {
        List<String> metrics = metrics(entry);
        for (String id : metrics) {
            requireKnown(entry, id, settings.task());
        }
        for (Condition c : conditions) {
            if (!metrics.isEmpty() && !metrics.contains(c.measurement())) {
                throw entry.error(entry.has("fail") ? "fail" : "warn", "the condition '" + c.text() + "' is about '"
                        + c.measurement() + "', which this check does not measure. Add it to 'metrics' or write the condition "
                        + "about one of " + metrics + ".");
            }
        }
        boolean evidence = entry.bool("evidence", metrics.isEmpty());
        return new MetricCheck(name, metrics, settings, where, evidence, conditions);
    }

    /** Rejects a metric id the task (or, when the task is inferred, every task) lacks. */
    private static void requireKnown(YamlSection entry, String id, Task task) {
        List<String> known = task == null
                ? MetricCatalog.all().stream().map(MetricInfo::id).distinct().toList()
                : MetricCatalog.ids(task);
        if (!known.contains(id)) {
            List<String> close = Suggestions.closest(id, known, 2);
            throw entry.error(entry.has("metric") ? "metric" : "metrics", "unknown metric '" + id + "'"
                    + (task == null ? "" : " for a " + task.id() + " task") + "."
                    + (close.isEmpty() ? "" : " Did you mean " + String.join(" or ", close.stream().map(c -> "'" + c + "'").toList()) + "?")
                    + " Known metrics: " + String.join(", ", known) + " ('assay metrics' describes them).");
        }
    }

    private static List<String> metrics(YamlSection entry) {
        if (entry.has("metric") && entry.has("metrics")) {
            throw entry.error("metrics", "give either 'metric' or 'metrics', not both.");
        }
        List<String> out = new ArrayList<>(entry.strings(entry.has("metric") ? "metric" : "metrics"));
        if (out.equals(List.of("all"))) {
            return List.of();
        }
        return out;
    }
}
