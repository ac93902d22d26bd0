package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.compare.DeLongTest;
import dev.assay.core.compare.FlipSlices;
import dev.assay.core.compare.Flips;
import dev.assay.core.compare.McNemarTest;
import dev.assay.core.metrics.Evaluation;
import dev.assay.core.result.Interval;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code assay compare} found, printed as JSON or as text: both models' metrics with the paired
 * bootstrap interval of each difference, the flips and the slices where negative flips concentrate,
 * McNemar's and DeLong's tests.
 */
record ComparisonReport(Header header, Evaluation baseline, Evaluation candidate, Map<String, IntervalEstimate> intervals,
                        IntervalSettings bootstrap, long seed, Flips flips, List<FlipSlices> bySlice, McNemarTest mcnemar,
                        DeLongTest delong) {

    /** What was compared: the file(s), the options as given, the rows and the positive class. */
    record Header(String data, String candidateData, int rows, String label, String positive, String baseline, String candidate,
                  double threshold) {
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("data", header.data());
        if (header.candidateData() != null) {
            root.put("candidate_data", header.candidateData());
        }
        root.put("rows", header.rows());
        root.put("label", header.label());
        root.put("positive", header.positive());
        root.put("baseline", header.baseline());
        root.put("candidate", header.candidate());
        root.put("threshold", header.threshold());
        ObjectNode metrics = root.putObject("metrics");
        intervals.forEach((id, estimate) -> {
            ObjectNode m = metrics.putObject(id);
            m.put("baseline", baseline.metric(id).value());
            m.put("candidate", candidate.metric(id).value());
            m.put("difference", difference(id));
            ObjectNode interval = m.putObject("interval");
            if (estimate.defined()) {
                Interval i = estimate.interval();
                interval.put("lower", i.lower());
                interval.put("upper", i.upper());
                interval.put("level", i.level());
                interval.put("method", i.method());
            } else {
                interval.put("undefined", estimate.undefinedReason());
            }
        });
        ObjectNode b = root.putObject("bootstrap");
        b.put("method", bootstrap.method().id());
        b.put("resamples", bootstrap.resamples());
        b.put("level", bootstrap.level());
        b.put("seed", seed);
        b.put("stratified_by", "label");
        ObjectNode f = root.putObject("flips");
        f.put("baseline_only", flips.baselineOnly());
        f.put("candidate_only", flips.candidateOnly());
        f.put("both_right", flips.bothRight());
        f.put("both_wrong", flips.bothWrong());
        ArrayNode slices = f.putArray("by_slice");
        for (FlipSlices s : bySlice) {
            ObjectNode n = slices.addObject();
            n.put("slice", s.slice().describe());
            n.put("negative_flips", s.flips());
            n.put("rows", s.rows());
            n.put("rate", s.rate());
            n.put("overall_rate", s.overallRate());
            n.put("excess", s.excess());
        }
        ObjectNode mc = root.putObject("mcnemar");
        mc.put("method", mcnemar.method().name().toLowerCase(Locale.ROOT));
        mc.put("statistic", mcnemar.statistic());
        mc.put("p_value", mcnemar.pValue());
        ObjectNode dl = root.putObject("delong");
        dl.put("statistic", delong.z());
        dl.put("p_value", delong.pValue());
        dl.put("difference", delong.difference());
        dl.put("standard_error", delong.standardError());
        dl.put("confidence", delong.confidence());
        dl.put("lower", delong.lower());
        dl.put("upper", delong.upper());
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String text() {
        Map<String, String> lines = new LinkedHashMap<>();
        intervals.forEach((id, estimate) -> lines.put(id, Format.number(baseline.metric(id).value()) + " -> "
                + Format.number(candidate.metric(id).value()) + " (" + signed(difference(id)) + ", " + interval(estimate) + ")"));
        lines.put("flips", flips.baselineOnly() + " rows only the baseline got right, " + flips.candidateOnly()
                + " only the candidate (" + flips.bothRight() + " both right, " + flips.bothWrong() + " both wrong)");
        lines.put("mcnemar", mcnemar.method().name().toLowerCase(Locale.ROOT) + " statistic " + Format.number(mcnemar.statistic())
                + ", p = " + Format.number(mcnemar.pValue()));
        lines.put("delong", "z = " + Format.number(delong.z()) + ", p = " + Format.number(delong.pValue()) + ", AUC difference "
                + signed(delong.difference()) + " (" + Format.number(100 * delong.confidence()) + "% CI " + signed(delong.lower())
                + " to " + signed(delong.upper()) + ")");
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Comparison of %s (baseline) and %s (candidate) on %s (%d rows, positive class '%s', threshold %s)%n",
                header.baseline(), header.candidate(), header.candidateData() == null ? header.data()
                        : header.data() + " and " + header.candidateData(), header.rows(), header.positive(),
                Format.number(header.threshold())));
        out.append(String.format(Locale.ROOT, "Differences are candidate - baseline; %s%% paired %s bootstrap intervals, %d"
                + " resamples stratified by label, seed %d.%n%n", Format.number(100 * bootstrap.level()), bootstrap.method().id(),
                bootstrap.resamples(), seed));
        lines.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-17s %s%n", k, v)));
        if (!bySlice.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nWhere the candidate breaks rows the baseline got right (negative flips,"
                    + " overall rate %s):%n", Format.number(bySlice.get(0).overallRate())));
            for (FlipSlices s : bySlice) {
                out.append(String.format(Locale.ROOT, "  %s: %d of %d rows (rate %s)%n", s.slice().describe(), s.flips(), s.rows(),
                        Format.number(s.rate())));
            }
        }
        return out.toString().stripTrailing();
    }

    private double difference(String id) {
        return candidate.metric(id).value() - baseline.metric(id).value();
    }

    private static String interval(IntervalEstimate e) {
        if (!e.defined()) {
            return "no interval: " + e.undefinedReason();
        }
        return Format.number(100 * e.interval().level()) + "% CI " + signed(e.interval().lower()) + " to "
                + signed(e.interval().upper());
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + Format.number(v);
    }
}
