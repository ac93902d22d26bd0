package dev.assay.core.checks;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import dev.assay.core.synth.quality.NewRowSynthesis;
import dev.assay.core.synth.quality.SyntheticQuality;
import java.util.List;

/**
 * {@code type: synthetic_quality}: how closely synthetic data (the current data) follows the real data it
 * imitates (the reference data), in SDMetrics' terms ({@link dev.assay.core.synth.quality.SyntheticQuality}).
 * Keys: {@code columns} (default every reference column), {@code tolerance} (NewRowSynthesis' numerical match
 * tolerance, default 0.01), {@code dcr_rows} (synthetic rows compared by DCR, default 1000).
 */
public final class SyntheticQualityCheckKind implements CheckKind {
    @Override
    public String id() {
        return SyntheticQualityCheck.KIND;
    }

    @Override
    public String description() {
        return "Synthetic data (current) against the real data (reference): KSComplement and TVComplement per column,"
                + " correlation and contingency similarity, new-row synthesis and distance to closest record (SDMetrics).";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("columns", "the columns compared (default: every reference column)"),
                new ConfigKey("tolerance", "relative tolerance under which numbers match for new_row_synthesis (default "
                        + NewRowSynthesis.TOLERANCE + ")"),
                new ConfigKey("dcr_rows", "synthetic rows compared by distance to closest record, a seeded sample beyond it"
                        + " (default " + SyntheticQuality.DCR_ROWS + ")"));
    }

    @Override
    public String measures() {
        return String.join(", ", SyntheticQualityCheck.MEASURES);
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE.withReference();
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Synthetic data quality";
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        double tolerance = config.number("tolerance", NewRowSynthesis.TOLERANCE);
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw config.error("tolerance", "'tolerance' is a relative tolerance in [0, 1), e.g. 0.01, found " + tolerance + ".");
        }
        long rows = config.integer("dcr_rows", SyntheticQuality.DCR_ROWS);
        if (rows < 1 || rows > 1_000_000) {
            throw config.error("dcr_rows", "'dcr_rows' must be from 1 to 1000000, found " + rows + ".");
        }
        return new SyntheticQualityCheck(setup, config.strings("columns"), tolerance, (int) rows);
    }
}
