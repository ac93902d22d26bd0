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
import java.util.Map;

/**
 * What {@code assay load} holds open: a loaded model, called in process in batches of any size or, for
 * an HTTP model, through its lean load client ({@link HttpModel#loadTarget}, batch size set in its
 * options); or the request bodies of a JSONL file posted to a URL.
 */
final class Load implements AutoCloseable {
    private final Model model;
    private final Frame rows;
    private final LoadTarget remote;

    private Load(Model model, Frame rows, LoadTarget remote) {
        this.model = model;
        this.rows = rows;
        this.remote = remote;
    }

    static Load model(ModelSource source, Frame rows) {
        Model model = ModelLoaders.load(source);
        try {
            return new Load(model, rows, model instanceof HttpModel http ? http.loadTarget(rows) : null);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    static Load jsonLines(String url, Path file, int timeoutMillis, Map<String, String> headers) {
        return new Load(null, null, HttpLoadTarget.jsonLines(url, file, timeoutMillis, headers));
    }

    /** The target sending {@code batchSize} rows a request (in process; a remote target keeps its own batch size). */
    LoadTarget target(int batchSize) {
        return remote != null ? remote : new ModelTarget(model, rows, batchSize);
    }

    @Override
    public void close() {
        if (remote instanceof AutoCloseable closeable) {
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
