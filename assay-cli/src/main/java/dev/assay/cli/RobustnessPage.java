package dev.assay.cli;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.BarChart;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import dev.assay.core.robustness.PerturbationEffect;
import dev.assay.core.uncertainty.IntervalEstimate;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.report.svg.SvgCharts;
import dev.assay.report.svg.XmlText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The {@link RobustnessReport} as a self-contained HTML page (robust accuracy against eps, one solid line per attack
 * over all rows and dots among the clean-correct rows; perturbation effects as bars with intervals;
 * example rows with the changed values highlighted) or as Markdown (the same numbers as tables).
 */
final class RobustnessPage {
    private static final String CSS = """
            *{box-sizing:border-box}body{margin:0;color:#1f2328;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
            .wrap{max-width:1180px;margin:0 auto;padding:16px}h1{font-size:24px;margin:0 0 4px;overflow-wrap:anywhere}
            h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #d1d9e0}h3{font-size:16px;margin:18px 0 6px}
            .meta{color:#59636e;margin:0 0 8px;overflow-wrap:anywhere}
            .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,440px),1fr));gap:16px}
            figure{margin:0;border:1px solid #d1d9e0;border-radius:8px;padding:8px}figure svg{display:block;width:100%;height:auto}
            figcaption{color:#59636e;font-size:13px}.scroll{overflow-x:auto}
            table{border-collapse:collapse;font-size:14px;margin:4px 0 12px}th,td{border-bottom:1px solid #d1d9e0;padding:3px 8px;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}mark{background:#fff3b0;border-radius:3px;padding:0 2px}
            .before{color:#59636e;text-decoration:line-through}td.row{white-space:nowrap}ul.notes{color:#59636e;font-size:14px}
            """;

    private RobustnessPage() {
    }

