package dev.assay.cli;

import dev.assay.core.privacy.membership.AttackResult;
import java.util.Locale;

/** The {@link MembershipReport} as a self-contained HTML page: the verdict and a table of the attacks. */
final class MembershipPage {
    private static final String CSS = """
            *{box-sizing:border-box}body{margin:0;color:#1f2328;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
            .wrap{max-width:1180px;margin:0 auto;padding:16px}h1{font-size:24px;margin:0 0 4px}
            .meta{color:#59636e;margin:0 0 8px;overflow-wrap:anywhere}.verdict{font-size:16px;margin:12px 0}
            .scroll{overflow-x:auto}table{border-collapse:collapse;font-size:14px;margin:4px 0 12px}
            th,td{border-bottom:1px solid #d1d9e0;padding:3px 8px;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}ul.notes{color:#59636e;font-size:14px}
            """;

    private MembershipPage() {
    }

    static String html(MembershipReport r) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Membership inference on ")
                .append(esc(r.model)).append("</title><style>").append(CSS).append("</style></head><body><main class=\"wrap\">");
        sb.append("<h1>Membership inference</h1><p class=\"meta\">Model ").append(esc(r.model)).append(". Members: ")
                .append(r.strongest.members()).append(" training rows of ").append(esc(r.train)).append("; non-members: ")
                .append(r.strongest.nonMembers()).append(" held-out rows of ").append(esc(r.test)).append("; label ")
                .append(esc(r.label)).append(".</p>");
        sb.append("<p class=\"verdict\">").append(esc(r.verdict())).append("</p>");
        sb.append("<div class=\"scroll\"><table><thead><tr><th>attack</th><th>AUC</th><th>advantage</th>"
                + "<th>TPR at FPR 1% (95% CI)</th><th>TPR at FPR 0.1% (95% CI)</th><th>epsilon lower bound</th></tr></thead><tbody>");
        for (AttackResult a : r.attacks) {
            sb.append("<tr><td>").append(esc(a.signal().id())).append("</td>").append(cell(a.auc())).append(cell(a.advantage()))
                    .append("<td class=\"n\">").append(MembershipReport.tpr(a.tprAtFpr().get(0))).append("</td>")
                    .append("<td class=\"n\">").append(MembershipReport.tpr(a.tprAtFpr().get(1))).append("</td>")
                    .append(cell(a.epsilonLowerBound())).append("</tr>");
        }
        sb.append("</tbody></table></div><ul class=\"notes\">"
                + "<li>loss: Yeom et al. 2018, a row is called a member when its loss is low; entropy and modified entropy:"
                + " Song and Mittal 2021.</li>"
                + "<li>Intervals: Clopper-Pearson on the TPR at the threshold chosen for the FPR target (on the same rows).</li>"
                + "<li>Epsilon lower bound: max over thresholds of ln((1 - delta - FPR)/FNR) and ln((1 - delta - FNR)/FPR)"
                + " with the upper Clopper-Pearson bounds of FPR and FNR (Jagielski et al. 2020); the threshold is chosen on"
                + " these rows, so the bound is optimistic.</li></ul></main></body></html>\n");
        return sb.toString();
    }

    private static String cell(double v) {
        return "<td class=\"n\">" + String.format(Locale.ROOT, "%.4f", v) + "</td>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
