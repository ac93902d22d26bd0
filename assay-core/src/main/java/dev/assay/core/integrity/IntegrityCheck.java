package dev.assay.core.integrity;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A data integrity check: the kind's id, what it measures and needs, and the {@link Body} that
 * measures, built by an {@link IntegrityKind} from its settings.
 */
final class IntegrityCheck extends MeasuringCheck {
    private final IntegrityKind kind;
    private final Body body;

    IntegrityCheck(CheckSetup setup, IntegrityKind kind, Body body) {
        super(setup);
        this.kind = kind;
        this.body = body;
    }

    @Override
    public String kind() {
        return kind.id();
    }

    @Override
    public Set<String> measures() {
        return new LinkedHashSet<>(kind.measureNames());
    }

    @Override
    public Requirements requirements() {
        return kind.requires();
    }

    @Override
    protected Map<String, String> ownSettings() {
        return body.settings();
    }

    @Override
    protected Observations measure(CheckContext context) {
        return body.measure(context);
    }

    /** What a check of one kind does with its settings already read. */
    interface Body {
        /** Measures on the current (and reference) data; see {@link MeasuringCheck#measure}. */
        Observations measure(CheckContext context);

        /** The settings as text, for provenance. */
        Map<String, String> settings();
    }
}
