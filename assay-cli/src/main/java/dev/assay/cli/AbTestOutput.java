package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.abtest.AbTestObservations;
import dev.assay.core.abtest.AbTestResult;
import dev.assay.core.abtest.Cuped;
import dev.assay.core.abtest.MannWhitney;
import dev.assay.core.abtest.MeanComparison;
import dev.assay.core.abtest.MetricResult;
import dev.assay.core.abtest.MixtureSprt;
import dev.assay.core.abtest.SampleRatioMismatch;
import dev.assay.core.check.Observations;
import dev.assay.core.result.AssayVersion;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.DatasetInfo;
import dev.assay.core.result.Provenance;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.report.HtmlReportWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code assay abtest} found: JSON ({@code metrics} per column, {@code srm}, {@code corrections},
 * {@code decision}), text, Markdown, or the HTML report page.
 */
record AbTestOutput(String data, String variant, String covariate, AbTestResult result, Duration took) {

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data);
        root.put("variant", variant);
        root.put("control", result.data().control());
        root.put("treatment", result.data().treatment());
        root.put("alpha", result.settings().alpha());
        ObjectNode rows = root.putObject("rows");
        rows.put("control", result.data().controlCount());
        rows.put("treatment", result.data().treatmentCount());
        rows.put("other_variants_left_out", result.data().otherVariantRows());
        rows.put("missing_left_out", result.data().missingRows());
        ObjectNode metrics = root.putObject("metrics");
        result.metrics().forEach(m -> metric(metrics.putObject(m.metric()), m));
        SampleRatioMismatch srm = result.srm();
        ObjectNode s = root.putObject("srm");
        s.put("statistic", srm.statistic());
        s.put("p_value", srm.pValue());
        s.put("threshold", SampleRatioMismatch.THRESHOLD);
        s.put("mismatch", srm.mismatch());
        ArrayNode shares = s.putArray("expected_shares");
        for (double v : srm.expectedShares()) {
            shares.add(v);
        }
        ArrayNode observed = s.putArray("observed");
        for (long v : srm.observed()) {
            observed.add(v);
        }
        ObjectNode corrections = root.putObject("corrections");
        ObjectNode holm = corrections.putObject("holm");
        ObjectNode bh = corrections.putObject("fdr_bh");
        result.metrics().forEach(m -> {
            holm.put(m.metric(), m.holm());
            bh.put(m.metric(), m.fdrBh());
        });
        ObjectNode decision = root.putObject("decision");
        decision.put("outcome", result.decision().outcome());
        decision.put("reason", result.decision().reason());
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void metric(ObjectNode n, MetricResult m) {
        MeanComparison c = m.comparison();
        n.put("test", c.test());
        n.put("control_count", c.controlCount());
        n.put("treatment_count", c.treatmentCount());
        n.put("control_mean", c.controlMean());
        n.put("treatment_mean", c.treatmentMean());
        n.put("difference", c.difference());
        n.put("ci_low", c.ciLow());
        n.put("ci_high", c.ciHigh());
        n.put("interval", c.interval());
        n.put("statistic", c.statistic());
        if (!Double.isNaN(c.degreesOfFreedom())) {
            n.put("degrees_of_freedom", c.degreesOfFreedom());
        }
        n.put("p_value", c.pValue());
        ObjectNode rel = n.putObject("relative_lift");
        number(rel, "value", c.relative().value());
        number(rel, "ci_low", c.relative().ciLow());
        number(rel, "ci_high", c.relative().ciHigh());
        rel.put("interval", "delta_method");
        n.put("holm_p_value", m.holm());
        n.put("fdr_bh_p_value", m.fdrBh());
        n.put("guardrail", m.guardrail());
        n.put("higher_is_better", !m.lowerIsBetter());
        MannWhitney mw = m.mannWhitney();
        if (mw != null) {
            ObjectNode w = n.putObject("mann_whitney");
            w.put("u_statistic", mw.uStatistic());
            w.put("probability_of_superiority", mw.probabilityOfSuperiority());
            w.put("p_value", mw.pValue());
            w.put("method", mw.method());
        }
        Cuped cu = m.cuped();
        if (cu != null) {
            ObjectNode w = n.putObject("cuped");
            w.put("covariate", covariate);
            w.put("theta", cu.theta());
            w.put("difference", cu.adjusted().difference());
            w.put("ci_low", cu.adjusted().ciLow());
            w.put("ci_high", cu.adjusted().ciHigh());
            w.put("p_value", cu.adjusted().pValue());
            w.put("variance_reduction", cu.varianceReduction());
        }
        MixtureSprt.Sequence seq = m.sequential();
        if (seq != null) {
            ObjectNode w = n.putObject("sequential");
            w.put("method", "msprt_normal_mixture");
            number(w, "tau_squared", seq.tauSquared());
            w.put("tau_squared_per_variance", seq.standardisedTauSquared());
            ArrayNode looks = w.putArray("looks");
            for (MixtureSprt.Look l : seq.looks()) {
                ObjectNode o = looks.addObject();
                o.put("look", l.look());
                o.put("control_count", l.controlCount());
                o.put("treatment_count", l.treatmentCount());
                number(o, "difference", l.difference());
                o.put("p_value", l.pValue());
                number(o, "ci_low", l.ciLow());
                number(o, "ci_high", l.ciHigh());
            }
        }
    }

    /** A number, or null when it is not finite (an interval not yet bounded, an undefined lift). */
    private static void number(ObjectNode n, String name, double v) {
        if (Double.isFinite(v)) {
            n.put(name, v);
        } else {
            n.putNull(name);
        }
    }

    String text() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "A/B test of %s: %s (%d rows) vs %s (%d rows), alpha %s%n",
                data, result.data().treatment(), result.data().treatmentCount(), result.data().control(),
                result.data().controlCount(), Format.number(result.settings().alpha())));
        leftOut(sb);
        sb.append(String.format(Locale.ROOT, "%n  %-20s %-16s %12s %12s %12s %26s %10s %10s %10s%n", "metric", "test", "control",
                "treatment", "difference", "interval", "lift", "p-value", "Holm p"));
        for (MetricResult m : result.metrics()) {
            MeanComparison c = m.comparison();
            sb.append(String.format(Locale.ROOT, "  %-20s %-16s %12s %12s %12s %26s %10s %10s %10s%n",
                    m.metric() + (m.guardrail() ? " (g)" : ""), c.test(), Format.number(c.controlMean()),
                    Format.number(c.treatmentMean()), Format.number(c.difference()),
                    "[" + Format.number(c.ciLow()) + ", " + Format.number(c.ciHigh()) + "]", percent(c.relative().value()),
                    Format.number(c.pValue()), Format.number(m.holm())));
        }
        for (MetricResult m : result.metrics()) {
            if (m.mannWhitney() != null) {
                sb.append(String.format(Locale.ROOT, "  %s: Mann-Whitney U %s, P(T > C) %s, p %s%n", m.metric(),
                        Format.number(m.mannWhitney().uStatistic()), Format.number(m.mannWhitney().probabilityOfSuperiority()),
                        Format.number(m.mannWhitney().pValue())));
            }
            if (m.cuped() != null) {
                MeanComparison a = m.cuped().adjusted();
                sb.append(String.format(Locale.ROOT, "  %s: CUPED (%s, theta %s) difference %s [%s, %s], p %s,"
                        + " variance of the difference reduced by %s%n",
                        m.metric(), covariate, Format.number(m.cuped().theta()), Format.number(a.difference()),
                        Format.number(a.ciLow()), Format.number(a.ciHigh()), Format.number(a.pValue()),
                        String.format(Locale.ROOT, "%.2f%%", 100 * m.cuped().varianceReduction())));
            }
            if (m.sequential() != null) {
                List<MixtureSprt.Look> looks = m.sequential().looks();
                MixtureSprt.Look last = looks.get(looks.size() - 1);
                sb.append(String.format(Locale.ROOT, "  %s: sequential (mSPRT, tau^2 %s) after %d looks p %s, interval [%s, %s]%n",
                        m.metric(), Format.number(m.sequential().tauSquared()), looks.size(), Format.number(last.pValue()),
                        Format.number(last.ciLow()), Format.number(last.ciHigh())));
            }
        }
        SampleRatioMismatch srm = result.srm();
        sb.append(String.format(Locale.ROOT, "%n  Sample ratio: chi-square %s, p %s%s%n", Format.number(srm.statistic()),
                Format.number(srm.pValue()), srm.mismatch() ? "  MISMATCH" : ""));
        sb.append(String.format(Locale.ROOT, "%n%s: %s", result.decision().outcome(), result.decision().reason()));
        return sb.toString();
    }

    private void leftOut(StringBuilder sb) {
        if (result.data().otherVariantRows() > 0) {
            sb.append("  ").append(result.data().otherVariantRows()).append(" rows of other variants left out\n");
        }
        if (result.data().missingRows() > 0) {
            sb.append("  ").append(result.data().missingRows()).append(" rows with a missing value left out (--drop-missing)\n");
        }
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%+.2f%%", 100 * v);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("## A/B test: ").append(md(result.data().treatment())).append(" vs ")
                .append(md(result.data().control())).append("\n\n");
        sb.append(String.format(Locale.ROOT, "%s, %d treatment and %d control rows, alpha %s.%n%n", md(data),
                result.data().treatmentCount(), result.data().controlCount(), Format.number(result.settings().alpha())));
        sb.append("| metric | test | control | treatment | difference | interval | relative lift | p-value | Holm p |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (MetricResult m : result.metrics()) {
            MeanComparison c = m.comparison();
            sb.append("| ").append(md(m.metric())).append(m.guardrail() ? " (guardrail)" : "").append(" | ").append(md(c.test()))
                    .append(" | ").append(Format.number(c.controlMean())).append(" | ").append(Format.number(c.treatmentMean()))
                    .append(" | ").append(Format.number(c.difference())).append(" | [").append(Format.number(c.ciLow()))
                    .append(", ").append(Format.number(c.ciHigh())).append("] | ").append(percent(c.relative().value()))
                    .append(" | ").append(Format.number(c.pValue())).append(" | ").append(Format.number(m.holm())).append(" |\n");
        }
        SampleRatioMismatch srm = result.srm();
        sb.append(String.format(Locale.ROOT, "%nSample ratio: chi-square %s, p %s%s.%n%n**%s**: %s%n",
                Format.number(srm.statistic()), Format.number(srm.pValue()), srm.mismatch() ? " (**mismatch**)" : "",
                md(result.decision().outcome()), md(result.decision().reason())));
        return sb.toString();
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("_", "\\_").replace("*", "\\*");
    }

    String html(DatasetInfo info) {
        Observations obs = AbTestObservations.of(result);
        String outcome = result.decision().outcome();
        Status status = outcome.equals("stop_guardrail") || outcome.equals("invalid_sample_ratio") ? Status.FAIL : Status.PASS;
        CheckResult check = new CheckResult("A/B test of " + String.join(", ", result.data().metrics().keySet()), "ab_test",
                status, obs.summary(), obs.measurements(), List.of(), obs.tables(), obs.charts(), obs.notes(), took);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("variant", variant);
        settings.put("control", result.data().control());
        settings.put("treatment", result.data().treatment());
        settings.put("alpha", Double.toString(result.settings().alpha()));
        settings.put("expected_split", result.settings().expectedSplit().toString());
        if (covariate != null) {
            settings.put("covariate", covariate);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        Provenance provenance = new Provenance(AssayVersion.current(), Instant.now(), List.of(info), settings, Map.of(),
                environment);
        return new HtmlReportWriter().render(new SuiteResult("A/B test: " + result.data().treatment() + " vs "
                + result.data().control(), result.decision().reason(), List.of(check), provenance, took));
    }
}
