package dev.assay.junit;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link Frame} parameters annotated {@link AssayData} and {@link Model} parameters annotated
 * {@link AssayModel}. Each file is loaded once per test class (the instances are shared by its tests) and models
 * are closed when the class is done. Register with {@code @ExtendWith(AssayExtension.class)}.
 */
public final class AssayExtension implements ParameterResolver, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AssayExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Frame.class && parameter.isAnnotated(AssayData.class)
                || type == Model.class && parameter.isAnnotated(AssayModel.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        try {
            if (parameter.getParameter().getType() == Frame.class) {
                String file = parameter.findAnnotation(AssayData.class).orElseThrow().value();
                return store.getOrComputeIfAbsent("data:" + file, k -> readData(file), Frame.class);
            }
            String file = parameter.findAnnotation(AssayModel.class).orElseThrow().value();
            ExtensionContext owner = classContext(context);
            return store.getOrComputeIfAbsent("model:" + file, k -> new Held(loaded(owner).add(loadModel(file))), Held.class)
                    .model();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("Cannot resolve parameter '" + parameter.getParameter().getName() + "' of "
                    + parameter.getDeclaringExecutable().getName() + ": " + e.getMessage(), e);
        }
    }

    /** Closes the models loaded for the class's tests. */
    @Override
    public void afterAll(ExtensionContext context) {
        Loaded models = context.getStore(NAMESPACE).remove(modelsKey(context), Loaded.class);
        if (models != null) {
            models.closeAll();
        }
    }

    /** A loaded model in the store, which does not close it: {@link #afterAll} does. */
    private record Held(Model model) {
    }

    /** The models loaded for one test class, closed after it. */
    private static final class Loaded {
        private final List<Model> models = new ArrayList<>();

        synchronized Model add(Model model) {
            models.add(model);
            return model;
        }

        synchronized void closeAll() {
            models.forEach(Model::close);
            models.clear();
        }
    }

    private static Loaded loaded(ExtensionContext classContext) {
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(modelsKey(classContext), k -> new Loaded(), Loaded.class);
    }

    private static String modelsKey(ExtensionContext classContext) {
        return "models of " + classContext.getUniqueId();
    }

    private static Frame readData(String file) {
        return new DataReader().read(ProjectPaths.resolve(file), "current").frame();
    }

    private static Model loadModel(String file) {
        Path path = ProjectPaths.resolve(file);
        return ModelLoaders.load(ModelSource.of(file.startsWith("http:") || file.startsWith("https:") ? file : path.toString()));
    }

    /** The context of the test class, whose store lives as long as the class's tests. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}
