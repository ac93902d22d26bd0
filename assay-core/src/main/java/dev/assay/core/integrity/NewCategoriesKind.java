package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckSkippedException;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.profile.CategoryProfile;
import dev.assay.core.profile.ColumnProfile;
import dev.assay.core.profile.ProfilePair;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: new_categories}: values of category and text columns in the current data that the
 * reference data never has, as Deepchecks' {@code NewCategoryTrainTest}. Per column it measures
 * {@code new_category_count[column]} (distinct new values) and {@code new_category_share[column]}
 * (current rows holding a new value / current rows with a value); also
 * {@code max_new_category_share}. On profiles of both data sets ({@code CheckContext.profiles()}) from their
 * exact category counts; a column with more categories than a profile counts exactly is skipped.
 */
public final class NewCategoriesKind extends IntegrityKind {

    public NewCategoriesKind() {
        super("new_categories", "New categories: values in the current data that the reference data never has.",
                List.of(columnsKey("the category and text feature columns")),
                List.of("new_category_count", "new_category_share", "max_new_category_share"), Requirements.NONE.withReference());
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        return IntegrityCheck.Body.onColumns(named, context -> {
            Dataset current = context.current();
            List<String> columns = ColumnChoice.nonNumeric(current.frame(), ColumnChoice.features(current, named));
            List<ColumnNews> news = new ArrayList<>();
            for (String name : columns) {
                news.add(context.profiles().isPresent() ? fromProfiles(context.profiles().get(), name)
                        : fromRows(context.reference().orElseThrow().frame(), current.frame(), name));
            }
            long rows = context.profiles().isPresent() ? context.profiles().get().current().rows() : current.frame().rowCount();
            Observations obs = observe(news, rows);
            if (context.profiles().isPresent()) {
                obs.note("Counted from the profiles of both data sets: exact category counts, no rows kept.");
            }
            return obs;
        });
    }

    /**
     * One column's values that the reference never has.
     *
     * @param fresh each new value with its current rows, in order of appearance (rows) or of frequency (profiles)
     * @param samples each new value's sample rows
     * @param present current rows with a value
     */
    private record ColumnNews(String column, Map<String, Long> fresh, Map<String, String> samples, long present) {
    }

    private static ColumnNews fromRows(Frame ref, Frame frame, String name) {
        requireColumn(ref.has(name), name, ref.source());
        Set<String> known = new HashSet<>();
        Column r = ref.column(name);
        for (int i = 0; i < r.size(); i++) {
            known.add(r.format(i));
        }
        Column c = frame.column(name);
        Map<String, RowSamples> samples = new LinkedHashMap<>();
        Map<String, Long> fresh = new LinkedHashMap<>();
        long present = 0;
        for (int i = 0; i < c.size(); i++) {
            String v = c.format(i);
            if (v == null) {
                continue;
            }
            present++;
            if (!known.contains(v)) {
                samples.computeIfAbsent(v, k -> new RowSamples(frame)).offer(i);
                fresh.merge(v, 1L, Long::sum);
            }
        }
        Map<String, String> described = new LinkedHashMap<>();
        samples.forEach((v, rows) -> described.put(v, rows.describe()));
        return new ColumnNews(name, fresh, described, present);
    }

    private static ColumnNews fromProfiles(ProfilePair pair, String name) {
        ColumnProfile ref = pair.reference().column(name);
        requireColumn(ref != null, name, pair.referenceName());
        CategoryProfile cur = (CategoryProfile) pair.current().column(name);
        if (!(ref instanceof CategoryProfile) || ((CategoryProfile) ref).maximumError() > 0 || cur.maximumError() > 0) {
            throw new CheckSkippedException("Column '" + Excerpt.of(name) + "' has more categories than a profile counts"
                    + " exactly (" + (int) (0.75 * CategoryProfile.MAP_SIZE) + ") or numbers in the reference, so new values"
                    + " cannot be told from rare ones; name fewer columns in 'columns' or run the check on a sample.");
        }
        Set<String> known = ((CategoryProfile) ref).counts().keySet();
        Map<String, Long> fresh = new LinkedHashMap<>();
        Map<String, String> samples = new LinkedHashMap<>();
        cur.counts().forEach((v, n) -> {
            if (!known.contains(v)) {
                fresh.put(v, n);
                samples.put(v, MissingValuesKind.NO_ROWS);
            }
        });
        return new ColumnNews(name, fresh, samples, cur.count());
    }

    private static void requireColumn(boolean present, String name, String reference) {
        if (!present) {
            throw new InvalidInputException("Column '" + Excerpt.of(name) + "' is not in the reference data"
                    + (reference == null ? "" : " " + reference) + ". Name the shared columns in 'columns'.");
        }
    }

    private static Observations observe(List<ColumnNews> news, long rowCount) {
        Observations obs = new Observations();
        List<List<Object>> rows = new ArrayList<>();
        double max = 0;
        for (ColumnNews c : news) {
            long newRows = c.fresh().values().stream().mapToLong(Long::longValue).sum();
            double share = c.present() == 0 ? Double.NaN : (double) newRows / c.present();
            obs.measurement(Measurement.of("new_category_count", c.column(), c.fresh().size(), c.present()));
            obs.measurement(Measurement.of("new_category_share", c.column(), share, c.present()));
            if (newRows > 0) {
                max = Math.max(max, share);
            }
            for (Map.Entry<String, Long> e : c.fresh().entrySet()) {
                if (rows.size() < 3 * Evidence.MAX_ROWS) {
                    rows.add(List.of(c.column(), Excerpt.of(e.getKey()), e.getValue(), c.samples().get(e.getKey())));
                }
            }
        }
        obs.measurement(Measurement.of("max_new_category_share", max, rowCount));
        obs.table(new EvidenceTable("Values not in the reference data", List.of("column", "value", "rows", "sample rows"), rows));
        long withNew = news.stream().filter(c -> !c.fresh().isEmpty()).count();
        obs.summary(withNew == 0 ? "No new categories in " + news.size() + " columns."
                : withNew + " of " + news.size() + " columns have values the reference data does not have.");
        return obs;
    }
}
