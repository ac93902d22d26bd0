package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.data.Frame;
import dev.assay.core.synth.CategoricalModel;
import dev.assay.core.synth.CopulaColumn;
import dev.assay.core.synth.GaussianCopula;
import dev.assay.core.synth.MarginalChoice;
import dev.assay.core.synth.NumericModel;
import dev.assay.core.synth.quality.DistanceToClosestRecord;
import dev.assay.core.synth.quality.QualityReport;
import dev.assay.models.synth.SyntheticUtility;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code assay synth} did, as JSON or text. JSON members: {@code data}, {@code out}, {@code rows}, {@code seed},
 * {@code conditions}; {@code columns} (per column: {@code type}, and for numeric ones {@code marginal},
 * {@code parameters}, {@code ks_statistic} and {@code ks_p_value} per candidate, {@code not_fitted}, {@code reason},
 * {@code integer}, {@code missing_share}); {@code correlation_repaired}; the quality report: {@code ks_complement} and
 * {@code tv_complement} (column to score), {@code correlation_similarity} and {@code contingency_similarity}
 * (means; {@code *_pairs}: "a,b" to score), {@code column_shapes}, {@code column_pair_trends}, {@code quality_score},
 * {@code new_row_synthesis}, {@code new_rows}, {@code matched_rows}, {@code dcr} ({@code rows_compared},
 * {@code median_synthetic}, {@code median_random}, {@code baseline_protection}, {@code closer_to_training},
 * {@code overfitting_protection}); and {@code utility} (or null). Undefined numbers are null.
 */
