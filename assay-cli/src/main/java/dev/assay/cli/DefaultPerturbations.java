package dev.assay.cli;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.robustness.NumericProfile;
import dev.assay.core.robustness.PerturbationTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The perturbations {@code assay robustness} runs when none is named: those that change some target column.
 * Numeric columns get {@code gaussian_noise} and {@code extreme_values}, and {@code rounding} when some value has
 * a fraction; categorical columns {@code category_swap}; text columns {@code typos}; every target
 * {@code missing_values}.
 */
final class DefaultPerturbations {
    private DefaultPerturbations() {
    }

    static List<String> of(Frame frame, PerturbationTarget target) {
        boolean numeric = false;
        boolean fractions = false;
        boolean categorical = false;
        boolean text = false;
        for (String c : target.columns()) {
            Column column = frame.column(c);
            if (column instanceof NumericColumn) {
                NumericProfile p = target.profile(c);
                numeric = true;
                fractions |= p != null && !p.integer();
            }
            categorical |= column instanceof CategoricalColumn;
            text |= column instanceof TextColumn;
        }
        List<String> out = new ArrayList<>();
        if (numeric) {
            out.add("gaussian_noise");
        }
        if (!target.columns().isEmpty()) {
            out.add("missing_values");
        }
        if (numeric) {
            out.add("extreme_values");
        }
        if (categorical) {
            out.add("category_swap");
        }
        if (fractions) {
            out.add("rounding");
        }
        if (text) {
            out.add("typos");
        }
        return out;
    }
}
