package dev.assay.io.suite;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Column;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.core.model.PredictedDataset;
import dev.assay.core.model.PredictionColumns;
import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.ProfileFile;
import dev.assay.core.result.AssayVersion;
import dev.assay.core.result.DatasetInfo;
import dev.assay.core.result.Provenance;
import dev.assay.io.DataReader;
import dev.assay.io.LoadedData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A suite file's data, loaded once: the {@link CheckContext} every check of the run shares and the
 * provenance of the run. When the suite names a model, the model is loaded and predicts every data
 * set once; its predictions become columns that all checks read. Close it to free the model.
 *
 * @param context the current and reference data sets with their schemas, and the model
 * @param provenance the Assay version, data sets with fingerprints, settings and environment
 */
public record LoadedSuite(CheckContext context, Provenance provenance) implements AutoCloseable {
    /** Labels with more distinct values than this are not checked for the positive class. */
    private static final int MAX_CLASSES = EvaluationSettings.MAX_CLASSES_INFERRED;

    /**
     * Reads the data sets of {@code suite}, checks that the columns it names exist and, when it
     * names a model, loads it with the registered adapters ({@link ModelLoaders}) and adds its
     * predictions.
     *
     * @throws InvalidInputException naming the file, the suite line and the fix
     */
    public static LoadedSuite load(SuitePlan suite) {
        return load(suite, ModelLoaders::load);
    }

    /** As {@link #load(SuitePlan)}, loading the model with {@code models}. */
    public static LoadedSuite load(SuitePlan suite, Function<ModelSource, Model> models) {
        Instant started = Instant.now();
        DataReader reader = new DataReader();
        Dataset current = dataset(reader, suite, suite.current());
        checkRules(suite, current);
        boolean profiled = suite.reference() != null && ProfileFile.isProfile(suite.reference().path());
        DatasetProfile profile = profiled ? profile(suite) : null;
        Dataset reference = suite.reference() == null || profiled ? null : dataset(reader, suite, suite.reference());
        Model model = null;
        Set<String> notes = new LinkedHashSet<>();
        if (suite.model() != null) {
            model = loadModel(suite, models);
            try {
                current = predict(model, current, notes);
                reference = reference == null ? null : predict(model, reference, notes);
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
        }
        List<DatasetInfo> infos = new ArrayList<>();
        infos.add(current.info());
        if (reference != null) {
            infos.add(reference.info());
        }
        Provenance provenance = new Provenance(AssayVersion.current(), started, infos, suite.settings(),
                model == null ? Map.of() : modelFacts(model.info(), notes), environment());
        CheckContext context = new CheckContext(current, reference, model);
        return new LoadedSuite(profile == null ? context
                : context.withReferenceProfile(profile, suite.reference().path().getFileName().toString()), provenance);
    }

    /** Closes the model, if the suite named one. */
    @Override
    public void close() {
        context.model().ifPresent(Model::close);
    }

    private static Model loadModel(SuitePlan suite, Function<ModelSource, Model> models) {
        try {
            return models.apply(suite.model());
        } catch (InvalidInputException e) {
            throw new SuiteFileException(suite.origin(), suite.rules().modelLine(), "model: " + e.getMessage(), e);
        }
    }

    /**
     * The suite's slices and positive class against the current data, so that a typo is reported
     * at its suite line before anything runs instead of as one error per check.
     */
    private static void checkRules(SuitePlan suite, Dataset current) {
        SuitePlan.DataRules rules = suite.rules();
        for (SuitePlan.Slice slice : rules.slices()) {
            try {
                slice.where().rows(current.frame());
            } catch (InvalidInputException e) {
                throw new SuiteFileException(suite.origin(), slice.line(), "the 'where' of check '" + Excerpt.of(slice.check())
                        + "': " + e.getMessage(), e);
            }
        }
        String label = current.schema().label();
        if (rules.positiveClass() == null || label == null) {
            return;
        }
        Column column = current.frame().column(label, "label");
        Set<String> values = new TreeSet<>();
        for (int i = 0; i < column.size() && values.size() <= MAX_CLASSES; i++) {
            if (!column.isMissing(i)) {
                values.add(column.format(i));
            }
        }
        // a label with many values is a regression target; the evaluation explains a positive class there
        if (values.size() <= MAX_CLASSES && !values.contains(rules.positiveClass())) {
            throw new SuiteFileException(suite.origin(), rules.positiveLine(), "evaluation.positive: the class '"
                    + Excerpt.of(rules.positiveClass()) + "' does not occur in column '" + label + "' of "
                    + current.info().location() + ", which holds " + String.join(", ", values.stream()
                            .map(v -> "'" + Excerpt.of(v) + "'").toList()) + ". Give one of these values.");
        }
    }

    private static Dataset predict(Model model, Dataset data, Set<String> notes) {
        PredictedDataset predicted = PredictionColumns.attach(data, model.predict(data.frame()), model.info().name());
        notes.addAll(predicted.notes());
        return predicted.dataset();
    }

    /** The model's identity for the report: name, adapter, task, how its classes were read, inputs and its own metadata. */
    private static Map<String, String> modelFacts(ModelInfo info, Set<String> notes) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("name", info.name());
        out.put("kind", info.kind());
        out.put("task", info.task().id());
        if (!info.classes().isEmpty()) {
            out.put("classes", String.join(", ", info.classes()));
        }
        if (!notes.isEmpty()) {
            out.put("class_mapping", String.join(" ", notes));
        }
        out.put("inputs", info.features().width() + " from columns " + String.join(", ",
                info.features().features().stream().map(f -> f.column()).toList()));
        out.putAll(info.metadata());
        return out;
    }

    /**
     * The profile named as {@code data.reference}; only drift checks compare with a profile, so another
     * check that needs the reference rows is a suite error.
     */
    private static DatasetProfile profile(SuitePlan suite) {
        DataSpec spec = suite.reference();
        for (Check check : suite.suite().checks()) {
            if (check.requirements().reference() && !check.kind().equals("drift")) {
                throw new SuiteFileException(suite.origin(), spec.line(), "data.reference: " + spec.path().getFileName()
                        + " is a profile, which only drift checks can compare with; the check '" + check.name() + "' ("
                        + check.kind() + ") needs the reference rows. Name the reference data file instead.");
            }
        }
        try {
            return ProfileFile.read(spec.path());
        } catch (InvalidInputException e) {
            throw new SuiteFileException(suite.origin(), spec.line(), "data.reference: " + e.getMessage(), e);
        }
    }

    private static Dataset dataset(DataReader reader, SuitePlan suite, DataSpec spec) {
        LoadedData data;
        try {
            data = reader.read(spec.path(), spec.role(), spec.options());
        } catch (InvalidInputException e) {
            throw new SuiteFileException(suite.origin(), spec.line(), "data." + spec.role() + ": " + e.getMessage(), e);
        }
        return new Dataset(data.frame(), suite.columns().toSchema(data.frame()), data.info());
    }

    private static Map<String, String> environment() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return out;
    }
}
