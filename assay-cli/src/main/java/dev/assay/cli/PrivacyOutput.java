package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.anonymity.AnonymityReport;
import dev.assay.core.anonymity.KAnonymity;
import dev.assay.core.anonymity.LDiversity;
import dev.assay.core.anonymity.TCloseness;
import java.util.List;
import java.util.Locale;

/**
 * What {@code assay privacy} measured, as JSON ({@code k_anonymity}: the smallest class; {@code k},
 * {@code equivalence_classes}, {@code rows_below_k}, {@code share_below_k}; with a sensitive column
 * {@code l_diversity} {distinct, entropy, recursive {c, l}} and {@code t_closeness} {equal, ordered where the
 * sensitive column is numeric}; {@code breaking_combinations}: lists of column names) or as text.
 */
record PrivacyOutput(String data, AnonymityReport report) {

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data);
        root.put("rows", report.rows());
        report.settings().quasiIdentifiers().forEach(root.putArray("quasi_identifiers")::add);
        if (report.settings().sensitive() != null) {
            root.put("sensitive", report.settings().sensitive());
        }
        KAnonymity k = report.kAnonymity();
        root.put("k", k.required());
        root.put("k_anonymity", k.k());
        root.put("equivalence_classes", k.classes());
        root.put("rows_below_k", k.rowsBelow());
        root.put("share_below_k", k.shareBelow());
        LDiversity l = report.lDiversity();
        if (l != null) {
            ObjectNode n = root.putObject("l_diversity");
            n.put("distinct", l.distinct());
            n.put("entropy", l.entropy());
            ObjectNode r = n.putObject("recursive");
            r.put("c", l.c());
            r.put("l", l.recursive());
            TCloseness t = report.tCloseness();
            ObjectNode tn = root.putObject("t_closeness");
            tn.put("equal", t.equal());
            if (!Double.isNaN(t.ordered())) {
                tn.put("ordered", t.ordered());
            }
        }
        ArrayNode breaking = root.putArray("breaking_combinations");
        for (List<String> b : report.breakingCombinations()) {
            b.forEach(breaking.addArray()::add);
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String text() {
        KAnonymity k = report.kAnonymity();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Anonymity of %s (%d rows) over %s%n", data, report.rows(),
                String.join(", ", report.settings().quasiIdentifiers())));
        out.append(String.format(Locale.ROOT, "  k-anonymity     %d (%d equivalence classes); %s%n", k.k(), k.classes(),
                k.rowsBelow() == 0 ? "every row is in a class of at least " + k.required()
                        : String.format(Locale.ROOT, "%d rows (%.1f%%) are in classes smaller than %d", k.rowsBelow(), 100 * k.shareBelow(),
                                k.required())));
        LDiversity l = report.lDiversity();
        if (l != null) {
            out.append(String.format(Locale.ROOT, "  l-diversity     of %s: distinct %d, entropy %.3f, recursive (c=%s) %d%n",
                    report.settings().sensitive(), l.distinct(), l.entropy(), trim(l.c()), l.recursive()));
            TCloseness t = report.tCloseness();
            out.append(String.format(Locale.ROOT, "  t-closeness     equal distance %.4f%s%n", t.equal(),
                    Double.isNaN(t.ordered()) ? "" : String.format(Locale.ROOT, ", ordered distance %.4f", t.ordered())));
        }
        List<List<String>> breaking = report.breakingCombinations();
        out.append(breaking.isEmpty() ? "  No combination of quasi-identifiers singles out fewer than " + k.required() + " rows."
                : "  Smallest combinations with classes below k=" + k.required() + ":");
        for (List<String> b : breaking) {
            out.append(String.format(Locale.ROOT, "%n    %s", String.join(" + ", b)));
        }
        return out.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
