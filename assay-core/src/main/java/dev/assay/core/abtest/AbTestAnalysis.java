package dev.assay.core.abtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Analyses an experiment: per metric the fixed-horizon test ({@link MeanComparison#of}: the
 * two-proportion z-test for 0/1 metrics, Welch's t-test otherwise), the Mann-Whitney test where asked,
 * CUPED with the covariate and the mSPRT over the looks; across metrics Holm and Benjamini-Hochberg
 * corrections; the sample-ratio check and the {@link Decision}.
 */
public final class AbTestAnalysis {
    private AbTestAnalysis() {
    }

    public static AbTestResult run(AbTestData data, AbTestSettings settings) {
        double alpha = settings.alpha();
        boolean[] treated = data.treated();
        List<String> names = new ArrayList<>(data.metrics().keySet());
        List<MeanComparison> comparisons = new ArrayList<>();
        for (Map.Entry<String, double[]> e : data.metrics().entrySet()) {
            comparisons.add(MeanComparison.of(Arms.treatment(e.getValue(), treated), Arms.control(e.getValue(), treated), alpha));
        }
        double[] p = comparisons.stream().mapToDouble(MeanComparison::pValue).toArray();
        double[] holm = MultipleTesting.holm(p);
        double[] bh = MultipleTesting.benjaminiHochberg(p);
        List<MetricResult> results = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            double[] y = data.metrics().get(name);
            MannWhitney mw = settings.mannWhitney().contains(name)
                    ? MannWhitney.test(Arms.treatment(y, treated), Arms.control(y, treated)) : null;
            Cuped cuped = data.covariate() == null ? null : Cuped.of(y, data.covariate(), treated, alpha);
            MixtureSprt.Sequence seq = data.look() == null ? null
                    : MixtureSprt.over(y, treated, data.look(), data.lookLabels(), settings.standardisedTauSquared(), alpha);
            results.add(new MetricResult(name, comparisons.get(i), mw, cuped, seq, holm[i], bh[i],
                    settings.guardrails().contains(name), settings.lowerIsBetter().contains(name)));
        }
        List<Double> split = settings.expectedSplit();
        SampleRatioMismatch srm = SampleRatioMismatch.test(new long[] {data.controlCount(), data.treatmentCount()},
                new double[] {split.get(0), split.get(1)});
        return new AbTestResult(data, settings, results, srm, Decision.of(srm, results, alpha));
    }
}
