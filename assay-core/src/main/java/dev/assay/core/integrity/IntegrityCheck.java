package dev.assay.core.integrity;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A data integrity check: the kind's id, what it measures and needs, and the {@link Body} that
 * measures, built by an {@link IntegrityKind} from its settings.
 */
final class IntegrityCheck extends MeasuringCheck {
    private final Body body;

    IntegrityCheck(CheckSetup setup, IntegrityKind kind, Body body) {
        super(setup, kind.id(), kind.measureNames(), kind.requires());
        this.body = body;
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

        /**
         * A body that measures with {@code measure} on the columns a suite named in {@code columns} (none named: the
         * kind's default), the names being its one setting.
         */
        static Body onColumns(List<String> named, Function<CheckContext, Observations> measure) {
            Map<String, String> settings = named.isEmpty() ? Map.of() : Map.of("columns", String.join(", ", named));
            return new Body() {
                @Override
                public Observations measure(CheckContext context) {
                    return measure.apply(context);
                }

                @Override
                public Map<String, String> settings() {
                    return settings;
                }
            };
        }
    }
}
