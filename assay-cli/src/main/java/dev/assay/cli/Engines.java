package dev.assay.cli;

import dev.assay.core.error.InvalidInputException;
import dev.assay.io.suite.SuiteEngine;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the engine named by {@code assay run --engine}: local, or one registered as a {@link SuiteEngine} service. */
final class Engines {
    private Engines() {
    }

    /**
     * The engine {@code id}; null for {@code local}.
     *
     * @throws InvalidInputException when no engine of that id is on the class path, saying how to run it
     */
    static SuiteEngine find(String id, String master) {
        if ("local".equals(id)) {
            if (master != null) {
                throw new InvalidInputException("--master " + master + " applies to --engine spark only; the local engine runs in"
                        + " this process. Add --engine spark or leave --master out.");
            }
            return null;
        }
        try {
            for (SuiteEngine e : ServiceLoader.load(SuiteEngine.class)) {
                if (e.id().equals(id)) {
                    return e;
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new InvalidInputException("--engine " + id + ": the engine is on the class path but could not start ("
                    + e.getMessage() + "). " + howTo(id));
        }
        throw new InvalidInputException("--engine " + id + ": no such engine on the class path. " + howTo(id));
    }

    private static String howTo(String id) {
        return "spark".equals(id) ? "The Spark engine is the assay-spark jar, run by Spark: build it with mvn -Pspark -pl "
                + "assay-spark -am package, then spark-submit --master local[*] assay-spark/target/assay-spark-*-spark-submit.jar"
                + " SUITE.yaml --output DIR (see docs/spark.md)."
                : "Known engines: local, spark.";
    }
}
