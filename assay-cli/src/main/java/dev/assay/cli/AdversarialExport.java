package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.robustness.attack.EpsilonResult;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the adversarial examples of {@code assay robustness}: one row per attack, budget and fooled row, with
 * {@code attack}, {@code eps} (as written on the command line), {@code row} (1-based among the rows evaluated),
 * every data column with the adversarial values, and the positive-class {@code score_before} and
 * {@code score_after}. CSV, or a JSON array of objects when the file name ends in {@code .json}. Files are written
 * to a temporary file beside the target and moved into place, so an error leaves no half-written file.
 */
final class AdversarialExport {
    private AdversarialExport() {
    }

    static void write(Path file, RobustnessReport report) {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        AtomicFiles.write(file, json ? json(report) : csv(report), "--export");
    }

    private static String csv(RobustnessReport report) {
        StringBuilder out = new StringBuilder();
        boolean header = false;
        for (RobustnessReport.Attack a : report.attacks) {
            Frame rows = a.rows();
            if (!header) {
                out.append("attack,eps,row");
                rows.columnNames().forEach(c -> out.append(',').append(cell(c)));
                out.append(",score_before,score_after\n");
                header = true;
            }
            for (int b = 0; b < report.eps.size(); b++) {
                EpsilonResult e = a.result().results().get(b);
                for (int k = 0; k < e.rowIndex().length; k++) {
                    out.append(a.name()).append(',').append(report.eps.get(b)).append(',').append(e.rowIndex()[k] + 1);
                    for (Column c : e.adversarial().columns()) {
                        String v = c.format(k);
                        out.append(',').append(v == null ? "" : cell(v));
                    }
                    out.append(',').append(e.scoreBefore()[k]).append(',').append(e.scoreAfter()[k]).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String json(RobustnessReport report) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode out = mapper.createArrayNode();
        for (RobustnessReport.Attack a : report.attacks) {
            for (int b = 0; b < report.eps.size(); b++) {
                EpsilonResult e = a.result().results().get(b);
                for (int k = 0; k < e.rowIndex().length; k++) {
                    ObjectNode o = out.addObject();
                    o.put("attack", a.name()).put("eps", report.eps.get(b)).put("row", e.rowIndex()[k] + 1);
                    ObjectNode values = o.putObject("values");
                    for (Column c : e.adversarial().columns()) {
                        if (c.isMissing(k)) {
                            values.putNull(c.name());
                        } else if (c instanceof NumericColumn n) {
                            values.put(c.name(), n.get(k));
                        } else {
                            values.put(c.name(), c.format(k));
                        }
                    }
                    o.put("score_before", e.scoreBefore()[k]).put("score_after", e.scoreAfter()[k]);
                }
            }
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cell(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
