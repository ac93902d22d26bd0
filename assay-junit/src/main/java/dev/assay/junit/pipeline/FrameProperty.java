package dev.assay.junit.pipeline;

import dev.assay.core.data.Frame;

/** A property of a preprocessing step on one input frame; it holds unless {@link #verify} throws. */
@FunctionalInterface
public interface FrameProperty {

    /**
     * Checks the property on {@code input}.
     *
     * @throws Exception (usually an {@link AssertionError}) saying what does not hold, naming column and row
     */
    void verify(Frame input) throws Exception;
}
