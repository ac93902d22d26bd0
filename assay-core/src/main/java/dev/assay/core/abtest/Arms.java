package dev.assay.core.abtest;

/** Splits a metric's values into the treatment and control arms. */
final class Arms {
    private Arms() {
    }

    static double[] treatment(double[] values, boolean[] treated) {
        return select(values, treated, true);
    }

    static double[] control(double[] values, boolean[] treated) {
        return select(values, treated, false);
    }

    private static double[] select(double[] values, boolean[] treated, boolean arm) {
        int n = 0;
        for (boolean t : treated) {
            n += t == arm ? 1 : 0;
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (treated[i] == arm) {
                out[k++] = values[i];
            }
        }
        return out;
    }
}
