package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Column;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.resample.SegmentLeakage;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: resampling_leakage}: current (test) rows that over-sampling before the train/test split would
 * leave behind: rows whose features duplicate a reference (training) row, and rows whose numeric features lie on
 * the segment between two reference rows of the same class ({@link SegmentLeakage}, as SMOTE creates them).
 * Measures {@code leaked_rows} (either kind, each row once), {@code duplicate_rows}, {@code segment_rows} and
 * {@code leaked_share} (leaked rows / current rows). Keys: {@code columns}, {@code neighbors} (the nearest
 * reference rows tried as endpoints, default 10), {@code tolerance} (relative, default 1e-9).
 */
public final class ResamplingLeakageKind extends IntegrityKind {

    public ResamplingLeakageKind() {
        super("resampling_leakage", "Resampling leakage: current rows that duplicate reference rows or lie between two"
                        + " of them (SMOTE before the split).",
                List.of(columnsKey("the feature columns"),
                        new ConfigKey("neighbors", "reference rows tried as segment endpoints per current row (default 10)"),
                        new ConfigKey("tolerance", "relative distance from a segment that still counts (default 1e-9)")),
                List.of("leaked_rows", "duplicate_rows", "segment_rows", "leaked_share"), Requirements.NONE.withReference());
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        int neighbors = whole(config, "neighbors", 10, 2, 1000);
        double tolerance = number(config, "tolerance", 1e-9, 0, 0.1);
        Map<String, String> settings = new java.util.TreeMap<>();
        if (!named.isEmpty()) {
            settings.put("columns", String.join(", ", named));
        }
        settings.put("neighbors", Integer.toString(neighbors));
        settings.put("tolerance", Double.toString(tolerance));
        return new IntegrityCheck.Body() {
            @Override
            public Observations measure(dev.assay.core.check.CheckContext context) {
                return ResamplingLeakageKind.measure(context.current(), context.reference().orElseThrow(), named,
                        new SegmentLeakage(neighbors, tolerance));
            }

            @Override
            public Map<String, String> settings() {
                return settings;
            }
        };
    }

    private static Observations measure(Dataset current, Dataset reference, List<String> named, SegmentLeakage search) {
        List<String> features = ColumnChoice.features(current, named);
        Frame cur = current.frame();
        Frame ref = reference.frame();
        for (String c : features) {
            if (!ref.has(c)) {
                throw new InvalidInputException("Column '" + Excerpt.of(c) + "' is in the current data but not in the"
                        + " reference data " + reference.info().location() + ". Name the shared feature columns in 'columns'.");
            }
        }
        Set<Long> refHashes = new HashSet<>();
        for (long h : RowHashes.of(ref, features)) {
            refHashes.add(h);
        }
        long[] curHashes = RowHashes.of(cur, features);
        List<String> numeric = features.stream().filter(c -> cur.column(c) instanceof NumericColumn
                && ref.column(c) instanceof NumericColumn).toList();
        List<SegmentLeakage.Finding> found = numeric.isEmpty() ? List.of()
                : search.find(matrix(ref, numeric), classes(reference, current, true), matrix(cur, numeric),
                        classes(reference, current, false));
        Map<Integer, SegmentLeakage.Finding> onSegment = new HashMap<>();
        for (SegmentLeakage.Finding f : found) {
            if (f.a() != f.b()) {
                onSegment.put(f.testRow(), f);
            }
        }
        int n = cur.rowCount();
        int duplicates = 0;
        int leaked = 0;
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean dup = refHashes.contains(curHashes[i]);
            SegmentLeakage.Finding f = onSegment.get(i);
            duplicates += dup ? 1 : 0;
            if (dup || f != null) {
                leaked++;
                if (rows.size() < Evidence.MAX_ROWS) {
                    rows.add(f == null || dup ? List.of(cur.describeRow(i), "duplicate", "", "")
                            : List.of(cur.describeRow(i), String.format(Locale.ROOT, "between, t=%.4f", f.t()),
                                    ref.describeRow(f.a()), ref.describeRow(f.b())));
                }
            }
        }
        int segments = leaked - duplicates;
        Observations obs = new Observations();
        obs.measurement(Measurement.of("leaked_rows", leaked, n));
        obs.measurement(Measurement.of("duplicate_rows", duplicates, n));
        obs.measurement(Measurement.of("segment_rows", segments, n));
        obs.measurement(Measurement.of("leaked_share", n == 0 ? Double.NaN : (double) leaked / n, n));
        obs.table(new EvidenceTable("Current rows made from reference rows",
                List.of("current row", "found", "reference row a", "reference row b"), rows));
        obs.note("Duplicates compared on " + features.size() + " feature columns; segments on the " + numeric.size()
                + " numeric ones" + (classes(reference, current, true) == null ? "." : ", endpoints of the row's own class."));
        obs.summary(leaked == 0 ? "None of " + n + " current rows duplicates or lies between reference rows."
                : String.format(Locale.ROOT, "%d of %d current rows (%.2f%%) duplicate (%d) or lie between (%d) reference rows:"
                        + " resampling before the split?", leaked, n, 100.0 * leaked / n, duplicates, segments));
        return obs;
    }

    private static double[][] matrix(Frame frame, List<String> columns) {
        double[][] x = new double[frame.rowCount()][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            NumericColumn c = (NumericColumn) frame.column(columns.get(j));
            for (int i = 0; i < x.length; i++) {
                x[i][j] = c.get(i);
            }
        }
        return x;
    }

    /** Class codes shared by both data sets (a missing label is a class of its own), or null without a label. */
    private static int[] classes(Dataset reference, Dataset current, boolean ofReference) {
        String label = current.schema().label();
        if (label == null || !current.frame().has(label) || !reference.frame().has(label)) {
            return null;
        }
        Map<String, Integer> codes = new HashMap<>();
        for (Dataset d : List.of(reference, current)) {
            Column c = d.frame().column(label);
            for (int i = 0; i < c.size(); i++) {
                codes.putIfAbsent(String.valueOf(c.format(i)), codes.size());
            }
        }
        Column c = (ofReference ? reference : current).frame().column(label);
        int[] out = new int[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = codes.get(String.valueOf(c.format(i)));
        }
        return out;
    }
}
