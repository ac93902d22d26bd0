package dev.assay.models.onnx;

import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoader;
import dev.assay.core.model.ModelSource;
import dev.assay.models.ModelOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Loads {@code .onnx} files; options {@code batch_size} (rows per run), {@code threads} (ONNX Runtime
 * intra-op threads) and {@code parallel_batches} (batches run at once).
 */
public final class OnnxModelLoader implements ModelLoader {

    @Override
    public String type() {
        return "onnx";
    }

    @Override
    public boolean recognizes(ModelSource source) {
        return source.location().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    @Override
    public Model load(ModelSource source) {
        ModelOptions options = new ModelOptions(source, Set.of("batch_size", "threads", "parallel_batches"));
        OnnxModel.Options defaults = OnnxModel.Options.defaults();
        return OnnxModel.load(Path.of(source.location()), defaults
                .withBatchSize(options.positiveInt("batch_size", defaults.batchSize()))
                .withIntraOpThreads(options.positiveInt("threads", defaults.intraOpThreads()))
                .withParallelBatches(options.positiveInt("parallel_batches", defaults.parallelBatches())));
    }
}
