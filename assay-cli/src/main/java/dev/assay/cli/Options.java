package dev.assay.cli;

import dev.assay.core.data.ColumnType;
import dev.assay.core.error.Choices;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.io.ReadOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Validation of option values shared by the commands; errors name the option, the value and what is allowed. */
final class Options {
    private Options() {
    }

    /** {@code value} of {@code option} in lower case, refused unless it is one of {@code allowed}. */
    static String choice(String option, String value, List<String> allowed) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw invalid(option, value, allowed);
        }
        return v;
    }

    static InvalidInputException invalid(String option, String value, List<String> allowed) {
        return new InvalidInputException("Invalid value '" + Excerpt.of(value) + "' for " + option + ". Allowed: "
                + String.join(", ", allowed) + ".");
    }

    static <E extends Enum<E>> E enumOption(String option, String value, Class<E> type) {
        return Choices.parse(type, value, option);
    }

    /** Read options from {@code --type COL=TYPE} and {@code --missing VALUE} options. */
    static ReadOptions readOptions(Map<String, String> types, List<String> missing) {
        ReadOptions options = ReadOptions.defaults().withMissingValues(missing.toArray(String[]::new));
        for (Map.Entry<String, String> t : types.entrySet()) {
            options = options.withColumnType(t.getKey(), enumOption("--type " + t.getKey(), t.getValue(), ColumnType.class));
        }
        return options;
    }
}
