package dev.assay.models;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.Suggestions;
import dev.assay.core.model.ModelSource;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Typed, validated reading of a {@link ModelSource}'s adapter options; errors name the option and the model. */
public final class ModelOptions {
    private final ModelSource source;

    /**
     * @param source the model source
     * @param allowed the option names this adapter knows
     * @throws InvalidInputException for an option the adapter does not know
     */
    public ModelOptions(ModelSource source, Set<String> allowed) {
        this.source = source;
        for (String key : source.options().keySet()) {
            if (!allowed.contains(key)) {
                List<String> close = Suggestions.closest(key, allowed, 1);
                throw new InvalidInputException("Unknown option '" + key + "' for model " + source.location() + "."
                        + (close.isEmpty() ? "" : " Did you mean '" + close.get(0) + "'?")
                        + " Options of this kind of model: " + new TreeSet<>(allowed) + ".");
            }
        }
    }

    /** The text of option {@code key}, or {@code fallback}. */
    public String text(String key, String fallback) {
        return source.options().getOrDefault(key, fallback);
    }

    /** Option {@code key} as a positive whole number, or {@code fallback}. */
    public int positiveInt(String key, int fallback) {
        String v = source.options().get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("Option '" + key + "' of model " + source.location() + " must be a whole number above 0, found '"
                + v + "'.");
    }
}
