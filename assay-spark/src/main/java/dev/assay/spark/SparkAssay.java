package dev.assay.spark;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.RowFilter;
import dev.assay.core.data.Schema;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.profile.NumericProfile;
import dev.assay.core.profile.ProfilePair;
import dev.assay.core.progress.Progress;
import dev.assay.core.result.AssayVersion;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.DatasetInfo;
import dev.assay.core.result.Provenance;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import dev.assay.core.suite.Suite;
import dev.assay.core.suite.SuiteRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Runs a suite on Spark data sets and returns the same {@link SuiteResult} as a local run, so the
 * reports are the same. Each check reaches its numbers by one of four routes, in this order, and its
 * result says which in a note:
 * <ol>
 * <li>statistics ({@link SparkStatistics}: metric checks, {@link MetricStatistics}): each partition
 * is folded into core's accumulators, merged ({@link PartitionFold}) and put in the run's store;</li>
 * <li>profiles ({@link SparkProfiles}: drift, missing values, new categories): each partition is
 * profiled and the profiles merged; numeric drift statistics come from KLL sketches and state their
 * bound;</li>
 * <li>folded tallies ({@link FoldedChecks}: fairness, calibration; {@link CountedChecks}: class
 * imbalance, single values): per-group or per-bin counts and sums folded per partition, or per-value
 * counts aggregated by Spark;</li>
 * <li>condensed rows, for the other kinds: the distinct combinations of the columns the check reads,
 * with their counts ({@link RowCounts}, one aggregation per set of columns, shared by the checks that
 * read the same ones), on which the check runs ({@link ExpandedFrame}); the driver's memory grows
 * with the combinations, at most {@link Options#maxCombinations()}.</li>
 * </ol>
 * In the first three no row reaches the driver; a check's {@code where} is applied on the executors
 * first ({@link SparkSlice}) and the route runs on the selected rows. Results that depend only on
 * counted values equal the single-machine ones; those that resample rows (bootstrap intervals) are
 * drawn from the same distribution but not the same draws. Kinds that cannot run on Spark are
 * {@code SKIPPED} with the reason ({@link CheckColumns}).
 *
 * <pre>{@code
 * SuiteResult r = SparkAssay.run(suite, schema, spark.read().parquet("s3://bucket/predictions/"));
 * }</pre>
 */
public final class SparkAssay {

    /**
     * Limits of a run.
     *
     * @param maxCombinations the most distinct combinations of a check's columns brought to the driver
     *     by the condensed route; a check over more is skipped with the reason
     */
    public record Options(int maxCombinations) {
        /** At most 2,000,000 combinations per check. */
        public static final Options DEFAULT = new Options(2_000_000);

        public Options {
            if (maxCombinations < 1) {
                throw new IllegalArgumentException("maxCombinations must be at least 1, got " + maxCombinations);
            }
        }
    }

    /** The kinds whose statistics are computed per partition; the first that handles a check serves it. */
    private static final List<SparkStatistics> STATISTICS = List.of(new MetricStatistics());

    /** The kinds of the folded and counted routes that read a {@code where} slice selected on Spark. */
    private static final Set<String> FOLDED_WITH_SLICE = Set.of("fairness", "calibration", "slices",
            "class_imbalance", "single_value");

    private SparkAssay() {
    }

    /** Runs {@code suite} on {@code current}, with no reference data. */
    public static SuiteResult run(Suite suite, Schema schema, Dataset<Row> current) {
        return run(suite, schema, current, null);
    }

    /** Runs {@code suite} on {@code current} against {@code reference} (may be null). */
    public static SuiteResult run(Suite suite, Schema schema, Dataset<Row> current, Dataset<Row> reference) {
        return new Run(schema, named(current, "current", null), named(reference, "reference", null), Map.of(), Options.DEFAULT)
                .run(suite, Progress.NONE);
    }

    /**
     * Runs {@code suite}: the full form, used by the command line.
     *
     * @param currentLocation where the current data came from, for the reports; may be null
     * @param referenceLocation where the reference came from; may be null
     * @param settings run-level settings recorded in the provenance
     */
    public static SuiteResult run(Suite suite, Schema schema, Dataset<Row> current, String currentLocation,
            Dataset<Row> reference, String referenceLocation, Map<String, String> settings, Options options, Progress progress) {
        return new Run(schema, named(current, "current", currentLocation), named(reference, "reference", referenceLocation),
                settings, options).run(suite, progress);
    }

    private static Source named(Dataset<Row> data, String role, String location) {
        return data == null ? null : new Source(data, role, location, location == null ? role + " data (Spark)" : location);
    }

    /**
     * A data set of the run, or the slice of one a check's {@code where} selects.
     *
     * @param role {@code current}, {@code reference}, or a slice's {@code current [sex = Female]}
     * @param name the name of the data in messages, that of the whole data set for a slice
     */
    private record Source(Dataset<Row> data, String role, String location, String name) {
        List<String> columns() {
            return Arrays.asList(data.columns());
        }

        FoldedChecks.Data folded() {
            return new FoldedChecks.Data(data, role, location, name);
        }

        /** The file name of the location, or the role, as checks name data in messages. */
        String shortName() {
            return location == null ? role + " data" : location.substring(location.lastIndexOf('/') + 1);
        }

        /** The rows {@code where} selects, named as core names a slice ({@link dev.assay.core.data.Dataset#slice}). */
        Source slice(RowFilter where) {
            return new Source(SparkSlice.select(data, where, name), role + " [" + where.describe() + "]", location, name);
        }
    }

    /**
     * One run: a condensed frame is kept per data set and column list while a later check reads the
     * same columns, then released.
     */
    private static final class Run {
        private final Schema schema;
        private final Source current;
        private final Source reference;
        private final Map<String, String> settings;
        private final Options options;
        /** The condensed frames still needed by a later check, by role and columns. */
        private final Map<List<String>, Frame> frames = new HashMap<>();
        /** The row count of each data set read so far, by role. */
        private final Map<String, Long> rows = new HashMap<>();

        Run(Schema schema, Source current, Source reference, Map<String, String> settings, Options options) {
            this.schema = schema;
            this.current = current;
            this.reference = reference;
            this.settings = settings;
            this.options = options;
        }

        SuiteResult run(Suite suite, Progress progress) {
            Instant started = Instant.now();
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
            environment.put("engine", "spark " + current.data().sparkSession().version() + ", master "
                    + current.data().sparkSession().sparkContext().master());
            Provenance provenance = new Provenance(AssayVersion.current(), started, List.of(), settings, Map.of(), environment);
            List<CheckResult> results = new ArrayList<>();
            Map<String, Map<String, String>> perCheck = new LinkedHashMap<>();
            List<List<String>> planned = suite.checks().stream().map(c -> CheckColumns.unsupported(c) != null ? List.<String>of()
                    : CheckColumns.of(c, schema, current.columns())).toList();
            progress.begin("checks", suite.checks().size());
            for (int i = 0; i < suite.checks().size(); i++) {
                Check check = suite.checks().get(i);
                SuiteResult one = runOne(suite, check, provenance);
                results.add(one.checks().get(0));
                perCheck.putAll(one.provenance().checks());
                List<List<String>> later = planned.subList(i + 1, planned.size());
                frames.keySet().removeIf(key -> !later.contains(key.subList(1, key.size())));
                progress.advance(check.name());
            }
            progress.end();
            List<DatasetInfo> infos = new ArrayList<>();
            infos.add(info(current));
            if (reference != null) {
                infos.add(info(reference));
            }
            Provenance withData = new Provenance(provenance.assayVersion(), started, infos, settings, Map.of(), environment,
                    perCheck);
            return new SuiteResult(suite.name(), suite.description(), results, withData, Duration.between(started, Instant.now()));
        }

        private SuiteResult runOne(Suite suite, Check check, Provenance provenance) {
            Suite single = new Suite(suite.name(), suite.description(), List.of(check));
            String why = CheckColumns.unsupported(check);
            Instant start = Instant.now();
            if (why != null) {
                return new SuiteResult(suite.name(), suite.description(), List.of(skipped(check, why, start)),
                        provenance.withChecks(Map.of(check.name(), check.settings())), Duration.ZERO);
            }
            List<String> columns = CheckColumns.of(check, schema, current.columns());
            Prepared prepared;
            try {
                prepared = prepare(check, columns);
            } catch (RowCounts.TooManyCombinations e) {
                return new SuiteResult(suite.name(), suite.description(), List.of(skipped(check, e.getMessage(), start)),
                        provenance.withChecks(Map.of(check.name(), check.settings())), Duration.ZERO);
            } catch (InvalidInputException e) {
                return new SuiteResult(suite.name(), suite.description(), List.of(CheckResult.error(check.name(), check.kind(),
                        e.getMessage(), Duration.between(start, Instant.now()))),
                        provenance.withChecks(Map.of(check.name(), check.settings())), Duration.ZERO);
            }
            SuiteResult one = new SuiteRunner(1).run(single, prepared.context(), provenance);
            CheckResult r = one.checks().get(0);
            List<String> notes = new ArrayList<>(r.notes());
            notes.add(prepared.note());
            CheckResult withNote = new CheckResult(r.name(), r.kind(), r.status(), r.message(), r.measurements(), r.conditions(),
                    r.tables(), r.charts(), notes, Duration.between(start, Instant.now()), r.confusionMatrix());
            return new SuiteResult(one.suite(), one.description(), List.of(withNote), one.provenance(), one.duration());
        }

        /** The context of {@code check} by the first route that serves it, and the note that says which. */
        private Prepared prepare(Check check, List<String> columns) {
            RowFilter where = check instanceof MeasuringCheck ? ((MeasuringCheck) check).where() : null;
            Prepared prepared = where == null ? withoutRows(check, columns, current, reference) : sliced(check, columns, where);
            if (prepared != null) {
                return prepared;
            }
            CheckContext context = condensed(columns);
            return new Prepared(context, "Run on Spark: the " + context.current().info().rows() + " rows were condensed to"
                    + " the distinct values of " + columns.size() + " column(s) " + columns + " and counted; the result is"
                    + " that of these rows on one machine.");
        }

        /**
         * The context of a check with a {@code where} whose slice is selected on Spark and served by a route
         * without rows ({@link CheckContext#withSlice}); null when it runs on condensed rows. As locally, a
         * filter that matches no current row is an error, and a reference without a match is left out.
         */
        private Prepared sliced(Check check, List<String> columns, RowFilter where) {
            boolean folds = FOLDED_WITH_SLICE.contains(check.kind());
            if (!folds && !CheckColumns.onProfiles(check) && STATISTICS.stream().noneMatch(s -> s.handles(check, schema))) {
                return null;
            }
            Source cur = current.slice(where);
            if (rows.computeIfAbsent(cur.role(), role -> cur.data().count()) == 0) {
                throw where.noRowMatches(current.name());
            }
            Source ref = null;
            if (reference != null) {
                try {
                    Source r = reference.slice(where);
                    ref = rows.computeIfAbsent(r.role(), role -> r.data().count()) == 0 ? null : r;
                } catch (InvalidInputException e) {
                    ref = null;
                }
            }
            Prepared slice = withoutRows(check, columns, cur, ref);
            if (slice == null) {
                return null;
            }
            CheckContext whole = new CheckContext(withoutRows(current, columns), reference == null ? null
                    : withoutRows(reference, columns));
            return new Prepared(whole.withSlice(where, slice.context()), slice.note() + " The rows where " + where.describe()
                    + " were selected per partition by the check's filter.");
        }

        /** The context of {@code check} on {@code cur} and {@code ref} by a route without rows on the driver; null if none. */
        private Prepared withoutRows(Check check, List<String> columns, Source cur, Source ref) {
            SparkStatistics statistics = STATISTICS.stream().filter(s -> s.handles(check, schema)).findFirst().orElse(null);
            if (statistics != null) {
                CheckContext context = new CheckContext(withoutRows(cur, columns), ref == null ? null : withoutRows(ref, columns));
                statistics.store(context, check, schema, cur.data(), cur.name(), ref == null ? null : ref.data(),
                        ref == null ? null : ref.name());
                return new Prepared(context, "Run on Spark: each partition's rows were folded into the statistics of the check"
                        + " and the partial statistics merged; no rows were brought to the driver.");
            }
            if (CheckColumns.onProfiles(check)) {
                CheckContext context = profiles(columns, cur, ref);
                return new Prepared(context, "Run on Spark: each partition of the " + context.current().info().rows()
                        + " rows was profiled (exact counts and moments, a KLL sketch of k=" + NumericProfile.K
                        + " per numeric column) and the profiles merged; no row reached the driver.");
            }
            CheckContext counted = CountedChecks.context(check, schema, cur.folded(), columns, options.maxCombinations());
            if (counted != null) {
                return new Prepared(counted, CountedChecks.NOTE);
            }
            CheckContext folded = FoldedChecks.context(check, schema, cur.folded(), ref == null ? null : ref.folded(),
                    options.maxCombinations());
            return folded == null ? null : new Prepared(folded, FoldedChecks.NOTE);
        }

        /** A data set with {@code source}'s role, name and row count and the columns' names, but no rows. */
        private dev.assay.core.data.Dataset withoutRows(Source source, List<String> columns) {
            List<String> present = new ArrayList<>(columns);
            present.retainAll(source.columns());
            long n = rows.computeIfAbsent(source.role(), role -> source.data().count());
            Frame empty = Frame.of(present.stream().map(c -> (Column) NumericColumn.wrap(c, new double[0])).toList());
            return new dev.assay.core.data.Dataset(empty, restrict(schema, present),
                    new DatasetInfo(source.role(), source.location(), n, source.columns().size(), null));
        }

        /** The context of a check run on the distinct combinations of its columns. */
        private CheckContext condensed(List<String> columns) {
            dev.assay.core.data.Dataset cur = dataset(current, columns);
            dev.assay.core.data.Dataset ref = null;
            if (reference != null) {
                List<String> refColumns = new ArrayList<>(columns);
                refColumns.retainAll(reference.columns());
                ref = dataset(reference, refColumns);
            }
            return new CheckContext(cur, ref);
        }

        /** The context of a check run on the profiles of both data sets ({@link SparkProfiles}): columns, no rows. */
        private CheckContext profiles(List<String> columns, Source current, Source reference) {
            Frame names = SparkProfiles.columnsOnly(current.data(), columns, current.name());
            ProfilePair pair = SparkProfiles.pair(reference == null ? null : reference.data(),
                    reference == null ? null : reference.shortName(), current.data(), current.shortName(), columns);
            rows.put(current.role(), pair.current().rows());
            if (reference != null) {
                rows.put(reference.role(), pair.reference().rows());
            }
            dev.assay.core.data.Dataset cur = new dev.assay.core.data.Dataset(names, restrict(schema, columns),
                    new DatasetInfo(current.role(), current.location(), pair.current().rows(), current.columns().size(), null));
            return new CheckContext(cur, null).withProfiles(pair);
        }

        private dev.assay.core.data.Dataset dataset(Source source, List<String> columns) {
            List<String> key = new ArrayList<>();
            key.add(source.role());
            key.addAll(columns);
            Frame frame = frames.get(key);
            if (frame == null) {
                frame = ExpandedFrame.of(RowCounts.of(source.data(), columns, options.maxCombinations()), source.name());
                frames.put(key, frame);
                rows.put(source.role(), (long) frame.rowCount());
            }
            return new dev.assay.core.data.Dataset(frame, restrict(schema, columns),
                    new DatasetInfo(source.role(), source.location(), frame.rowCount(), source.columns().size(), null));
        }

        /** The data set's facts; its row count from a condensed frame when a check read it, else counted by Spark. */
        private DatasetInfo info(Source source) {
            Long counted = rows.get(source.role());
            long n = counted == null ? source.data().count() : counted;
            return new DatasetInfo(source.role(), source.location(), n, source.columns().size(), null);
        }

        /** A check's context and the note saying how Spark computed what it reads. */
        private record Prepared(CheckContext context, String note) {
        }

        private static CheckResult skipped(Check check, String reason, Instant start) {
            return new CheckResult(check.name(), check.kind(), Status.SKIPPED, reason, List.of(), List.of(), List.of(), List.of(),
                    List.of(), Duration.between(start, Instant.now()));
        }
    }

    /** {@code schema} without the columns a condensed frame does not hold. */
    static Schema restrict(Schema schema, List<String> columns) {
        Schema.Builder b = Schema.builder();
        if (schema.label() != null && columns.contains(schema.label())) {
            b.label(schema.label());
        }
        if (schema.prediction() != null && columns.contains(schema.prediction())) {
            b.prediction(schema.prediction());
        }
        if (schema.score() != null && columns.contains(schema.score())) {
            b.score(schema.score());
        }
        schema.classProbabilities().forEach((cls, column) -> {
            if (columns.contains(column)) {
                b.classProbability(cls, column);
            }
        });
        b.features(schema.features().stream().filter(columns::contains).toList());
        b.protectedAttributes(schema.protectedAttributes().stream().filter(columns::contains).toList());
        if (schema.timestamp() != null && columns.contains(schema.timestamp())) {
            b.timestamp(schema.timestamp());
        }
        if (schema.id() != null && columns.contains(schema.id())) {
            b.id(schema.id());
        }
        if (schema.weight() != null && columns.contains(schema.weight())) {
            b.weight(schema.weight());
        }
        return b.build();
    }
}