    static String html(RobustnessReport r) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Robustness of ")
                .append(esc(r.model)).append("</title><style>").append(CSS).append("</style></head><body><main class=\"wrap\">");
        sb.append("<h1>Robustness</h1><p class=\"meta\">Model ").append(esc(r.model)).append(" on ").append(esc(r.data)).append(": ")
                .append(r.rows).append(" rows, label ").append(esc(r.label)).append(", positive class ").append(esc(r.positive))
                .append(".</p><div class=\"charts\">");
        if (!r.attacks.isEmpty()) {
            figure(sb, SvgCharts.render(accuracyChart(r), "acc"), "Solid: robust accuracy over all rows (clean errors count as "
                    + "errors, as Foolbox). Dots: among the rows predicted correctly before the attack (as ART).");
        }
        if (!r.perturbations.isEmpty()) {
            figure(sb, SvgCharts.render(effectChart(r)), "Bars: estimate; whiskers: 95% intervals (paired bootstrap for the drop, "
                    + "Wilson for the flip rate, bootstrap for the score change).");
        }
        sb.append("</div>");
        if (!r.attacks.isEmpty()) {
            sb.append("<h2>Attacks</h2><p class=\"meta\">Robust accuracy at each eps over all rows and, in brackets, among "
                    + "the rows predicted correctly before the attack. Success rate: share of those rows fooled at some eps.</p>");
            table(sb, attackTable(r));
        }
        if (!r.perturbations.isEmpty()) {
            sb.append("<h2>Perturbations</h2>");
            table(sb, perturbationTable(r));
        }
        sb.append("<h2>Example rows before and after</h2>");
        for (RobustnessReport.Attack a : r.attacks) {
            examples(sb, a.name(), r.examples(a));
        }
        for (PerturbationEffect e : r.perturbations) {
            examples(sb, e.perturbation(), RobustnessReport.examples(e));
        }
        if (!r.notes.isEmpty()) {
            sb.append("<ul class=\"notes\">");
            r.notes.forEach(n -> sb.append("<li>").append(esc(n)).append("</li>"));
            sb.append("</ul>");
        }
        return sb.append("</main></body></html>\n").toString();
    }

    static String markdown(RobustnessReport r) {
        StringBuilder sb = new StringBuilder("# Robustness\n\nModel `").append(r.model).append("` on `").append(r.data).append("`: ")
                .append(r.rows).append(" rows, label `").append(r.label).append("`, positive class `").append(r.positive).append("`.\n");
        if (!r.attacks.isEmpty()) {
            sb.append("\n## Attacks\n\nRobust accuracy over all rows (as Foolbox) and, in brackets, among clean-correct rows (as ART).\n\n");
            mdTable(sb, attackTable(r));
        }
        if (!r.perturbations.isEmpty()) {
            sb.append("\n## Perturbations\n\nEstimates with 95% intervals.\n\n");
            mdTable(sb, perturbationTable(r));
        }
        sb.append("\n## Example rows before and after\n");
        List<List<RobustnessReport.Example>> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        r.attacks.forEach(a -> {
            names.add(a.name());
            all.add(r.examples(a));
        });
        r.perturbations.forEach(e -> {
            names.add(e.perturbation());
            all.add(RobustnessReport.examples(e));
        });
        for (int i = 0; i < names.size(); i++) {
            sb.append("\n### ").append(names.get(i)).append("\n\n");
            if (all.get(i).isEmpty()) {
                sb.append("No row changed its prediction.\n");
                continue;
            }
            sb.append("| row | changes (before → **after**) | score before | score after |\n|---|---|---:|---:|\n");
            for (RobustnessReport.Example x : all.get(i)) {
                List<String> parts = x.changes().stream().map(c -> c.column() + ": " + md(c.before()) + " → **" + md(c.after()) + "**").toList();
                sb.append("| ").append(x.row()).append(x.budget() == null ? "" : " (eps " + x.budget() + ")").append(" | ")
                        .append(String.join("; ", parts)).append(" | ").append(score(x.scoreBefore())).append(" | ")
                        .append(score(x.scoreAfter())).append(" |\n");
            }
        }
        r.notes.forEach(n -> sb.append("\n> ").append(n).append('\n'));
        return sb.toString();
    }

    private static XYChart accuracyChart(RobustnessReport r) {
        double[] eps = r.attacks.get(0).result().results().stream().mapToDouble(e -> e.eps()).toArray();
        int[] order = IntStream.range(0, eps.length).boxed().sorted((a, b) -> Double.compare(eps[a], eps[b])).mapToInt(i -> i).toArray();
        double[] x = Arrays.stream(order).mapToDouble(i -> eps[i]).toArray();
        List<Series> series = new ArrayList<>();
        for (RobustnessReport.Attack a : r.attacks) {
            series.add(new Series(a.name() + ", all rows", x, Arrays.stream(order)
                    .mapToDouble(b -> RobustnessReport.robustAccuracy(a, b, false)).toArray(), Series.Style.LINE));
            series.add(new Series(a.name() + ", clean-correct rows", x, Arrays.stream(order)
                    .mapToDouble(b -> RobustnessReport.robustAccuracy(a, b, true)).toArray(), Series.Style.POINTS));
        }
        String unit = r.attacks.get(0).result().settings().rawScale() ? "raw units" : "standard deviations";
        return new XYChart("Robust accuracy against eps", "eps in " + unit, Axis.auto("eps"), Axis.unit("robust accuracy"), series);
    }

    private static BarChart effectChart(RobustnessReport r) {
        List<String> names = r.perturbations.stream().map(PerturbationEffect::perturbation).toList();
        List<double[]> values = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        List<double[]> upper = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            double[] v = new double[names.size()];
            double[] lo = new double[names.size()];
            double[] hi = new double[names.size()];
            for (int i = 0; i < v.length; i++) {
                PerturbationEffect e = r.perturbations.get(i);
                IntervalEstimate ci = s == 0 ? e.dropInterval() : s == 1 ? e.flips().flipRateInterval(IntervalSettings.DEFAULT_LEVEL)
                        : e.meanAbsScoreChangeInterval();
                v[i] = s == 0 ? e.drop() : s == 1 ? e.flips().flipRate() : e.flips().meanAbsChange();
                lo[i] = ci != null && ci.defined() ? ci.interval().lower() : Double.NaN;
                hi[i] = ci != null && ci.defined() ? ci.interval().upper() : Double.NaN;
            }
            values.add(v);
            lower.add(lo);
            upper.add(hi);
        }
        String metric = r.perturbations.get(0).metric();
        return new BarChart("Perturbation effects", "metric drop, flip rate and mean absolute score change", "effect", names,
                List.of(metric + " drop", "flip rate", "mean |score change|"), values, lower, upper);
    }

    private static List<List<String>> attackTable(RobustnessReport r) {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("attack", "clean accuracy"));
        r.eps.forEach(e -> head.add("eps " + e));
        head.addAll(List.of("success rate", "mean minimal perturbation", "model calls"));
        rows.add(head);
        for (RobustnessReport.Attack a : r.attacks) {
            List<String> row = new ArrayList<>(List.of(a.name() + " (" + a.result().settings().norm().name().toLowerCase(Locale.ROOT) + ")",
                    score(a.result().cleanAccuracy())));
            for (int b = 0; b < r.eps.size(); b++) {
                row.add(score(RobustnessReport.robustAccuracy(a, b, false)) + " (" + score(RobustnessReport.robustAccuracy(a, b, true)) + ")");
            }
            row.add(score(RobustnessReport.successRate(a.result())));
            row.add(score(a.result().meanMinimalPerturbation()));
            row.add(Long.toString(a.result().calls()));
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> perturbationTable(RobustnessReport r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("perturbation", r.perturbations.get(0).metric() + " drop", "flip rate", "mean |score change|", "changed rows"));
        for (PerturbationEffect e : r.perturbations) {
            rows.add(List.of(e.perturbation(), RobustnessReport.withInterval(e.drop(), e.dropInterval()),
                    RobustnessReport.withInterval(e.flips().flipRate(), e.flips().flipRateInterval(IntervalSettings.DEFAULT_LEVEL)),
                    RobustnessReport.withInterval(e.flips().meanAbsChange(), e.meanAbsScoreChangeInterval()),
                    Integer.toString(e.changedRows())));
        }
        return rows;
    }

    private static void mdTable(StringBuilder sb, List<List<String>> rows) {
        sb.append("| ").append(String.join(" | ", rows.get(0).stream().map(RobustnessPage::md).toList())).append(" |\n|---").append("|---:".repeat(rows.get(0).size() - 1))
                .append("|\n");
        rows.subList(1, rows.size()).forEach(row -> sb.append("| ").append(String.join(" | ", row.stream().map(RobustnessPage::md)
                .toList())).append(" |\n"));
    }

    private static void figure(StringBuilder sb, String svg, String caption) {
        sb.append("<figure>").append(svg).append("<figcaption>").append(esc(caption)).append("</figcaption></figure>");
    }

    private static void table(StringBuilder sb, List<List<String>> rows) {
        sb.append("<div class=\"scroll\"><table><thead><tr>");
        rows.get(0).forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows.subList(1, rows.size())) {
            sb.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                sb.append(c > 0 ? "<td class=\"n\">" : "<td>").append(esc(row.get(c))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table></div>");
    }

    private static void examples(StringBuilder sb, String name, List<RobustnessReport.Example> examples) {
        sb.append("<h3>").append(esc(name)).append("</h3>");
        if (examples.isEmpty()) {
            sb.append("<p class=\"meta\">No row changed its prediction.</p>");
            return;
        }
        sb.append("<div class=\"scroll\"><table><thead><tr><th>row</th><th>column</th><th>before</th><th>after</th>"
                + "<th>score</th></tr></thead><tbody>");
        for (RobustnessReport.Example x : examples) {
            int span = Math.max(x.changes().size(), 1);
            String row = esc(x.row()) + (x.budget() == null ? "" : "<br>eps " + esc(x.budget()));
            String score = score(x.scoreBefore()) + " → " + score(x.scoreAfter());
            for (int c = 0; c < span; c++) {
                sb.append("<tr>");
                if (c == 0) {
                    sb.append("<td class=\"row\" rowspan=\"").append(span).append("\">").append(row).append("</td>");
                }
                if (x.changes().isEmpty()) {
                    sb.append("<td colspan=\"3\">(no value changed after rounding)</td>");
                } else {
                    RobustnessReport.Change ch = x.changes().get(c);
                    sb.append("<td>").append(esc(ch.column())).append("</td><td class=\"n before\">").append(esc(ch.before()))
                            .append("</td><td class=\"n\"><mark>").append(esc(ch.after())).append("</mark></td>");
                }
                if (c == 0) {
                    sb.append("<td class=\"n row\" rowspan=\"").append(span).append("\">").append(score).append("</td>");
                }
                sb.append("</tr>");
            }
        }
        sb.append("</tbody></table></div>");
    }

    private static String score(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String esc(String s) {
        return s == null ? "(missing)" : XmlText.escape(s);
    }

    private static String md(String s) {
        return s == null ? "(missing)" : s.replace("|", "\\|");
    }
}
