package dev.assay.core.explain.methods;

import dev.assay.core.data.Frame;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.explain.Background;
import dev.assay.core.explain.CountingOutput;
import dev.assay.core.explain.ExactShapley;
import dev.assay.core.explain.Explanation;
import dev.assay.core.explain.Feature;
import dev.assay.core.explain.Importances;
import dev.assay.core.explain.KernelShap;
import dev.assay.core.explain.KernelShapSettings;
import dev.assay.core.explain.Link;
import dev.assay.core.explain.ModelOutput;
import dev.assay.core.explain.PermutationImportance;
import dev.assay.core.explain.RowExplanation;
import dev.assay.core.explain.lime.Lime;
import dev.assay.core.explain.lime.LimeSettings;
import dev.assay.core.explain.tree.TreeBacked;
import dev.assay.core.explain.tree.TreeEnsemble;
import dev.assay.core.explain.tree.TreeShap;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place an {@link ExplainMethod} is turned into work: the background is a seeded sample of the
 * data ({@link Background#sample}), the explained output is {@link ModelOutput#of} on the identity scale,
 * rows are explained in chunks of {@value #CHUNK} (one progress unit per row), chunk c seeded with the
 * c-th long of {@code new SplittableRandom(seed)}; LIME samples around each row from the quartiles of the whole
 * data; TreeSHAP reads the model's trees ({@link TreeBacked}) and calls no model. Permutation importance permutes the explained rows
 * {@value #REPEATS} times and scores them with the request's scorer.
 */
public final class Explainers {
    /** Rows explained per chunk between progress reports. */
    static final int CHUNK = 10;
    /** Permutation repeats. */
    public static final int REPEATS = 5;
    private static final int MAX_ROWS = 100_000;

    private Explainers() {
    }

    /**
     * Explains the request's rows with {@code method}.
     *
     * @throws InvalidInputException for a method not in this build, no rows, or a method that cannot
     *     explain the request (exact with more than 16 features, permutation without a scorer)
     */
    public static ExplainResult run(ExplainMethod method, ExplainRequest request) {
        if (request.rows().length == 0) {
            throw new InvalidInputException("No rows to explain in " + request.data().source() + "; choose at least one row.");
        }
        switch (method) {
            case KERNEL_SHAP:
            case EXACT:
            case LIME:
                return local(method, request);
            case TREE_SHAP:
                return treeShap(request);
            default:
                return permutation(request);
        }
    }

    /** KernelSHAP, exact Shapley values or LIME: model calls on chunks of rows. */
    private static ExplainResult local(ExplainMethod method, ExplainRequest request) {
        if (method == ExplainMethod.EXACT && request.features().size() > ExactShapley.MAX_FEATURES) {
            throw new InvalidInputException("Method exact enumerates 2^M coalitions and takes at most " + ExactShapley.MAX_FEATURES
                    + " features; " + request.features().size() + " were given. Choose fewer features or kernel_shap.");
        }
        List<String> columns = new ArrayList<>();
        for (Feature f : request.features()) {
            if (method == ExplainMethod.LIME && f.columns().size() != 1) {
                throw new InvalidInputException("LIME explains single columns; feature '" + f.name() + "' groups " + f.columns()
                        + ". List the columns one by one.");
            }
            columns.add(f.columns().get(0));
        }
        CountingOutput output = new CountingOutput(ModelOutput.of(request.model(), request.outputClass()));
        Background background = Background.sample(request.data(), request.background(), request.seed());
        SplittableRandom seeds = new SplittableRandom(request.seed());
        int[] rows = request.rows();
        List<RowExplanation> out = new ArrayList<>(rows.length);
        request.progress().begin(method.id() + " explanations", rows.length);
        try {
            for (int from = 0; from < rows.length; from += CHUNK) {
                int[] chunk = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + CHUNK));
                Frame frame = request.data().slice(chunk);
                long seed = seeds.nextLong();
                Explanation part;
                if (method == ExplainMethod.EXACT) {
                    part = ExactShapley.explain(output, frame, background, request.features(), Link.IDENTITY, MAX_ROWS);
                } else if (method == ExplainMethod.LIME) {
                    part = Lime.explain(output, frame, request.data(), columns, LimeSettings.defaults().withSeed(seed));
                } else {
                    part = KernelShap.explain(output, frame, background, request.features(),
                            KernelShapSettings.defaults().withSeed(seed));
                }
                for (RowExplanation r : part.rows()) {
                    out.add(new RowExplanation(chunk[r.row()], r.base(), r.output(), r.values(), r.errors()));
                    request.progress().advance("row " + chunk[r.row()]);
                }
            }
        } finally {
            request.progress().end();
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        if (method == ExplainMethod.LIME) {
            LimeSettings l = LimeSettings.defaults();
            settings.put("samples", l.samples());
            settings.put("features", l.features());
            settings.put("feature_selection", l.selection().name().toLowerCase(java.util.Locale.ROOT));
            settings.put("discretize", "quartiles of the data's " + request.data().rowCount() + " rows");
            settings.put("kernel_width", "0.75 sqrt(number of features)");
            settings.put("seed", request.seed());
            settings.put("base_value", "each row's local intercept; output: the local model's prediction");
        } else {
            settings.put("background_rows", background.size());
            settings.put("background", "simple random sample of the data, seed " + request.seed());
            settings.put("seed", request.seed());
            settings.put("link", "identity");
        }
        if (method == ExplainMethod.KERNEL_SHAP) {
            KernelShapSettings k = KernelShapSettings.defaults();
            settings.put("coalitions", "all, up to " + k.exactFeatures() + " varying features; beyond, " + k.repeats()
                    + " samples of 2M + 2048 per row, averaged, with their standard error");
        }
        return new ExplainResult(method, new Explanation(method.id(), Link.IDENTITY,
                request.features().stream().map(Feature::name).toList(), out), null, settings,
                output.calls(), output.rows());
    }

    /**
     * Interventional TreeSHAP of a model that reads as a tree ensemble ({@link TreeBacked}) against the sampled
     * background: exact, and without calling the model.
     */
    private static ExplainResult treeShap(ExplainRequest request) {
        TreeEnsemble ensemble = (request.model() instanceof TreeBacked t ? t.trees() : java.util.Optional.<TreeEnsemble>empty())
                .orElseThrow(() -> new InvalidInputException("Model " + request.model().info().name() + " is not a tree ensemble "
                        + "Assay can read (Tribuo trees and forests, ONNX-ML TreeEnsembleClassifier/Regressor); use kernel_shap."));
        List<String> asked = request.features().stream().map(Feature::name).toList();
        if (!asked.equals(ensemble.features())) {
            throw new InvalidInputException("tree_shap explains every input of the trees (" + ensemble.features() + "); leave out "
                    + "the feature list or use kernel_shap.");
        }
        Background background = Background.sample(request.data(), request.background(), request.seed());
        int k = ensemble.output(request.outputClass());
        int[] rows = request.rows();
        List<RowExplanation> out = new ArrayList<>(rows.length);
        request.progress().begin("tree_shap explanations", rows.length);
        try {
            for (int from = 0; from < rows.length; from += CHUNK) {
                int[] chunk = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + CHUNK));
                for (RowExplanation r : TreeShap.interventional(ensemble, request.data().slice(chunk), background, k).rows()) {
                    out.add(new RowExplanation(chunk[r.row()], r.base(), r.output(), r.values(), r.errors()));
                    request.progress().advance("row " + chunk[r.row()]);
                }
            }
        } finally {
            request.progress().end();
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("algorithm", "interventional TreeSHAP (exact Shapley values against the background)");
        settings.put("background_rows", background.size());
        settings.put("background", "simple random sample of the data, seed " + request.seed());
        settings.put("trees", ensemble.trees().size());
        settings.put("explained", "the ensemble's " + (ensemble.average() ? "averaged" : "summed") + " output '"
                + ensemble.outputs().get(k) + "'" + ("NONE".equals(ensemble.postTransform()) ? ""
                : ", before its " + ensemble.postTransform() + " transform"));
        return new ExplainResult(ExplainMethod.TREE_SHAP, new Explanation(ExplainMethod.TREE_SHAP.id(), Link.IDENTITY, asked, out),
                null, settings, 0, 0);
    }

    private static ExplainResult permutation(ExplainRequest request) {
        if (request.scorer() == null) {
            throw new InvalidInputException("Permutation importance scores the model against the true values; name the label"
                    + " column.");
        }
        Frame data = request.data().slice(request.rows());
        CountingModel model = new CountingModel(request.model());
        int[][] orders = PermutationImportance.orders(data.rowCount(), REPEATS, request.seed());
        request.progress().begin("permutation importance", 0);
        Importances importances;
        try {
            importances = PermutationImportance.compute(model, data, request.features(), request.scorer(), orders, MAX_ROWS);
        } finally {
            request.progress().end();
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("repeats", REPEATS);
        settings.put("seed", request.seed());
        return new ExplainResult(ExplainMethod.PERMUTATION, null, importances, settings, model.calls.get(), model.rows.get());
    }

    /** A model that counts its calls and predicted rows. */
    private static final class CountingModel implements Model {
        private final Model model;
        private final AtomicLong calls = new AtomicLong();
        private final AtomicLong rows = new AtomicLong();

        CountingModel(Model model) {
            this.model = model;
        }

        @Override
        public ModelInfo info() {
            return model.info();
        }

        @Override
        public Predictions predict(Frame features) {
            calls.incrementAndGet();
            rows.addAndGet(features.rowCount());
            return model.predict(features);
        }
    }
}
