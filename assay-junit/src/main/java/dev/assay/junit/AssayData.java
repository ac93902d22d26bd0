package dev.assay.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link dev.assay.core.data.Frame} parameter read from a data file (CSV, Parquet, JSON lines) by
 * {@link AssayExtension}: {@code @AssayData("examples/german-credit/test.csv") Frame test}. The file is read once
 * per test class. A relative path is resolved against the working directory or, failing that, the nearest
 * folder above it that holds it (so a module of a multi-module build finds the project's data).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AssayData {
    /** The data file. */
    String value();
}
