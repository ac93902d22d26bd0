package dev.assay.core.integrity;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code type: single_value}: columns with one distinct value, which carry no information, like
 * Deepchecks' {@code IsSingleValue}. Measures {@code distinct_count[column]} (pandas'
 * {@code nunique(dropna=True)}; with {@code ignore_missing: false} a missing value counts as one
 * more value, as {@code nunique(dropna=False)}) and {@code single_value_columns}.
 */
public final class SingleValueKind extends IntegrityKind {

    public SingleValueKind() {
        super("single_value", "Single-value columns: columns whose every row holds the same value (or none).",
                List.of(columnsKey("every column but predictions and scores"),
                        new ConfigKey("ignore_missing", "whether missing values are left out of the count (default true)")),
                List.of("distinct_count", "single_value_columns"), Requirements.NONE);
    }

    @Override
    IntegrityCheck.Body body(CheckConfig config, CheckSetup setup) {
        List<String> named = config.strings("columns");
        boolean ignoreMissing = config.bool("ignore_missing", true);
        return new IntegrityCheck.Body() {
            @Override
            public Observations measure(CheckContext context) {
                List<String> columns = ColumnChoice.all(context.current(), named);
                ColumnTallies tallies = ColumnTallies.of(context);
                long n = tallies.rows();
                Observations obs = new Observations();
                List<List<Object>> rows = new ArrayList<>();
                for (String name : columns) {
                    ColumnTallies.Distinct d = tallies.distinct(name);
                    long distinct = d.values() + (d.missing() > 0 && !ignoreMissing ? 1 : 0);
                    obs.measurement(Measurement.of("distinct_count", name, distinct, n));
                    if (distinct <= 1) {
                        rows.add(java.util.Arrays.asList(name, distinct, d.value() == null ? "(missing)" : d.value()));
                    }
                }
                obs.measurement(Measurement.of("single_value_columns", rows.size(), n));
                obs.table(new EvidenceTable("Columns with a single value", List.of("column", "distinct values", "value"), rows));
                obs.summary(rows.isEmpty() ? "Every one of " + columns.size() + " columns has two or more values."
                        : rows.size() + " of " + columns.size() + " columns have at most one distinct value: "
                                + String.join(", ", rows.stream().map(r -> (String) r.get(0)).toList()) + ".");
                return obs;
            }

            @Override
            public Map<String, String> settings() {
                return Map.of("ignore_missing", Boolean.toString(ignoreMissing));
            }
        };
    }
}
