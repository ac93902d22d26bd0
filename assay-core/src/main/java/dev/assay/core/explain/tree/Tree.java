package dev.assay.core.explain.tree;

import java.util.Arrays;

/**
 * One decision tree as parallel node arrays, node 0 the root. A split node sends a row to its
 * {@code yes} child when {@code mode.test(x[input], threshold)} holds, to its {@code no} child when it
 * does not, and a missing input (NaN) to {@code yes} when {@code missingYes}. A leaf ({@code yes = -1})
 * holds one value per output. {@code cover} is the (weighted) number of training or background rows
 * reaching each node; NaN when unknown.
 *
 * @param input the model input each split reads (index into the ensemble's input vector)
 * @param threshold the split thresholds
 * @param mode the comparisons
 * @param yes the true children, -1 at leaves
 * @param no the false children, -1 at leaves
 * @param missingYes whether a missing input goes to the true child
 * @param cover the rows reaching each node, or NaN everywhere when not known
 * @param values at a leaf, its value for each output; null elsewhere
 */
public record Tree(int[] input, double[] threshold, Comparison[] mode, int[] yes, int[] no, boolean[] missingYes,
        double[] cover, double[][] values) {

    public Tree {
        int n = input.length;
        if (n == 0 || threshold.length != n || mode.length != n || yes.length != n || no.length != n
                || missingYes.length != n || cover.length != n || values.length != n) {
            throw new IllegalArgumentException("a tree needs at least one node and equally long node arrays");
        }
        for (int i = 0; i < n; i++) {
            if (yes[i] < 0 ? values[i] == null : yes[i] <= i || no[i] <= i || yes[i] >= n || no[i] >= n) {
                throw new IllegalArgumentException("node " + i + " of a tree is neither a leaf with values nor a split whose"
                        + " children follow it");
            }
        }
    }

    /** The number of nodes. */
    public int size() {
        return input.length;
    }

    /** Whether {@code node} is a leaf. */
    public boolean leaf(int node) {
        return yes[node] < 0;
    }

    /** The child of split {@code node} that a row with inputs {@code x} goes to. */
    public int next(int node, double[] x, int offset) {
        double v = x[offset + input[node]];
        boolean goYes = Double.isNaN(v) ? missingYes[node] : mode[node].test(v, threshold[node]);
        return goYes ? yes[node] : no[node];
    }

    /** The leaf a row with inputs {@code x[offset ...]} ends in. */
    public int leafOf(double[] x, int offset) {
        int node = 0;
        while (!leaf(node)) {
            node = next(node, x, offset);
        }
        return node;
    }

    /** Whether every node has a known cover. */
    public boolean hasCovers() {
        return Arrays.stream(cover).noneMatch(Double::isNaN);
    }

    /** The longest root-to-leaf path, in splits. */
    public int depth() {
        return depth(0);
    }

    private int depth(int node) {
        return leaf(node) ? 0 : 1 + Math.max(depth(yes[node]), depth(no[node]));
    }

    /** This tree with the given covers. */
    public Tree withCover(double[] newCover) {
        return new Tree(input, threshold, mode, yes, no, missingYes, newCover, values);
    }
}
