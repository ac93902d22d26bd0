package dev.assay.server;

import java.util.Optional;

/**
 * The versions the service has seen (first and last window, rows) joined with the model registry's record of each
 * when a registry is configured: registration time, SHA-256 prefix and the aliases pointing at it.
 */
final class VersionsSection implements DashboardSection {
    private static final int SHA_PREFIX = 12;

    @Override
    public String html(ModelOverview m) {
        StringBuilder b = new StringBuilder("<section id=\"versions\"><h2 class=\"section\">Version history</h2>");
        if (!m.registry.configured()) {
            b.append("<p class=\"hint\">No registry configured: start the service with --registry DIR or --registry-db URL to show "
                    + "each version's registration.</p>");
        }
        if (m.versions.isEmpty()) {
            return b.append("<p class=\"empty\">No version seen yet.</p></section>").toString();
        }
        b.append("<div class=\"table-wrap\"><table class=\"versions\"><thead><tr><th>version</th><th>first window</th><th>last window</th>"
                + "<th class=\"num\">rows</th>");
        if (m.registry.configured()) {
            b.append("<th>registered</th><th>SHA-256</th><th>aliases</th>");
        }
        b.append("</tr></thead><tbody>");
        for (ModelOverview.VersionSeen v : m.versions) {
            b.append("<tr><td class=\"code\">").append(v.version().equals(m.selected) ? "<strong>" + Html.e(v.version()) + "</strong>"
                    : Html.e(v.version())).append("</td><td>").append(Html.time(v.firstWindow())).append("</td><td>")
                    .append(Html.time(v.lastWindow())).append("</td><td class=\"num\">").append(Html.count(v.rows())).append("</td>");
            if (m.registry.configured()) {
                Optional<RegistryRecords.Registered> r = m.registry.find(m.model, v.version());
                if (r.isEmpty()) {
                    b.append("<td colspan=\"3\" class=\"empty\">not in the registry</td>");
                } else {
                    b.append("<td>").append(Html.time(r.get().version().registeredAt())).append("</td><td class=\"code\">")
                            .append(Html.e(r.get().version().sha256().substring(0, SHA_PREFIX))).append("</td><td>")
                            .append(Html.e(String.join(", ", r.get().aliases()))).append("</td>");
                }
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table></div></section>").toString();
    }
}
