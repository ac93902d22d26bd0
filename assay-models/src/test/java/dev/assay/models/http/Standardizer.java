package dev.assay.models.http;

/** Column means and standard deviations of a row-major matrix (a constant column gets sd 1). */
final class Standardizer {
    private Standardizer() {
    }

    static void fit(double[] x, int n, int w, double[] mean, double[] sd) {
        for (int j = 0; j < w; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[i * w + j];
            }
            mean[j] = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double d = x[i * w + j] - mean[j];
                squares += d * d;
            }
            double s = Math.sqrt(squares / n);
            sd[j] = s > 0 ? s : 1;
        }
    }

    static void apply(double[] x, int n, int w, double[] mean, double[] sd) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                x[i * w + j] = (x[i * w + j] - mean[j]) / sd[j];
            }
        }
    }
}
