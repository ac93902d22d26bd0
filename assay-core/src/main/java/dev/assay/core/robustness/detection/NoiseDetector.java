package dev.assay.core.robustness.detection;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Model;
import dev.assay.core.robustness.Perturbation;
import dev.assay.core.robustness.PerturbationTarget;
import dev.assay.core.robustness.metamorphic.Outputs;

/**
 * Flags rows whose prediction is unstable under small random noise, as adversarial examples found by small
 * perturbations sit close to the decision boundary (the idea behind Hu et al., 2019, and the "random noise"
 * detectors of Roth et al., 2019). Each row is predicted once as given and on {@code copies} noisy copies (the
 * perturbation applied with seeds {@code seed}, {@code seed + 1}, ...); it is flagged when the predicted class
 * changes in more than {@code share} of the copies. Costs {@code copies + 1} predict calls over all rows.
 */
public final class NoiseDetector {
    private final Model model;
    private final Perturbation noise;
    private final PerturbationTarget target;
    private final int copies;
    private final double share;
    private final long seed;

    /**
     * @param noise the noise (e.g. {@code gaussian_noise}), scaled by {@code target}'s profiles of the clean data
     * @param copies noisy copies per row (1 or more)
     * @param share the share of copies above which a row is flagged, in [0, 1)
     */
    public NoiseDetector(Model model, Perturbation noise, PerturbationTarget target, int copies, double share, long seed) {
        if (copies < 1 || !(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("copies " + copies + ", share " + share);
        }
        this.model = model;
        this.noise = noise;
        this.target = target;
        this.copies = copies;
        this.share = share;
        this.seed = seed;
    }

    /** For each row of {@code rows}, how many noisy copies changed its predicted class, and whether it is flagged. */
    public Detection detect(Frame rows) {
        int n = rows.rowCount();
        int[] changed = new int[n];
        if (n > 0) {
            Outputs clean = Outputs.of(model, rows);
            for (int c = 0; c < copies; c++) {
                Outputs noisy = Outputs.of(model, noise.apply(rows, target, seed + c));
                for (int i = 0; i < n; i++) {
                    changed[i] += noisy.predicted(i).equals(clean.predicted(i)) ? 0 : 1;
                }
            }
        }
        boolean[] flagged = new boolean[n];
        for (int i = 0; i < n; i++) {
            flagged[i] = changed[i] > share * copies;
        }
        return new Detection(copies, changed, flagged);
    }

    /**
     * @param copies the noisy copies per row
     * @param changed per row, the copies whose predicted class differs from the row's own
     * @param flagged per row, whether it is flagged as adversarial
     */
    public record Detection(int copies, int[] changed, boolean[] flagged) {

        /** The rows flagged. */
        public long flaggedCount() {
            long k = 0;
            for (boolean f : flagged) {
                k += f ? 1 : 0;
            }
            return k;
        }
    }
}
