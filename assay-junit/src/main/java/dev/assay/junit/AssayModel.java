package dev.assay.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link dev.assay.core.model.Model} parameter loaded by {@link AssayExtension} with the registered adapters
 * (ONNX, Tribuo, ...), as a suite's {@code model} is: {@code @AssayModel("examples/models/german_credit_logistic.onnx")
 * Model model}. The model is loaded once per test class and closed after its last test; paths resolve as for
 * {@link AssayData}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AssayModel {
    /** The model file, or an http(s) endpoint. */
    String value();
}
