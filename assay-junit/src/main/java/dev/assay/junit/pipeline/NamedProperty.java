package dev.assay.junit.pipeline;

import dev.assay.core.data.Frame;
import java.util.Objects;

/** A {@link FrameProperty} with the name failure messages give it, e.g. {@code "scaling keeps finite values"}. */
public final class NamedProperty implements FrameProperty {
    private final String name;
    private final FrameProperty property;

    private NamedProperty(String name, FrameProperty property) {
        this.name = Objects.requireNonNull(name, "name");
        this.property = Objects.requireNonNull(property, "property");
    }

    /** {@code property} named {@code name}. */
    public static NamedProperty of(String name, FrameProperty property) {
        return new NamedProperty(name, property);
    }

    /** The name. */
    public String name() {
        return name;
    }

    @Override
    public void verify(Frame input) throws Exception {
        property.verify(input);
    }
}
