package dev.assay.cli;

import dev.assay.core.chart.BarChart;
import dev.assay.core.synth.MarginalChoice;
import dev.assay.core.synth.quality.DistanceToClosestRecord;
import dev.assay.core.synth.quality.DistributionCharts;
import dev.assay.core.synth.quality.QualityReport;
import dev.assay.models.synth.SyntheticUtility;
import dev.assay.report.svg.SvgCharts;
import dev.assay.report.svg.XmlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code assay synth} report as a self-contained HTML page: the scores, real against synthetic distributions
 * of every column ({@link DistributionCharts}), the marginal chosen per numeric column with every candidate's KS
 * statistic, per-column scores and the weakest column pairs.
 */
final class SynthPage {
    /** Column pairs listed, weakest first. */
    private static final int PAIRS = 10;
    private static final String CSS = """
            *{box-sizing:border-box}body{margin:0;color:#1f2328;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
            .wrap{max-width:1180px;margin:0 auto;padding:16px}h1{font-size:24px;margin:0 0 4px}
            h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #d1d9e0}.meta{color:#59636e;margin:0 0 8px;overflow-wrap:anywhere}
            .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,360px),1fr));gap:16px}
            figure{margin:0;border:1px solid #d1d9e0;border-radius:8px;padding:8px}figure svg{display:block;width:100%;height:auto}
            .scroll{overflow-x:auto}table{border-collapse:collapse;font-size:14px;margin:4px 0 12px}
            th,td{border-bottom:1px solid #d1d9e0;padding:3px 8px;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.why{min-width:260px;color:#59636e}
            """;

    private SynthPage() {
    }

    static String html(SynthOutput r) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Synthetic data from ")
                .append(esc(r.data())).append("</title><style>").append(CSS).append("</style></head><body><main class=\"wrap\">");
        sb.append("<h1>Synthetic data</h1><p class=\"meta\">").append(r.rows()).append(" rows written to ").append(esc(r.out()))
                .append(" by a Gaussian copula fitted to ").append(r.copula().fittedRows()).append(" rows of ").append(esc(r.data()))
                .append(", seed ").append(r.seed()).append(r.conditions().isEmpty() ? "" : ", conditions " + esc(r.conditions().toString()))
                .append(".</p>");
        sb.append("<h2>Scores</h2><div class=\"scroll\"><table><tbody>");
        QualityReport q = r.quality();
        DistanceToClosestRecord d = q.dcr();
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("Quality score (mean of the two below)", q.overall());
        scores.put("Column shapes (KSComplement, TVComplement)", q.columnShapes());
        scores.put("Column pair trends (correlation, contingency similarity)", q.columnPairTrends());
        scores.put("New rows (NewRowSynthesis)", q.newRowSynthesis().score());
        scores.put("DCR baseline protection", d.baselineProtection());
        scores.put("DCR overfitting protection" + (r.holdout() == null ? " (needs --holdout)" : ""), d.overfittingProtection());
        SyntheticUtility.Result u = r.utility();
        if (u != null) {
            scores.put("Accuracy, trained on synthetic (" + u.holdoutRows() + " holdout rows)", u.trainOnSynthetic().accuracy());
            scores.put("Accuracy, trained on real", u.trainOnReal().accuracy());
            scores.put("ROC AUC, trained on synthetic", u.trainOnSynthetic().auc());
            scores.put("ROC AUC, trained on real", u.trainOnReal().auc());
        }
        scores.forEach((k, v) -> sb.append("<tr><th>").append(esc(k)).append("</th><td class=\"n\">").append(Format.number(v))
                .append("</td></tr>"));
        sb.append("</tbody></table></div>");
        sb.append("<h2>Real and synthetic distributions</h2><div class=\"charts\">");
        List<BarChart> charts = DistributionCharts.of(r.real(), r.synthetic());
        for (int i = 0; i < charts.size(); i++) {
            sb.append("<figure>").append(SvgCharts.render(charts.get(i), "d" + i)).append("</figure>");
        }
        sb.append("</div><h2>Marginals</h2><p class=\"meta\">One-sample KS statistic of each candidate against the column's"
                + " values; the rule: the best parametric family unless the KS test rejects it at 0.05, then the Gaussian KDE"
                + " unless rejected, then the empirical distribution.</p>");
        List<List<String>> rows = new ArrayList<>();
        for (MarginalChoice c : r.copula().marginals()) {
            StringBuilder ks = new StringBuilder();
            c.ksStatistic().forEach((f, v) -> ks.append(ks.length() > 0 ? ", " : "").append(f).append(' ').append(Format.number(v)));
            c.notFitted().forEach((f, why) -> ks.append(ks.length() > 0 ? ", " : "").append(f).append(": ").append(why));
            rows.add(List.of(c.column(), c.family(), ks.toString(), c.reason()));
        }
        table(sb, List.of("column", "marginal", "KS statistic per candidate", "why"), rows, 3);
        sb.append("<h2>Column scores</h2>");
        rows = new ArrayList<>();
        for (String c : r.real().columnNames()) {
            Double ks = q.ksComplement().get(c);
            rows.add(List.of(c, ks != null ? "KSComplement" : "TVComplement", Format.number(ks != null ? ks : q.tvComplement().get(c))));
        }
        table(sb, List.of("column", "score", "value"), rows, -1);
        sb.append("<h2>Weakest column pairs</h2>");
        Map<String, Double> pairs = new LinkedHashMap<>(q.correlationSimilarity());
        pairs.putAll(q.contingencySimilarity());
        List<List<String>> weakest = new ArrayList<>();
        pairs.entrySet().stream().filter(e -> !Double.isNaN(e.getValue())).sorted(Map.Entry.comparingByValue()).limit(PAIRS)
                .forEach(e -> weakest.add(List.of(e.getKey().replace(",", ", "), q.correlationSimilarity().containsKey(e.getKey())
                        ? "correlation similarity" : "contingency similarity", Format.number(e.getValue()))));
        table(sb, List.of("columns", "score", "value"), weakest, -1);
        return sb.append("</main></body></html>\n").toString();
    }

    private static void table(StringBuilder sb, List<String> head, List<List<String>> rows, int wide) {
        sb.append("<div class=\"scroll\"><table><thead><tr>");
        head.forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                boolean number = i == row.size() - 1 && wide < 0;
                sb.append(number ? "<td class=\"n\">" : i == wide ? "<td class=\"why\">" : "<td>").append(esc(row.get(i))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table></div>");
    }

    private static String esc(String s) {
        return XmlText.escape(s);
    }
}
