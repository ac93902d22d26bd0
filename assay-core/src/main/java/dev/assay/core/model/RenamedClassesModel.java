package dev.assay.core.model;

import dev.assay.core.data.Frame;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A classifier whose classes go by the names of an explicit {@link ClassMapping}: its predictions
 * are the model's own with the classes renamed; the metadata keeps the model's names as
 * {@value #MODEL_CLASSES}.
 */
final class RenamedClassesModel implements Model {
    /** The metadata key holding the model's own class names. */
    static final String MODEL_CLASSES = "model_classes";

    private final Model model;
    private final ClassMapping mapping;
    private final ModelInfo info;

    RenamedClassesModel(Model model, ClassMapping mapping) {
        this.model = model;
        this.mapping = mapping;
        ModelInfo own = model.info();
        Map<String, String> metadata = new LinkedHashMap<>(own.metadata());
        metadata.put(MODEL_CLASSES, String.join(", ", mapping.modelClasses()));
        this.info = new ModelInfo(own.name(), own.kind(), own.task(), mapping.classes(), own.features(), own.capabilities(), metadata);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Predictions predict(Frame features) {
        return mapping.apply(model.predict(features));
    }

    @Override
    public void close() {
        model.close();
    }
}
