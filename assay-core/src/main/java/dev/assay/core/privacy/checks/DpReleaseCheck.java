package dev.assay.core.privacy.checks;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.ColumnRole;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.privacy.dp.Mechanism;
import dev.assay.core.privacy.dp.NoisyValue;
import dev.assay.core.privacy.dp.PrivacyBudget;
import dev.assay.core.privacy.dp.PrivateRelease;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Releases per-group statistics of the current data with {@link PrivateRelease}. Each statistic is built from
 * histograms over the groups (disjoint, so one histogram costs one share of the budget): {@code n} (rows per group),
 * {@code label_positive}, {@code predicted_positive}, {@code correct}, {@code true_positive}. The budget is split
 * evenly over the histograms the statistics need; a rate is the noised numerator over the noised denominator
 * (at least 1), clamped to [0, 1], which is post-processing and costs nothing more. Only noised values are
 * reported: no exact count reaches the result.
 */
final class DpReleaseCheck extends MeasuringCheck {
    static final String KIND = "dp_release";
    static final List<String> STATISTICS = List.of("count", "positive_rate", "selection_rate", "accuracy", "true_positive_rate");

    /** The check's settings, as read by the kind. */
    record Settings(String groupBy, List<String> statistics, double epsilon, double delta, Mechanism mechanism,
            List<String> groups, String positive, boolean reproducible) {
    }

    private final Settings settings;

    DpReleaseCheck(CheckSetup setup, Settings settings) {
        super(setup, KIND, measured(), Requirements.NONE.withRoles(ColumnRole.LABEL));
        this.settings = settings;
    }

    private static List<String> measured() {
        List<String> out = new ArrayList<>(STATISTICS);
        out.add("epsilon_spent");
        out.add("delta_spent");
        return out;
    }

