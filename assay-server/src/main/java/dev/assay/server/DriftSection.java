package dev.assay.server;

import java.util.List;

/**
 * The columns that drifted in the verdict's window, the most drifted first, with the test's statistic, the
 * Benjamini-Hochberg adjusted p-value, PSI and how exact the sketched statistic is.
 */
final class DriftSection implements DashboardSection {
    @Override
    public String html(ModelOverview m) {
        if (m.verdict == null) {
            return "";
        }
        WindowView w = m.verdict.window();
        StringBuilder b = new StringBuilder("<section id=\"drift\"><h2 class=\"section\">Drifted columns</h2>");
        if (w.drift().isEmpty()) {
            return b.append("<p class=\"empty\">No drift: send a reference with a score column (PUT .../reference) to compare windows "
                    + "with it.</p></section>").toString();
        }
        List<WindowView.Drift> drifted = w.drifted();
        b.append("<p class=\"hint\">").append(drifted.size()).append(" of ").append(w.drift().size())
                .append(" columns with a Benjamini-Hochberg adjusted p-value below ").append(WindowSummary.FDR).append(", window from ")
                .append(Html.time(w.start())).append(".</p>");
        if (drifted.isEmpty()) {
            return b.append("</section>").toString();
        }
        b.append("<div class=\"table-wrap fit\"><table class=\"drift\"><thead><tr><th>column</th><th>statistic</th><th class=\"num\">value</th>"
                + "<th class=\"num\">adjusted p</th><th class=\"num\">PSI</th></tr></thead><tbody>");
        for (WindowView.Drift d : drifted) {
            b.append("<tr><td><span class=\"code\">").append(Html.e(d.column())).append("</span><span class=\"note\">")
                    .append(Html.e(note(d))).append("</span></td><td class=\"stat\">").append(statistic(d.test()))
                    .append("</td><td class=\"num\">").append(Html.num(d.statistic(), 4)).append("</td><td class=\"num\">")
                    .append(Html.p(d.adjustedPValue())).append("</td><td class=\"num\">").append(Html.num(d.psi(), 3)).append("</td></tr>");
        }
        return b.append("</tbody></table></div></section>").toString();
    }

    private static String statistic(String test) {
        return "ks".equals(test) ? "KS D" : "chi_square".equals(test) ? "χ²" : Html.e(test);
    }

    /** How exact the statistic is: a KS D from quantile sketches is within the bound; category counts past the sketch's size too. */
    static String note(WindowView.Drift d) {
        if (!(d.errorBound() > 0)) {
            return "exact";
        }
        return "ks".equals(d.test()) ? "D ±" + Html.num(d.errorBound(), 4) + " (sketch rank error, 99%)"
                : "counts within ±" + Html.num(d.errorBound(), 0) + " (frequent-items sketch)";
    }
}
