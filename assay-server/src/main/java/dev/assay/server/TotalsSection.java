package dev.assay.server;

/** The model's totals over every version: predictions, labels, the share of predictions with a label, reference rows. */
final class TotalsSection implements DashboardSection {
    @Override
    public String html(ModelOverview m) {
        if (m.totals == null) {
            return "";
        }
        MonitoringStore.Counts c = m.totals.counts();
        return "<section id=\"totals\" class=\"cards\" aria-label=\"totals\">" + card("predictions", Html.count(c.predictions()))
                + card("labels", Html.count(c.labels()))
                + card("label coverage", c.predictions() == 0 ? "–" : Html.percent((double) c.joined() / c.predictions()))
                + card("reference rows", m.totals.referenceRows() == null ? "none" : Html.count(m.totals.referenceRows())) + "</section>";
    }

    private static String card(String label, String value) {
        return "<div class=\"card\"><div class=\"label\">" + Html.e(label) + "</div><div class=\"big\">" + Html.e(value) + "</div></div>";
    }
}
