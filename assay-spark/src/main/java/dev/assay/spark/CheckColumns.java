package dev.assay.spark;

import dev.assay.core.check.Check;
import dev.assay.core.data.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which check kinds run on Spark and which columns each reads. A kind runs on Spark when its result
 * depends only on the multiset of the values of the columns it reads, so that the rows condensed by
 * {@link RowCounts} give the single-machine result. The others need the model in this process, the
 * order of the rows, or row numbers in their evidence, and are skipped with the reason.
 */
final class CheckColumns {
    /** Kinds that read the columns of the schema's roles and the columns their settings name. */
    private static final Set<String> BY_ROLE = Set.of("metric", "calibration", "fairness", "slices", "class_imbalance");
    /** Kinds that read every column unless their settings name some. */
    private static final Set<String> BY_COLUMN = Set.of("drift", "missing_values", "single_value", "new_categories");
    /** Kinds that run on profiles, whose size does not grow with the rows. */
    private static final Set<String> ON_PROFILES = Set.of("drift", "missing_values", "new_categories");

    private CheckColumns() {
    }

    /** Why {@code check} cannot run on Spark, or null when it can. */
    static String unsupported(Check check) {
        if (check.requirements().model()) {
            return "On Spark, checks that call the model are not run: score the rows with Spark first (an MLlib model or a"
                    + " UDF) and name the prediction or score column, or run this check on a sample with the local engine.";
        }
        if (!BY_ROLE.contains(check.kind()) && !BY_COLUMN.contains(check.kind())) {
            return "The '" + check.kind() + "' check does not run on Spark (it depends on the order of the rows, names rows in"
                    + " its evidence, or needs data in memory); the kinds that do are " + supported() + ".";
        }
        return null;
    }

    /**
     * Whether {@code check} runs on the profiles of the data sets ({@link SparkProfiles}) rather than on
     * condensed rows: drift, missing values and new categories (with a {@code where}, on the profiles of
     * the rows {@link SparkSlice} selects).
     */
    static boolean onProfiles(Check check) {
        return ON_PROFILES.contains(check.kind());
    }

    /** The kinds that run on Spark, sorted. */
    static List<String> supported() {
        List<String> out = new ArrayList<>(BY_ROLE);
        out.addAll(BY_COLUMN);
        out.sort(null);
        return out;
    }

    /**
     * The columns of {@code available} that {@code check} reads: the role columns of {@code schema}
     * and every column its settings name (its slice, groups, columns); for the kinds that read every
     * column by default, all of them unless the settings other than the slice name some, then only
     * those and the slice's.
     */
    static List<String> of(Check check, Schema schema, List<String> available) {
        Set<String> named = named(check.settings(), available);
        Set<String> out = new LinkedHashSet<>();
        if (BY_COLUMN.contains(check.kind())) {
            Map<String, String> own = new HashMap<>(check.settings());
            own.remove("where");
            Set<String> roles = roles(schema, available);
            boolean columnsNamed = named(own, available).stream().anyMatch(c -> !roles.contains(c));
            out.addAll(columnsNamed ? named : available);
        } else {
            out.addAll(roles(schema, available));
            out.addAll(named);
        }
        List<String> ordered = new ArrayList<>(available);
        ordered.retainAll(out);
        return ordered;
    }

    private static Set<String> roles(Schema schema, List<String> available) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : Arrays.asList(schema.label(), schema.prediction(), schema.score(), schema.weight(), schema.timestamp())) {
            if (c != null) {
                out.add(c);
            }
        }
        out.addAll(schema.classProbabilities().values());
        out.addAll(schema.protectedAttributes());
        out.retainAll(new HashSet<>(available));
        return out;
    }

    /** Columns whose names occur as words in the settings' values (split at commas, spaces, brackets, comparisons). */
    private static Set<String> named(Map<String, String> settings, List<String> available) {
        Set<String> words = new HashSet<>();
        for (String v : settings.values()) {
            if (v != null) {
                words.addAll(Arrays.asList(v.split("[,\\s\\[\\]()=<>!'\"]+")));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (String c : available) {
            if (words.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
