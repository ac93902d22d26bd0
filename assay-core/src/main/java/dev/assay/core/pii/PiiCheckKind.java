package dev.assay.core.pii;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.Frame;
import dev.assay.core.progress.Progress;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code type: pii}: personal data in the current data's columns ({@link PiiScan}). Measures {@code pii_columns}
 * (columns holding any entity), {@code pii_values[column]} (values of a column holding any entity) and, per entity,
 * {@code email_address}, {@code phone_number}, {@code credit_card}, {@code iban_code}, {@code us_ssn},
 * {@code ip_address}, {@code date_time} (values holding it in all columns) with {@code email_address[column]} for
 * each column where it was found. Example: {@code fail: pii_columns == 0}, {@code fail: credit_card == 0}.
 */
public final class PiiCheckKind implements CheckKind {

    @Override
    public String id() {
        return "pii";
    }

    @Override
    public String description() {
        return "Personal data in columns: e-mail, phone, card, IBAN, US SSN, IP address, date of birth (Presidio's recognizers).";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("columns", "the columns to scan (default: every column)"),
                new ConfigKey("threshold", "the lowest score, after column-name context, that counts (default 0.4)"));
    }

    @Override
    public String measures() {
        return String.join(", ", names());
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Personal data";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        List<String> columns = config.strings("columns");
        double threshold = config.number("threshold", PiiScan.DEFAULT_THRESHOLD);
        if (!(threshold > 0 && threshold <= 1)) {
            throw config.error("threshold", "'threshold' is a score in (0, 1], found " + config.string("threshold", null) + ".");
        }
        return new PiiCheck(setup, columns, threshold);
    }

    private static Set<String> names() {
        Set<String> out = new TreeSet<>(List.of("pii_columns", "pii_values"));
        for (PiiEntity e : PiiEntity.values()) {
            out.add(e.measurement());
        }
        return out;
    }

    private static final class PiiCheck extends MeasuringCheck {
        private final List<String> columns;
        private final double threshold;

        PiiCheck(CheckSetup setup, List<String> columns, double threshold) {
            super(setup, "pii", names(), Requirements.NONE);
            this.columns = List.copyOf(columns);
            this.threshold = threshold;
        }

        @Override
        protected Map<String, String> ownSettings() {
            Map<String, String> out = new LinkedHashMap<>();
            if (!columns.isEmpty()) {
                out.put("columns", String.join(", ", columns));
            }
            out.put("threshold", Double.toString(threshold));
            return out;
        }

        @Override
        protected Observations measure(CheckContext context) {
            Frame frame = context.current().frame();
            List<String> scanned = columns.isEmpty() ? frame.columnNames() : columns;
            List<ColumnFindings> findings = new PiiScan(threshold).scan(frame, scanned, Progress.NONE);
            Observations obs = new Observations();
            Map<PiiEntity, Integer> totals = new EnumMap<>(PiiEntity.class);
            List<List<Object>> rows = new ArrayList<>();
            int withPii = 0;
            for (ColumnFindings f : findings) {
                obs.measurement(Measurement.of("pii_values", f.column(), f.withPii(), f.values()));
                withPii += f.any() ? 1 : 0;
                for (Map.Entry<PiiEntity, Integer> e : f.counts().entrySet()) {
                    totals.merge(e.getKey(), e.getValue(), Integer::sum);
                    obs.measurement(Measurement.of(e.getKey().measurement(), f.column(), e.getValue(), f.values()));
                    rows.add(List.of(f.column(), e.getKey().name(), e.getValue(), (double) e.getValue() / f.values(),
                            String.join(", ", f.examples().get(e.getKey()))));
                }
            }
            for (PiiEntity e : PiiEntity.values()) {
                obs.measurement(Measurement.of(e.measurement(), totals.getOrDefault(e, 0), frame.rowCount()));
            }
            obs.measurement(Measurement.of("pii_columns", withPii, findings.size()));
            obs.table(new EvidenceTable("Personal data found (examples masked)", List.of("column", "entity", "values", "share", "examples"),
                    rows));
            obs.summary(withPii == 0 ? "No personal data found in " + findings.size() + " columns."
                    : withPii + " of " + findings.size() + " columns hold personal data.");
            return obs;
        }
    }
}
