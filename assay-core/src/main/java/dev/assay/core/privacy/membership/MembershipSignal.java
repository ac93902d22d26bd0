package dev.assay.core.privacy.membership;

import java.util.Locale;

/**
 * What a threshold attack reads from the model's class probabilities {@code p} for a row of true class y. Each
 * signal is turned into a membership score, higher meaning "more likely a training row", so that one ROC
 * analysis serves all; probabilities are clipped to [1e-15, 1 − 1e-15] before logarithms (scikit-learn's
 * {@code log_loss} clips at 1e-15 too). Scores are rounded to a multiple of 1e-12, so that probabilities equal but
 * for floating-point noise (a forest's averaged votes, 0.4 + 0.6 against 0.6 + 0.4) tie, whatever the order of
 * the arithmetic.
 */
public enum MembershipSignal {
    /** Yeom et al. 2018: the cross-entropy loss {@code −ln p_y}; training rows have lower loss. Score: {@code ln p_y}. */
    LOSS,
    /** Song and Mittal 2021, prediction entropy {@code −Σ p_i ln p_i}; training rows are predicted more surely. Score: minus it. */
    ENTROPY,
    /**
     * Song and Mittal 2021, modified entropy {@code −(1 − p_y) ln p_y − Σ_{i≠y} p_i ln(1 − p_i)}, which also uses the
     * label (a sure wrong prediction scores as uncertain). Score: minus it.
     */
    MODIFIED_ENTROPY;

    private static final double CLIP = 1e-15;
    private static final double RESOLUTION = 1e12;

    /** The id used in options and JSON: {@code loss}, {@code entropy}, {@code modified_entropy}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The signal with this id. */
    public static MembershipSignal byId(String id) {
        for (MembershipSignal s : values()) {
            if (s.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /**
     * The membership score of one row.
     *
     * @param p the row's class probabilities, from {@code offset}, {@code k} of them
     * @param y the index of the row's true class
     */
    public double score(double[] p, int offset, int k, int y) {
        return Math.rint(raw(p, offset, k, y) * RESOLUTION) / RESOLUTION;
    }

    private double raw(double[] p, int offset, int k, int y) {
        switch (this) {
            case LOSS:
                return Math.log(clip(p[offset + y]));
            case ENTROPY: {
                double h = 0;
                for (int i = 0; i < k; i++) {
                    double q = p[offset + i];
                    if (q > 0) {
                        h -= q * Math.log(q);
                    }
                }
                return -h;
            }
            default: {
                double py = clip(p[offset + y]);
                double m = -(1 - py) * Math.log(py);
                for (int i = 0; i < k; i++) {
                    if (i != y) {
                        double q = clip(p[offset + i]);
                        m -= q * Math.log(1 - q);
                    }
                }
                return -m;
            }
        }
    }

    private static double clip(double q) {
        return Math.max(CLIP, Math.min(1 - CLIP, q));
    }
}
