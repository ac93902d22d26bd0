package dev.assay.server;

/** The verdict on the selected version's latest closed window, with its reasons. */
final class VerdictSection implements DashboardSection {
    @Override
    public String html(ModelOverview m) {
        Verdict v = m.verdict;
        if (v == null) {
            return "<section id=\"verdict\"><h2 class=\"section\">Verdict</h2><p class=\"empty\">No window yet: send predictions to "
                    + "POST /api/v1/models/" + Html.e(m.model) + "/predictions.</p></section>";
        }
        StringBuilder b = new StringBuilder("<section id=\"verdict\"><h2 class=\"section\">Verdict</h2><p class=\"level\"><span class=\"verdict ")
                .append(v.css()).append("\">").append(v.level()).append("</span></p><p class=\"hint\">")
                .append(v.closed() ? "Latest closed window" : "Open window (no window has closed yet)").append(", from ")
                .append(Html.time(v.window().start())).append(": ").append(Html.count(v.window().rows())).append(" rows, label coverage ")
                .append(Html.percent(v.window().labelCoverage())).append(".</p>");
        if (v.reasons().isEmpty()) {
            b.append("<p>No drifted column, performance within its reference band, labels on at least ")
                    .append(Html.percent(Verdict.LOW_COVERAGE)).append(" of the rows.</p>");
        } else {
            b.append("<ul class=\"reasons\">");
            v.reasons().forEach(r -> b.append("<li>").append(Html.e(r)).append("</li>"));
            b.append("</ul>");
        }
        return b.append("</section>").toString();
    }
}
