package dev.assay.io.suite;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.Dataset;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.result.DatasetInfo;
import dev.assay.core.result.Provenance;
import dev.assay.io.DataReader;
import dev.assay.io.LoadedData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A suite file's data, loaded once: the {@link CheckContext} every check of the run shares and the
 * provenance of the run.
 *
 * @param context the current and reference data sets with their schemas
 * @param provenance the Assay version, data sets with fingerprints, settings and environment
 */
public record LoadedSuite(CheckContext context, Provenance provenance) {

    /**
     * Reads the data sets of {@code suite} and checks that the columns it names exist.
     *
     * @throws InvalidInputException naming the file, the suite line and the fix
     */
    public static LoadedSuite load(SuiteFile suite, String assayVersion) {
        Instant started = Instant.now();
        DataReader reader = new DataReader();
        Dataset current = dataset(reader, suite, suite.current());
        Dataset reference = suite.reference() == null ? null : dataset(reader, suite, suite.reference());
        List<DatasetInfo> infos = new ArrayList<>();
        infos.add(current.info());
        if (reference != null) {
            infos.add(reference.info());
        }
        Provenance provenance = new Provenance(assayVersion, started, infos, settings(suite.settings()), environment());
        return new LoadedSuite(new CheckContext(current, reference), provenance);
    }

    private static Dataset dataset(DataReader reader, SuiteFile suite, DataSpec spec) {
        LoadedData data;
        try {
            data = reader.read(spec.path(), spec.role(), spec.options());
        } catch (InvalidInputException e) {
            throw new SuiteFileException(suite.file().toString(), spec.line(), "data." + spec.role() + ": " + e.getMessage(), e);
        }
        return new Dataset(data.frame(), suite.columns().toSchema(data.frame()), data.info());
    }

    private static Map<String, String> settings(EvaluationSettings s) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("task", s.task() == null ? "inferred" : s.task().id());
        out.put("positive_class", s.positiveClass() == null ? "default rule" : s.positiveClass());
        out.put("threshold", Double.toString(s.threshold()));
        out.put("zero_division", s.zeroDivision().name().toLowerCase(java.util.Locale.ROOT));
        return out;
    }

    private static Map<String, String> environment() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return out;
    }
}
