package dev.assay.junit;

import dev.assay.core.data.RowFilter;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Measurement;
import dev.assay.core.result.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Assertions on how a model's predictions change under a perturbation of its inputs, measured by the
 * {@code perturbation} check (docs/robustness.md lists the perturbations and their settings):
 * {@code isRobustTo("gaussian_noise").with("sigma", 0.3).flipRateAtMost(0.05)}.
 */
public final class RobustnessAssert {
    private final ModelDataAssert chain;
    private final ModelUnderTest subject;
    private final RowFilter where;
    private final Map<String, Object> settings;

    RobustnessAssert(ModelDataAssert chain, ModelUnderTest subject, RowFilter where, Map<String, Object> settings) {
        this.chain = chain;
        this.subject = subject;
        this.where = where;
        this.settings = Map.copyOf(settings);
    }

    /** A setting of the perturbation or the check, e.g. {@code with("sigma", 0.3)} or {@code with("columns", List.of("age"))}. */
    public RobustnessAssert with(String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(settings);
        out.put(key, value);
        return new RobustnessAssert(chain, subject, where, out);
    }

    /** Fails unless at most the share {@code maximum} of the rows change their predicted class. */
    public ModelDataAssert flipRateAtMost(double maximum) {
        return check("flip_rate", settings, maximum);
    }

    /** Fails unless {@code metric} (clean minus perturbed) drops by at most {@code maximum}. */
    public ModelDataAssert metricDropAtMost(String metric, double maximum) {
        Map<String, Object> out = new LinkedHashMap<>(settings);
        out.put("metric", metric);
        return check(metric + "_drop", out, maximum);
    }

    private ModelDataAssert check(String measure, Map<String, Object> config, double maximum) {
        CheckResult result = CheckRuns.run(subject, "perturbation", config, List.of(measure + " <= " + maximum), where);
        if (result.status() == Status.FAIL) {
            Measurement m = result.measurement(measure);
            throw new AssertionError(FailureMessage.of(measure + " under " + describe(), subject.dataName(), where, m.value(), m,
                    "at most " + maximum, null));
        }
        return chain;
    }

    private String describe() {
        String perturbation = String.valueOf(settings.get("perturbation"));
        String rest = settings.entrySet().stream().filter(e -> !e.getKey().equals("perturbation"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return rest.isEmpty() ? perturbation : perturbation + " (" + rest + ")";
    }
}
