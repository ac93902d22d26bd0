package dev.assay.core.abtest;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of an experiment, validated once: which arm each row is in, the metric values, the
 * covariate and the look. Rows of other variants than the two compared are left out (and counted);
 * rows with a missing value in a used column are an error naming the first of them, or, with
 * {@code dropMissing}, left out and counted.
 *
 * @param source where the rows came from, for messages
 * @param control the control arm's variant value
 * @param treatment the treatment arm's variant value
 * @param treated per kept row, whether it is in the treatment arm
 * @param metrics metric column to its values over the kept rows
 * @param covariate the covariate over the kept rows; null without one
 * @param look the 0-based look of each kept row; null without a look column
 * @param lookLabels the looks' values, in order; empty without a look column
 * @param otherVariantRows rows of other variants, left out
 * @param missingRows rows left out for a missing value
 */
public record AbTestData(String source, String control, String treatment, boolean[] treated, Map<String, double[]> metrics,
        double[] covariate, int[] look, List<String> lookLabels, int otherVariantRows, int missingRows) {

    /**
     * What to read from a frame.
     *
     * @param variant the column naming each row's arm
     * @param control the control arm's value
     * @param treatment the treatment arm's value; null when the column has exactly two values
     * @param metrics the metric columns (numeric)
     * @param covariate the pre-period covariate column; null for none
     * @param look the look column (numeric or text, ordered); null for none
     * @param dropMissing leave out rows with a missing value instead of failing
     */
    public record Columns(String variant, String control, String treatment, List<String> metrics, String covariate,
            String look, boolean dropMissing) {
    }

    /**
     * Reads and validates the experiment.
     *
     * @throws InvalidInputException naming the file, column, row and fix for an unknown or non-numeric
     *     column, a variant column without two arms, an empty or one-row arm, or a missing value
     */
    public static AbTestData from(Frame frame, Columns spec) {
        String where = frame.source() == null ? "" : " in " + frame.source();
        if (spec.metrics().isEmpty()) {
            throw new InvalidInputException("No metric column given; name at least one numeric column to compare.");
        }
        Column variant = frame.column(spec.variant(), "variant");
        Set<String> values = new TreeSet<>();
        for (int i = 0; i < variant.size(); i++) {
            if (!variant.isMissing(i)) {
                values.add(variant.format(i));
            }
        }
        String treatment = treatmentValue(spec, values, where);
        List<NumericColumn> metricColumns = new ArrayList<>();
        for (String m : new LinkedHashSet<>(spec.metrics())) {
            metricColumns.add(frame.numeric(m, "metric"));
        }
        NumericColumn covariate = spec.covariate() == null ? null : frame.numeric(spec.covariate(), "covariate");
        Column look = spec.look() == null ? null : frame.column(spec.look(), "look");
        List<Column> used = new ArrayList<>(List.of(variant));
        used.addAll(metricColumns);
        if (covariate != null) {
            used.add(covariate);
        }
        if (look != null) {
            used.add(look);
        }
        List<Integer> kept = new ArrayList<>();
        int other = 0;
        int missing = 0;
        String firstMissing = null;
        for (int i = 0; i < frame.rowCount(); i++) {
            String v = variant.format(i);
            if (v != null && !v.equals(spec.control()) && !v.equals(treatment)) {
                other++;
                continue;
            }
            Column gap = firstMissing(used, i);
            if (gap != null) {
                missing++;
                firstMissing = firstMissing == null ? frame.describeRow(i) + " has no value in '" + gap.name() + "'" : firstMissing;
                continue;
            }
            kept.add(i);
        }
        if (missing > 0 && !spec.dropMissing()) {
            throw new InvalidInputException(missing + " row(s)" + where + " have a missing or NaN value in a column of the"
                    + " test; the first: " + firstMissing + ". Fill them in, remove them, or leave them out with --drop-missing"
                    + " (suite key drop_missing: true).");
        }
        boolean[] treated = new boolean[kept.size()];
        for (int k = 0; k < treated.length; k++) {
            treated[k] = variant.format(kept.get(k)).equals(treatment);
        }
        checkArms(spec, treatment, treated, where);
        Map<String, double[]> metrics = new LinkedHashMap<>();
        for (NumericColumn c : metricColumns) {
            metrics.put(c.name(), values(c, kept));
        }
        List<String> labels = new ArrayList<>();
        int[] lookIndex = look == null ? null : looks(look, kept, labels);
        return new AbTestData(frame.source(), spec.control(), treatment, treated, metrics,
                covariate == null ? null : values(covariate, kept), lookIndex, labels, other, missing);
    }

    private static String treatmentValue(Columns spec, Set<String> values, String where) {
        String column = "Variant column '" + spec.variant() + "'" + where;
        if (values.size() < 2) {
            throw new InvalidInputException(column + " holds " + (values.isEmpty() ? "no values" : "only '" + values.iterator()
                    .next() + "'") + "; an A/B test needs a control and a treatment arm. Pick the column that names each row's arm.");
        }
        if (!values.contains(spec.control())) {
            throw new InvalidInputException(column + " has no row with the control value '" + spec.control() + "'; its values are "
                    + quoted(values) + ". Pass one of them as the control.");
        }
        if (spec.treatment() != null) {
            if (!values.contains(spec.treatment()) || spec.treatment().equals(spec.control())) {
                throw new InvalidInputException(column + " has no treatment arm '" + spec.treatment() + "' besides the control;"
                        + " its values are " + quoted(values) + ".");
            }
            return spec.treatment();
        }
        if (values.size() > 2) {
            throw new InvalidInputException(column + " holds " + values.size() + " values, " + quoted(values)
                    + "; say which one is the treatment with --treatment VALUE (suite key treatment); rows of the others are left out.");
        }
        return values.stream().filter(v -> !v.equals(spec.control())).findFirst().orElseThrow();
    }

    private static void checkArms(Columns spec, String treatment, boolean[] treated, String where) {
        int t = 0;
        for (boolean b : treated) {
            t += b ? 1 : 0;
        }
        int c = treated.length - t;
        if (t < 2 || c < 2) {
            String arm = c < 2 ? "control arm '" + spec.control() + "'" : "treatment arm '" + treatment + "'";
            throw new InvalidInputException("The " + arm + where + " has " + Math.min(t, c) + " usable row(s); each arm needs at"
                    + " least 2 rows with every value present. Check the variant column '" + spec.variant() + "' and the missing values.");
        }
    }

    private static Column firstMissing(List<Column> columns, int row) {
        for (Column c : columns) {
            if (c.isMissing(row) || c instanceof NumericColumn n && Double.isNaN(n.get(row))) {
                return c;
            }
        }
        return null;
    }

    private static double[] values(NumericColumn c, List<Integer> rows) {
        double[] out = new double[rows.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = c.get(rows.get(k));
        }
        return out;
    }

    /** The 0-based look of each kept row, numbers ordered numerically and text lexically (ISO dates sort in time). */
    private static int[] looks(Column look, List<Integer> rows, List<String> labels) {
        Comparator<Integer> order = look instanceof NumericColumn n ? Comparator.comparingDouble(n::get)
                : Comparator.comparing(look::format);
        TreeSet<Integer> firsts = new TreeSet<>(order);
        firsts.addAll(rows);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int r : firsts) {
            index.put(look.format(r), index.size());
        }
        labels.addAll(index.keySet());
        int[] out = new int[rows.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = index.get(look.format(rows.get(k)));
        }
        return out;
    }

    private static String quoted(Set<String> values) {
        List<String> shown = values.stream().limit(10).map(v -> "'" + v + "'").toList();
        return String.join(", ", shown) + (values.size() > 10 ? ", ..." : "");
    }

    /** Rows in the treatment arm. */
    public int treatmentCount() {
        int t = 0;
        for (boolean b : treated) {
            t += b ? 1 : 0;
        }
        return t;
    }

    /** Rows in the control arm. */
    public int controlCount() {
        return treated.length - treatmentCount();
    }
}
