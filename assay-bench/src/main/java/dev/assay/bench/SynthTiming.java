package dev.assay.bench;

import dev.assay.core.data.Frame;
import dev.assay.core.synth.GaussianCopula;
import dev.assay.core.synth.MarginalChoice;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Fits the Gaussian copula to a data file and samples ROWS rows (best of REPEATS for each, after one warm-up),
 * printing {@code fit_seconds}, {@code sample_seconds} and the marginal chosen per numeric column.
 * {@code assay-bench/scripts/synth_timing.sh} runs it beside a SciPy copula on the same data.
 *
 * <p>Arguments: FILE ROWS REPEATS.
 */
public final class SynthTiming {
    private SynthTiming() {
    }

    public static void main(String[] args) {
        Frame data = new DataReader().read(Path.of(args[0]), "data").frame();
        int rows = Integer.parseInt(args[1]);
        int repeats = Integer.parseInt(args[2]);
        GaussianCopula copula = GaussianCopula.fit(data, 1);
        copula.sample(rows, 1);
        double fit = Double.POSITIVE_INFINITY;
        double sample = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            copula = GaussianCopula.fit(data, r);
            long t1 = System.nanoTime();
            Frame out = copula.sample(rows, r);
            long t2 = System.nanoTime();
            if (out.rowCount() != rows) {
                throw new IllegalStateException("sampled " + out.rowCount() + " rows");
            }
            fit = Math.min(fit, (t1 - t0) / 1e9);
            sample = Math.min(sample, (t2 - t1) / 1e9);
        }
        for (MarginalChoice c : copula.marginals()) {
            System.out.println("marginal " + c.column() + " " + c.family());
        }
        System.out.printf(Locale.ROOT, "fit_seconds %.4f%nsample_seconds %.4f%n", fit, sample);
    }
}
