package dev.assay.models.tribuo;

import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoader;
import dev.assay.core.model.ModelSource;
import dev.assay.models.ModelOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Loads Tribuo model files ({@code .tribuo}, {@code .tribuo.gz}: protobuf, plain or gzip). No options. */
public final class TribuoModelLoader implements ModelLoader {

    @Override
    public String type() {
        return "tribuo";
    }

    @Override
    public boolean recognizes(ModelSource source) {
        String name = source.location().toLowerCase(Locale.ROOT);
        return name.endsWith(".tribuo") || name.endsWith(".tribuo.gz");
    }

    @Override
    public Model load(ModelSource source) {
        new ModelOptions(source, Set.of());
        return TribuoModel.load(Path.of(source.location()));
    }
}
