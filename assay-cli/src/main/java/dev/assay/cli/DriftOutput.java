package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.drift.ColumnDrift;
import dev.assay.core.drift.DriftReport;
import java.util.Locale;

/**
 * What {@code assay drift} found, as JSON ({@code columns}: name to method, statistic, p-value where
 * the method has one, threshold and drift; {@code not_checked}: name to reason; {@code dataset}: the
 * drifted share and verdict) or as text.
 */
record DriftOutput(String reference, String current, DriftReport report) {

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("reference", reference);
        root.put("current", current);
        root.put("method", report.settings().methodId());
        root.put("fdr", report.settings().fdr());
        ObjectNode columns = root.putObject("columns");
        for (ColumnDrift c : report.columns()) {
            ObjectNode n = columns.putObject(c.column());
            n.put("method", c.methodName());
            n.put("statistic", c.statistic());
            if (c.basis() != null) {
                n.put("basis", c.basis());
                if (!Double.isNaN(c.errorBound())) {
                    n.put("error_bound", c.errorBound());
                }
            }
            if (c.method().hasPValue()) {
                n.put("p_value", c.pValue());
                n.put("adjusted_p_value", c.adjustedP());
                n.put("p_value_method", c.exact() ? "exact" : "asymptotic");
            }
            n.put("effect_size", c.effectSize());
            n.put("effect_size_measure", c.effectName());
            n.put("threshold", c.threshold());
            n.put("drift", c.drift());
            n.put("reference_count", c.referenceCount());
            n.put("current_count", c.currentCount());
        }
        ObjectNode problems = root.putObject("not_checked");
        report.problems().forEach(problems::put);
        ObjectNode dataset = root.putObject("dataset");
        dataset.put("columns", report.columns().size());
        dataset.put("drifted_columns", report.drifted());
        dataset.put("drift_share", report.driftShare());
        dataset.put("drift_share_threshold", report.settings().driftShare());
        dataset.put("drift", report.datasetDrift());
        dataset.put("verdict", verdict());
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String text() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Drift of %s against %s (method %s%s)%n%n", current,
                reference, report.settings().methodId(), report.settings().fdr() ? ", Benjamini-Hochberg adjusted p-values" : ""));
        out.append(String.format(Locale.ROOT, "  %-24s %-20s %12s %12s %12s %10s  %s%n", "column", "method", "statistic",
                "adjusted p", "effect", "threshold", "drift"));
        for (ColumnDrift c : report.columns()) {
            out.append(String.format(Locale.ROOT, "  %-24s %-20s %12s %12s %12s %10s  %s%n", c.column(), c.methodName(),
                    Format.number(c.statistic()), c.method().hasPValue() ? Format.number(c.adjustedP()) : "-",
                    Format.number(c.effectSize()), Format.number(c.threshold()), c.drift() ? "DRIFT" : "no"));
        }
        report.columns().stream().filter(c -> c.basis() != null).map(DriftOutput::basis).distinct()
                .forEach(b -> out.append("  note: ").append(b).append(System.lineSeparator()));
        report.problems().forEach((column, problem) -> out.append(String.format(Locale.ROOT, "  %-24s not checked: %s%n",
                column, problem)));
        out.append(String.format(Locale.ROOT, "%n%s: %d of %d columns drifted (share %s; dataset drift from %s).", verdict(),
                report.drifted(), report.columns().size(), Format.number(report.driftShare()),
                Format.number(report.settings().driftShare())));
        return out.toString();
    }

    /** The basis of a result from a profile, with its error bound where one is stated. */
    private static String basis(ColumnDrift c) {
        String bound = Double.isNaN(c.errorBound()) || c.errorBound() == 0 ? ""
                : "; " + c.method().id() + " statistic within +-" + Format.number(c.errorBound()) + " of the exact one";
        return c.methodName() + " = " + c.basis().substring("from profile".length()).replaceFirst("^[:,] ", "") + bound;
    }

    private String verdict() {
        return report.datasetDrift() ? "Dataset drift" : "No dataset drift";
    }
}