    @Override
    protected Map<String, String> ownSettings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("group_by", settings.groupBy());
        out.put("statistics", String.join(",", settings.statistics()));
        out.put("epsilon", Double.toString(settings.epsilon()));
        out.put("delta", Double.toString(settings.delta()));
        out.put("mechanism", settings.mechanism().name().toLowerCase(Locale.ROOT));
        out.put("noise", settings.reproducible() ? "seeded (reproducible, not private)" : "SecureRandom");
        return out;
    }

    @Override
    protected Observations measure(CheckContext context) {
        Dataset data = context.current();
        Frame frame = data.frame();
        Column group = frame.column(settings.groupBy(), "group_by");
        Column label = frame.column(data.schema().label(), "label");
        Column predicted = needsPredictions() ? predictions(data) : null;
        String positive = positive(label);
        List<String> groups = groups(group);
        Map<String, long[]> histograms = histograms(group, label, predicted, positive, groups);
        PrivacyBudget budget = new PrivacyBudget(settings.epsilon(), settings.delta());
        RandomGenerator random = settings.reproducible() ? new SplittableRandom(setup().seed()) : new SecureRandom();
        PrivateRelease release = new PrivateRelease(budget, random);
        double share = settings.epsilon() / histograms.size();
        double deltaShare = settings.delta() / histograms.size();
        Map<String, double[]> noised = new LinkedHashMap<>();
        Map<String, Double> std = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> h : histograms.entrySet()) {
            String[] names = groups.stream().map(g -> h.getKey() + "[" + g + "]").toArray(String[]::new);
            NoisyValue[] v = release.counts(h.getKey(), names, h.getValue(), settings.mechanism(), share, deltaShare);
            double[] values = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                values[i] = v[i].value();
            }
            noised.put(h.getKey(), values);
            std.put(h.getKey(), v[0].noiseStd());
        }
        Observations obs = new Observations();
        List<List<Object>> rows = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            String key = settings.groupBy() + "=" + groups.get(g);
            List<Object> row = new ArrayList<>(List.of(groups.get(g)));
            for (String statistic : settings.statistics()) {
                double value = value(statistic, noised, g);
                obs.measurement(new Measurement(statistic, key, value, null, null, 0, "differentially private value (noise std "
                        + String.format(Locale.ROOT, "%.3g", std.get(numerator(statistic))) + " on each count)", List.of()));
                row.add(value);
            }
            rows.add(row);
        }
        obs.measurement(Measurement.of("epsilon_spent", budget.spentEpsilon(), 0));
        obs.measurement(Measurement.of("delta_spent", budget.spentDelta(), 0));
        List<String> columns = new ArrayList<>(List.of(settings.groupBy()));
        columns.addAll(settings.statistics());
        obs.table(new EvidenceTable("Differentially private release (" + settings.mechanism().name().toLowerCase(Locale.ROOT)
                + ", epsilon " + fmt(budget.spentEpsilon()) + (budget.spentDelta() > 0 ? ", delta " + fmt(budget.spentDelta()) : "")
                + ")", columns, rows));
        obs.note("Budget: epsilon " + fmt(settings.epsilon()) + " split evenly over " + histograms.size() + " histograms "
                + histograms.keySet() + "; groups are disjoint, so each histogram costs its share once. Positive class '"
                + Excerpt.of(positive) + "'." + (settings.groups().isEmpty() ? " The groups were read from the data, which"
                + " reveals that they exist; list them under 'groups' to keep even that private." : "")
                + (settings.reproducible() ? " The noise is seeded (reproducible): do not publish these values." : ""));
        obs.summary("Released " + settings.statistics() + " for " + groups.size() + " groups of " + settings.groupBy()
                + " at epsilon " + fmt(budget.spentEpsilon()));
        return obs;
    }

    private boolean needsPredictions() {
        return settings.statistics().stream().anyMatch(s -> s.equals("selection_rate") || s.equals("accuracy")
                || s.equals("true_positive_rate"));
    }

    private static Column predictions(Dataset data) {
        String column = data.schema().prediction();
        if (column == null) {
            throw new InvalidInputException("selection_rate, accuracy and true_positive_rate read predicted classes, but the"
                    + " data has no prediction column. Add 'model:' to the suite, or name the stored predictions under"
                    + " columns.prediction.");
        }
        return data.frame().column(column, "prediction");
    }

    private String positive(Column label) {
        String p = settings.positive() != null ? settings.positive() : setup().evaluation().positiveClass();
        TreeSet<String> values = new TreeSet<>();
        for (int i = 0; i < label.size(); i++) {
            if (!label.isMissing(i)) {
                values.add(label.format(i));
            }
        }
        if (p == null) {
            if (values.isEmpty()) {
                throw new InvalidInputException("Label column '" + Excerpt.of(label.name()) + "' has no values; a release"
                        + " needs labelled rows.");
            }
            return values.last();
        }
        return p;
    }

    private List<String> groups(Column group) {
        if (!settings.groups().isEmpty()) {
            return List.copyOf(new LinkedHashSet<>(settings.groups()));
        }
        TreeSet<String> found = new TreeSet<>();
        for (int i = 0; i < group.size(); i++) {
            found.add(group.isMissing(i) ? "missing" : group.format(i));
        }
        if (found.isEmpty()) {
            throw new InvalidInputException("Column '" + Excerpt.of(group.name()) + "' has no rows to group.");
        }
        return List.copyOf(found);
    }

    private Map<String, long[]> histograms(Column group, Column label, Column predicted, String positive, List<String> groups) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (String s : settings.statistics()) {
            out.putIfAbsent(denominator(s), new long[groups.size()]);
            out.putIfAbsent(numerator(s), new long[groups.size()]);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            index.put(groups.get(g), g);
        }
        for (int i = 0; i < group.size(); i++) {
            Integer g = index.get(group.isMissing(i) ? "missing" : group.format(i));
            if (g == null || label.isMissing(i)) {
                continue;
            }
            boolean truth = positive.equals(label.format(i));
            boolean pred = predicted != null && !predicted.isMissing(i) && positive.equals(predicted.format(i));
            add(out, "n", g, true);
            add(out, "label_positive", g, truth);
            add(out, "predicted_positive", g, pred);
            add(out, "correct", g, predicted != null && !predicted.isMissing(i) && predicted.format(i).equals(label.format(i)));
            add(out, "true_positive", g, truth && pred);
        }
        return out;
    }

    private static void add(Map<String, long[]> histograms, String name, int group, boolean yes) {
        long[] h = histograms.get(name);
        if (h != null && yes) {
            h[group]++;
        }
    }

    private static String numerator(String statistic) {
        switch (statistic) {
            case "count":
                return "n";
            case "positive_rate":
                return "label_positive";
            case "selection_rate":
                return "predicted_positive";
            case "accuracy":
                return "correct";
            default:
                return "true_positive";
        }
    }

    private static String denominator(String statistic) {
        return statistic.equals("true_positive_rate") ? "label_positive" : "n";
    }

    private static double value(String statistic, Map<String, double[]> noised, int g) {
        double num = noised.get(numerator(statistic))[g];
        if (statistic.equals("count")) {
            return Math.max(0, num);
        }
        double den = Math.max(1, noised.get(denominator(statistic))[g]);
        return Math.max(0, Math.min(1, num / den));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
    }
}
