package dev.assay.core.explain.tree;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.FeatureMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * A tree ensemble whose raw output k for input vector x is {@code base[k] + scale * sum_t leaf_t(x)[k]},
 * scale 1 when the trees' outputs are summed (gradient boosting, ONNX-ML) and 1/T when averaged (a random
 * forest's class probabilities). TreeSHAP explains this raw output, which is linear in the leaf values;
 * {@code postTransform} names what the model applies after it ({@code NONE}, {@code LOGISTIC},
 * {@code SOFTMAX}, ...), which is not explained.
 *
 * @param trees the trees
 * @param mapping how frame columns fill the input vector; each of its columns is one explained feature
 * @param outputs the name of each output (a classifier's classes, or one name for a regressor)
 * @param base the base value of each output
 * @param average whether the trees are averaged (true) or summed (false)
 * @param postTransform the transform the model applies to the raw outputs, for information
 */
public record TreeEnsemble(List<Tree> trees, FeatureMapping mapping, List<String> outputs, double[] base, boolean average,
        String postTransform) {

    public TreeEnsemble {
        trees = List.copyOf(trees);
        outputs = List.copyOf(outputs);
        if (trees.isEmpty() || outputs.isEmpty() || base.length != outputs.size()) {
            throw new IllegalArgumentException("an ensemble needs trees, outputs and one base value per output");
        }
        int width = mapping.width();
        for (Tree t : trees) {
            for (int i = 0; i < t.size(); i++) {
                if (!t.leaf(i) && (t.input()[i] < 0 || t.input()[i] >= width)) {
                    throw new IllegalArgumentException("a split reads input " + t.input()[i] + " of " + width);
                }
                if (t.leaf(i) && t.values()[i].length != outputs.size()) {
                    throw new IllegalArgumentException("a leaf has " + t.values()[i].length + " values for " + outputs.size()
                            + " outputs");
                }
            }
        }
    }

    /** The weight of each tree's leaf values in the output: 1, or 1/T for an average. */
    public double scale() {
        return average ? 1.0 / trees.size() : 1.0;
    }

    /** The explained features: the mapping's columns, in input order. */
    public List<String> features() {
        return mapping.features().stream().map(FeatureMapping.Feature::column).toList();
    }

    /** For each input of the vector, the index of the feature (column) it comes from. */
    public int[] featureOfInput() {
        int[] out = new int[mapping.width()];
        int at = 0;
        List<FeatureMapping.Feature> features = mapping.features();
        for (int f = 0; f < features.size(); f++) {
            int w = features.get(f).encoding() instanceof FeatureMapping.OneHot o ? o.levels().size() : 1;
            for (int j = 0; j < w; j++) {
                out[at++] = f;
            }
        }
        return out;
    }

    /** The input vectors of every row of {@code frame}, row-major, {@code mapping.width()} per row. */
    public double[] inputs(Frame frame) {
        FeatureMapping.Bound bound = mapping.bind(frame, "tree ensemble");
        double[] x = new double[bound.rows() * bound.width()];
        bound.fill(0, bound.rows(), x);
        return x;
    }

    /** The raw output {@code k} of the input vector at {@code x[offset ...]}. */
    public double raw(double[] x, int offset, int k) {
        double sum = 0;
        for (Tree t : trees) {
            sum += t.values()[t.leafOf(x, offset)][k];
        }
        return base[k] + scale() * sum;
    }

    /** The index of output {@code name}; the last output when null. */
    public int output(String name) {
        int k = name == null ? outputs.size() - 1 : outputs.indexOf(name);
        if (k < 0) {
            throw new InvalidInputException("The tree ensemble has no output '" + name + "' (its outputs: " + outputs
                    + "); name the class to explain as the model does.");
        }
        return k;
    }

    /** Whether every node of every tree has a cover. */
    public boolean hasCovers() {
        return trees.stream().allMatch(Tree::hasCovers);
    }

    /**
     * This ensemble with each node's cover set to the summed weight of the rows of {@code frame} that reach
     * it (ONNX and Tribuo store no covers; path-dependent TreeSHAP takes its conditional expectations from them).
     *
     * @throws InvalidInputException if the frame has no rows
     */
    public TreeEnsemble withCovers(Frame frame, double[] weights) {
        if (frame.rowCount() == 0) {
            throw new InvalidInputException("The data " + frame.source() + " has no rows to compute the trees' node covers from.");
        }
        double[] x = inputs(frame);
        int width = mapping.width();
        List<Tree> covered = new ArrayList<>(trees.size());
        for (Tree t : trees) {
            double[] cover = new double[t.size()];
            for (int r = 0; r < frame.rowCount(); r++) {
                int node = 0;
                cover[0] += weights[r];
                while (!t.leaf(node)) {
                    node = t.next(node, x, r * width);
                    cover[node] += weights[r];
                }
            }
            covered.add(t.withCover(cover));
        }
        return new TreeEnsemble(covered, mapping, outputs, base, average, postTransform);
    }
}
