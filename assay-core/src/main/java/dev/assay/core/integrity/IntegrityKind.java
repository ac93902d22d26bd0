package dev.assay.core.integrity;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.Requirements;
import java.util.List;

/**
 * The shared shape of the data integrity kinds: a fixed id, description, keys, measurement names and
 * requirements; each kind reads its settings into an {@link IntegrityCheck.Body}.
 */
abstract class IntegrityKind implements CheckKind {
    private final String id;
    private final String description;
    private final List<ConfigKey> keys;
    private final List<String> measures;
    private final Requirements requires;

    IntegrityKind(String id, String description, List<ConfigKey> keys, List<String> measures, Requirements requires) {
        this.id = id;
        this.description = description;
        this.keys = List.copyOf(keys);
        this.measures = List.copyOf(measures);
        this.requires = requires;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ConfigKey> keys() {
        return keys;
    }

    @Override
    public final String measures() {
        return String.join(", ", measures);
    }

    /** The names of the measurements, for conditions. */
    final List<String> measureNames() {
        return measures;
    }

    @Override
    public final Requirements requires() {
        return requires;
    }

    @Override
    public String defaultName(CheckConfig config) {
        String words = id.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Override
    public final Check create(CheckConfig config, CheckSetup setup) {
        return new IntegrityCheck(setup, this, body(config, setup));
    }

    /** Reads and validates the settings; {@code setup} gives the suite's evaluation settings and seed. */
    abstract IntegrityCheck.Body body(CheckConfig config, CheckSetup setup);

    /** The {@code columns} key shared by most kinds. */
    static ConfigKey columnsKey(String fallback) {
        return new ConfigKey("columns", "the columns to check (default: " + fallback + ")");
    }

    /** A whole number under {@code key} within [min, max]. */
    static int whole(CheckConfig config, String key, int fallback, int min, int max) {
        long v = config.integer(key, fallback);
        if (v < min || v > max) {
            throw config.error(key, "'" + key + "' must be a whole number from " + min + " to " + max + ", found " + v + ".");
        }
        return (int) v;
    }

    /** A number under {@code key} within [min, max]. */
    static double number(CheckConfig config, String key, double fallback, double min, double max) {
        double v = config.number(key, fallback);
        if (!(v >= min && v <= max)) {
            throw config.error(key, "'" + key + "' must be from " + min + " to " + max + ", found " + config.string(key, null) + ".");
        }
        return v;
    }
}
