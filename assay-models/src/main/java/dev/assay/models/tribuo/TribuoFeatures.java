package dev.assay.models.tribuo;

import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.FeatureMapping.Feature;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * The naming convention between frame columns and Tribuo feature names: a numeric column is the
 * feature of the same name, a one-hot encoded column is one feature {@code column=level} per level
 * (as {@link FeatureMapping#inputNames()} spells them). Tribuo numbers features in the lexicographic
 * order of their names; the mapping read back from a trained model follows that order, so its
 * dense input vector is indexed by Tribuo's feature ids.
 */
public final class TribuoFeatures {

    private TribuoFeatures() {
    }

    /**
     * The mapping whose inputs are the model's features in id order.
     *
     * @throws IllegalArgumentException if the levels of a one-hot column are not consecutive ids
     *     (a numeric column whose name sorts between them)
     */
    public static FeatureMapping mapping(ImmutableFeatureMap featureMap) {
        List<Feature> features = new ArrayList<>();
        String column = null;
        List<String> levels = null;
        List<String> seen = new ArrayList<>();
        for (int id = 0; id < featureMap.size(); id++) {
            String name = featureMap.get(id).getName();
            int eq = name.indexOf('=');
            String col = eq < 0 ? name : name.substring(0, eq);
            if (levels != null && !col.equals(column)) {
                features.add(Feature.oneHot(column, levels));
                levels = null;
            }
            if (seen.contains(col) && !col.equals(column)) {
                throw new IllegalArgumentException("the features of column '" + col + "' are not consecutive in the model's feature map");
            }
            seen.add(col);
            if (eq < 0) {
                features.add(Feature.numeric(col));
            } else {
                if (levels == null) {
                    levels = new ArrayList<>();
                }
                levels.add(name.substring(eq + 1));
            }
            column = col;
        }
        if (levels != null) {
            features.add(Feature.oneHot(column, levels));
        }
        return new FeatureMapping(features);
    }

    /**
     * One Tribuo example per row of {@code inputs} (row-major, {@code width} values per row, named
     * {@code names}), holding the non-zero values only, as Tribuo treats an absent feature as zero.
     */
    public static <T extends Output<T>> List<Example<T>> examples(List<T> outputs, String[] names, double[] inputs, int rows,
            int width) {
        List<Example<T>> examples = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            ArrayExample<T> example = new ArrayExample<>(outputs.get(r));
            for (int j = 0; j < width; j++) {
                double v = inputs[r * width + j];
                if (v != 0.0) {
                    example.add(names[j], v);
                }
            }
            examples.add(example);
        }
        return examples;
    }
}
