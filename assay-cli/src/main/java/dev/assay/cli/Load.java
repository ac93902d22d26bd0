package dev.assay.cli;

import dev.assay.core.data.Frame;
import dev.assay.core.load.LoadTarget;
import dev.assay.core.load.ModelTarget;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.models.http.HttpLoadTarget;
import dev.assay.models.http.HttpModel;
import java.nio.file.Path;

/**
 * The target of {@code assay load} and what it holds open: a loaded model, called in process or, for
 * an HTTP model, through its lean load client ({@link HttpModel#loadTarget}); or the request bodies
 * of a JSONL file posted to a URL.
 */
final class Load implements LoadTarget, AutoCloseable {
    private final Model model;
    private final LoadTarget target;

    private Load(Model model, LoadTarget target) {
        this.model = model;
        this.target = target;
    }

    static Load model(ModelSource source, Frame rows, int batchSize) {
        Model model = ModelLoaders.load(source);
        try {
            LoadTarget target = model instanceof HttpModel http ? http.loadTarget(rows) : new ModelTarget(model, rows, batchSize);
            return new Load(model, target);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    static Load jsonLines(String url, Path file, int timeoutMillis) {
        return new Load(null, HttpLoadTarget.jsonLines(url, file, timeoutMillis));
    }

    @Override
    public void call(long sequence) throws Exception {
        target.call(sequence);
    }

    @Override
    public void close() {
        if (target instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing connections is best effort
            }
        }
        if (model != null) {
            model.close();
        }
    }
}