record SynthOutput(String data, String out, String holdout, int rows, long seed, Map<String, String> conditions,
        GaussianCopula copula, QualityReport quality, SyntheticUtility.Result utility, Frame real, Frame synthetic) {

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data);
        root.put("out", out);
        root.put("rows", rows);
        root.put("seed", seed);
        root.put("fitted_rows", copula.fittedRows());
        ObjectNode cond = root.putObject("conditions");
        conditions.forEach(cond::put);
        ObjectNode columns = root.putObject("columns");
        for (CopulaColumn c : copula.columns()) {
            ObjectNode n = columns.putObject(c.name());
            if (c instanceof NumericModel m) {
                MarginalChoice choice = m.choice();
                n.put("type", "numeric");
                n.put("marginal", choice.family());
                put(n.putObject("parameters"), choice.marginal().parameters());
                put(n.putObject("ks_statistic"), choice.ksStatistic());
                put(n.putObject("ks_p_value"), choice.ksPValue());
                ObjectNode notFitted = n.putObject("not_fitted");
                choice.notFitted().forEach(notFitted::put);
                n.put("reason", choice.reason());
                n.put("integer", m.integer());
                n.put("missing_share", m.missingShare());
            } else {
                n.put("type", "categorical");
                n.put("categories", ((CategoricalModel) c).levels().size());
            }
        }
        root.put("correlation_repaired", copula.repaired());
        put(root.putObject("ks_complement"), quality.ksComplement());
        put(root.putObject("tv_complement"), quality.tvComplement());
        number(root, "correlation_similarity", quality.meanCorrelationSimilarity());
        put(root.putObject("correlation_similarity_pairs"), quality.correlationSimilarity());
        number(root, "contingency_similarity", quality.meanContingencySimilarity());
        put(root.putObject("contingency_similarity_pairs"), quality.contingencySimilarity());
        number(root, "column_shapes", quality.columnShapes());
        number(root, "column_pair_trends", quality.columnPairTrends());
        number(root, "quality_score", quality.overall());
        number(root, "new_row_synthesis", quality.newRowSynthesis().score());
        root.put("new_rows", quality.newRowSynthesis().newRows());
        root.put("matched_rows", quality.newRowSynthesis().matchedRows());
        DistanceToClosestRecord d = quality.dcr();
        ObjectNode dcr = root.putObject("dcr");
        dcr.put("rows_compared", d.rowsCompared());
        number(dcr, "median_synthetic", d.medianSynthetic());
        number(dcr, "median_random", d.medianRandom());
        number(dcr, "baseline_protection", d.baselineProtection());
        number(dcr, "closer_to_training", d.closerToTraining());
        number(dcr, "overfitting_protection", d.overfittingProtection());
        if (utility == null) {
            root.putNull("utility");
        } else {
            ObjectNode u = root.putObject("utility");
            u.put("label", utility.label());
            u.put("positive_class", utility.positiveClass());
            u.put("holdout_rows", utility.holdoutRows());
            u.put("model", "tribuo logistic regression");
            score(u.putObject("train_on_synthetic"), utility.trainOnSynthetic());
            score(u.putObject("train_on_real"), utility.trainOnReal());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String text() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Wrote %d synthetic rows to %s (Gaussian copula fitted to %d"
                + " rows of %s, seed %d)%n", rows, out, copula.fittedRows(), data, seed));
        if (!conditions.isEmpty()) {
            sb.append("  conditions: ").append(conditions).append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "%nMarginals of the numeric columns%n"));
        for (MarginalChoice c : copula.marginals()) {
            sb.append(String.format(Locale.ROOT, "  %-20s %-13s %s%n", c.column(), c.family(), c.reason()));
        }
        if (copula.repaired()) {
            sb.append("  The correlation of normal scores was not positive definite and was repaired (Higham's nearest"
                    + " correlation matrix).").append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "%nQuality (SDMetrics' definitions, 1 is best)%n"));
        quality.ksComplement().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-20s KSComplement %s%n", k, Format.number(v))));
        quality.tvComplement().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-20s TVComplement %s%n", k, Format.number(v))));
        sb.append(String.format(Locale.ROOT, "  column shapes %s, correlation similarity %s, contingency similarity %s,"
                + " column pair trends %s, quality %s%n", Format.number(quality.columnShapes()),
                Format.number(quality.meanCorrelationSimilarity()), Format.number(quality.meanContingencySimilarity()),
                Format.number(quality.columnPairTrends()), Format.number(quality.overall())));
        DistanceToClosestRecord d = quality.dcr();
        sb.append(String.format(Locale.ROOT, "%nPrivacy%n  new rows %s (%d of %d match a real row within 1%%)%n",
                Format.number(quality.newRowSynthesis().score()), quality.newRowSynthesis().matchedRows(), rows));
        sb.append(String.format(Locale.ROOT, "  DCR median %s vs %s for random rows: baseline protection %s (%d rows compared)%n",
                Format.number(d.medianSynthetic()), Format.number(d.medianRandom()), Format.number(d.baselineProtection()),
                d.rowsCompared()));
        sb.append(Double.isNaN(d.overfittingProtection()) ? "  DCR overfitting protection: give --holdout to measure it"
                + System.lineSeparator() : String.format(Locale.ROOT, "  DCR overfitting protection %s (%s of synthetic rows closer"
                + " to the training rows than to the holdout)%n", Format.number(d.overfittingProtection()),
                Format.number(d.closerToTraining())));
        if (utility != null) {
            sb.append(String.format(Locale.ROOT, "%nUtility (logistic regression, tested on %d holdout rows, label %s)%n",
                    utility.holdoutRows(), utility.label()));
            sb.append(String.format(Locale.ROOT, "  train on synthetic: accuracy %s, ROC AUC %s%n",
                    Format.number(utility.trainOnSynthetic().accuracy()), Format.number(utility.trainOnSynthetic().auc())));
            sb.append(String.format(Locale.ROOT, "  train on real:      accuracy %s, ROC AUC %s%n",
                    Format.number(utility.trainOnReal().accuracy()), Format.number(utility.trainOnReal().auc())));
        }
        return sb.toString();
    }

    private static void score(ObjectNode n, SyntheticUtility.Score s) {
        number(n, "accuracy", s.accuracy());
        number(n, "roc_auc", s.auc());
        number(n, "roc_auc_lower", s.aucLower());
        number(n, "roc_auc_upper", s.aucUpper());
    }

    private static void put(ObjectNode n, Map<String, Double> values) {
        values.forEach((k, v) -> number(n, k, v));
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isNaN(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }
}
