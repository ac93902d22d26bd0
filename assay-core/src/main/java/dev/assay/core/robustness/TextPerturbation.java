package dev.assay.core.robustness;

import java.util.Map;

/**
 * A perturbation that edits text values one at a time: text columns, and categorical columns read from free text
 * (their edited values become new categories). Numeric columns are not changed.
 */
abstract class TextPerturbation extends ColumnPerturbation {

    TextPerturbation(String name, Map<String, String> settings) {
        super(name, settings);
    }

    @Override
    final boolean editsText() {
        return true;
    }
}
