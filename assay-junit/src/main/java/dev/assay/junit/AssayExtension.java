package dev.assay.junit;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link Frame} parameters annotated {@link AssayData} and {@link Model} parameters annotated
 * {@link AssayModel}. Each file is loaded once per test class (the instances are shared by its tests) and models
 * are closed when the class is done. Register with {@code @ExtendWith(AssayExtension.class)}.
 */
public final class AssayExtension implements ParameterResolver {
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
            return store.getOrComputeIfAbsent("model:" + file, k -> loadModel(file), Model.class);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("Cannot resolve parameter '" + parameter.getParameter().getName() + "' of "
                    + parameter.getDeclaringExecutable().getName() + ": " + e.getMessage(), e);
        }
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
