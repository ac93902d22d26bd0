package dev.assay.io.suite;

import dev.assay.core.check.Check;
import dev.assay.core.data.RowFilter;
import dev.assay.core.data.Schema;
import dev.assay.core.model.ModelSource;
import dev.assay.core.progress.Progress;
import dev.assay.core.result.SuiteResult;
import dev.assay.core.suite.Suite;
import dev.assay.core.suite.SuiteRunner;
import dev.assay.io.ReadOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run needs before its data is loaded: the checks, the data sources, the column roles,
 * the model, and the run-level settings for provenance. It comes from a suite file
 * ({@link #fromFile}) or is built in Java ({@link #builder}); either way {@link #run()} loads the
 * data once, predicts once and runs the checks, exactly as {@code assay run} does.
 *
 * @param origin the suite file, or a description such as {@code suite 'Gate'} for a plan built in code;
 *     messages start with it
 * @param suite the suite's name, description and checks
 * @param current the data under test
 * @param reference the data to compare with; null when the suite has none
 * @param columns the column roles
 * @param model the model whose predictions are tested; null when the data holds the predictions
 * @param settings run-level settings recorded in the provenance (the suite's evaluation defaults, seed)
 * @param rules what of the suite file can only be checked once the data is loaded, with its lines
 */
public record SuitePlan(String origin, Suite suite, DataSpec current, DataSpec reference, ColumnsSpec columns,
        ModelSource model, Map<String, String> settings, DataRules rules) {

    /**
     * What a suite file says that can only be checked against the data, with the lines to name when
     * it does not hold; lines are 0 where unknown.
     *
     * @param modelLine the line of {@code model}, for errors while loading it
     * @param positiveClass {@code evaluation.positive}, which must occur in the label column; null when not given
     * @param positiveLine its line
     * @param slices the {@code where} of each check, whose columns must exist and select rows
     */
    public record DataRules(int modelLine, String positiveClass, int positiveLine, List<Slice> slices) {
        /** Nothing to check: a plan built in Java, whose checks report such problems when they run. */
        public static final DataRules NONE = new DataRules(0, null, 0, List.of());

        public DataRules {
            slices = List.copyOf(slices);
        }
    }

    /**
     * A check's slice as the suite file gives it.
     *
     * @param check the check's name
     * @param where the rows it selects
     * @param line the line of its {@code where}
     */
    public record Slice(String check, RowFilter where, int line) {
    }

    public SuitePlan {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(rules, "rules");
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * Parses and validates a suite file ({@code docs/suite-format.md}); data files are not opened yet.
     *
     * @throws dev.assay.core.error.InvalidInputException naming the file and line for any problem
     */
    public static SuitePlan fromFile(Path file) {
        return SuiteFileParser.parse(file);
    }

    /** A plan for {@code suite}, built in Java. */
    public static Builder builder(Suite suite) {
        return new Builder(suite);
    }

    /** The checks, in order. */
    public List<Check> checks() {
        return suite.checks();
    }

    /**
     * Loads the data and the model, runs every check and returns the result; the model is closed
     * afterwards. Reports are written separately ({@code Reports.writeAll} in assay-reports).
     *
     * @throws dev.assay.core.error.InvalidInputException when a data file or the model cannot be
     *     loaded, naming the file, the suite line and the fix; problems inside one check become its
     *     {@code ERROR} result instead
     */
    public SuiteResult run() {
        return run(Progress.NONE);
    }

    /** {@link #run()}, reporting each finished check to {@code progress}. */
    public SuiteResult run(Progress progress) {
        try (LoadedSuite loaded = LoadedSuite.load(this)) {
            return new SuiteRunner().withProgress(progress).run(suite, loaded.context(), loaded.provenance());
        }
    }

    /** Builds a {@link SuitePlan} in Java. */
    public static final class Builder {
        private final Suite suite;
        private DataSpec current;
        private DataSpec reference;
        private ColumnsSpec columns;
        private ModelSource model;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder(Suite suite) {
            this.suite = Objects.requireNonNull(suite, "suite");
        }

        /** The data under test, read with default options (format from the extension). */
        public Builder current(Path file) {
            return current(file, ReadOptions.defaults());
        }

        /** The data under test, read with {@code options}. */
        public Builder current(Path file, ReadOptions options) {
            this.current = new DataSpec("current", file, options, 0);
            return this;
        }

        /** The data to compare with. */
        public Builder reference(Path file) {
            return reference(file, ReadOptions.defaults());
        }

        /** The data to compare with, read with {@code options}. */
        public Builder reference(Path file, ReadOptions options) {
            this.reference = new DataSpec("reference", file, options, 0);
            return this;
        }

        /** The column roles (label, stored predictions, protected attributes, ...). */
        public Builder columns(Schema roles) {
            return columns(ColumnsSpec.of(roles));
        }

        /** The column roles, e.g. with probability columns found by prefix ({@link ColumnsSpec#of(Schema, String)}). */
        public Builder columns(ColumnsSpec roles) {
            this.columns = roles;
            return this;
        }

        /** The model whose predictions the checks test. */
        public Builder model(ModelSource source) {
            this.model = source;
            return this;
        }

        /** A run-level setting to record in the provenance. */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /**
         * The plan.
         *
         * @throws IllegalStateException when the current data or the columns are missing
         */
        public SuitePlan build() {
            if (current == null || columns == null) {
                throw new IllegalStateException("a suite plan needs current(...) data and columns(...)");
            }
            return new SuitePlan("suite '" + suite.name() + "'", suite, current, reference, columns, model, settings, DataRules.NONE);
        }
    }
}
