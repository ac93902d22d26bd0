package dev.assay.core.fairness.exposure;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fairness of exposure in rankings (Singh and Joachims, "Fairness of Exposure in Rankings", KDD 2018).
 * Within each query the rows are ordered by descending score (or ascending rank), ties kept in row
 * order; the row at position {@code j} (1-based) gets the DCG position weight
 * {@code v_j = 1 / log2(1 + j)}. Per group: {@code Exposure(g) = Σ_{rows of g} v_j / n_g} pooled over all
 * queries, the mean relevance {@code U(g)}, and the group's share of the top {@code k} places of every
 * query against its share of the rows. A query shorter than {@code k} contributes all its rows to the top.
 *
 * <p>Missing group values form the group {@code missing}, missing query values one ranking {@code missing}; a
 * missing score, rank or relevance is an error
 * naming the row. Reference: {@code scripts/golden/exposure_golden.py} (pandas 1.5.3, numpy).
 */
public final class RankingExposure {
    /** The group of rows whose group value is missing. */
    public static final String MISSING = "missing";

    private RankingExposure() {
    }

    /**
     * @throws InvalidInputException for an unknown column, a non-numeric score, rank or relevance, a missing
     *     value there, no rows, or fewer than two groups
     */
    public static ExposureResult of(Frame frame, ExposurePlan plan) {
        int n = frame.rowCount();
        if (n == 0) {
            throw new InvalidInputException("The data has no rows, so there is no ranking to measure.");
        }
        Column group = frame.column(plan.group(), "group");
        Column query = plan.query() == null ? null : frame.column(plan.query(), "query");
        if (plan.score() == null && plan.rank() == null) {
            throw new InvalidInputException("Name the column that orders the ranking: score (higher ranks first) or rank "
                    + "(1 ranks first).");
        }
        boolean byScore = plan.score() != null;
        double[] order = values(frame, byScore ? plan.score() : plan.rank(), byScore ? "score" : "rank");
        double[] relevance = plan.relevance() == null ? null : relevance(frame, plan);
        Map<String, Integer> groupIds = new LinkedHashMap<>();
        int[] groupOf = new int[n];
        Map<String, Integer> queryIds = new LinkedHashMap<>();
        int[] queryOf = new int[n];
        for (int i = 0; i < n; i++) {
            String g = group.isMissing(i) ? MISSING : group.format(i);
            groupOf[i] = groupIds.computeIfAbsent(g, x -> groupIds.size());
            String q = query == null ? "" : query.isMissing(i) ? MISSING : query.format(i);
            queryOf[i] = queryIds.computeIfAbsent(q, x -> queryIds.size());
        }
        if (groupIds.size() < 2) {
            throw new InvalidInputException("Group column '" + Excerpt.of(plan.group()) + "' has only the value '"
                    + Excerpt.of(groupIds.keySet().iterator().next()) + "', so there are no groups to compare. Name a column "
                    + "with two or more values.");
        }
        Integer[] rows = new Integer[n];
        Arrays.setAll(rows, i -> i);
        Comparator<Integer> within = byScore ? (a, b) -> Double.compare(order[b], order[a]) : (a, b) -> Double.compare(order[a], order[b]);
        Arrays.sort(rows, Comparator.<Integer>comparingInt(r -> queryOf[r]).thenComparing(within));
        int groups = groupIds.size();
        long[] size = new long[groups];
        double[] exposure = new double[groups];
        double[] relevant = new double[groups];
        long[] top = new long[groups];
        long places = 0;
        int position = 0;
        for (int at = 0; at < n; at++) {
            int r = rows[at];
            position = at > 0 && queryOf[rows[at - 1]] == queryOf[r] ? position + 1 : 1;
            int g = groupOf[r];
            size[g]++;
            exposure[g] += 1 / (Math.log(1 + position) / Math.log(2));
            relevant[g] += relevance == null ? 0 : relevance[r];
            if (position <= plan.k()) {
                top[g]++;
                places++;
            }
        }
        java.util.List<GroupExposure> out = new java.util.ArrayList<>();
        for (Map.Entry<String, Integer> e : groupIds.entrySet()) {
            int g = e.getValue();
            out.add(new GroupExposure(e.getKey(), size[g], exposure[g] / size[g], relevance == null ? Double.NaN : relevant[g] / size[g],
                    top[g], (double) size[g] / n, (double) top[g] / places));
        }
        return new ExposureResult(out, queryIds.size(), n, places, plan.k());
    }

    /** Numbers as they are; categories as 1 for the relevant value, 0 for the others. */
    private static double[] relevance(Frame frame, ExposurePlan plan) {
        Column c = frame.column(plan.relevance(), "relevance");
        if (!(c instanceof CategoricalColumn cat)) {
            return values(frame, plan.relevance(), "relevance");
        }
        if (plan.relevant() == null || !cat.levels().contains(plan.relevant())) {
            throw new InvalidInputException("Relevance column '" + Excerpt.of(plan.relevance()) + "' holds categories ("
                    + Excerpt.of(String.join(", ", cat.levels())) + "); "
                    + (plan.relevant() == null ? "name the relevant one" : "'" + Excerpt.of(plan.relevant()) + "' is not one of them; name one")
                    + " (evaluation.positive in a suite) or give a numeric column.");
        }
        int relevant = cat.levels().indexOf(plan.relevant());
        double[] out = new double[cat.size()];
        for (int i = 0; i < out.length; i++) {
            if (cat.isMissing(i)) {
                throw new InvalidInputException("Column '" + Excerpt.of(plan.relevance()) + "' (relevance) has no value at "
                        + frame.describeRow(i) + ". Every ranked row needs a relevance; fill it in or leave the row out.");
            }
            out[i] = cat.code(i) == relevant ? 1 : 0;
        }
        return out;
    }

    private static double[] values(Frame frame, String name, String role) {
        NumericColumn c = frame.numeric(name, role);
        double[] v = c.toArray();
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                throw new InvalidInputException("Column '" + Excerpt.of(name) + "' (" + role + ") has no value at "
                        + frame.describeRow(i) + ". Every ranked row needs a " + role + "; fill it in or leave the row out.");
            }
        }
        return v;
    }
}
