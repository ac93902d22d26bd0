package dev.assay.cli;

import dev.assay.core.check.CheckSetup;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import picocli.CommandLine.Option;

/** Options for confidence intervals of metrics: {@code --ci [METHOD]}, {@code --ci-resamples}, {@code --ci-level}, {@code --seed}. */
final class IntervalOptions {

    @Option(names = "--ci", arity = "0..1", paramLabel = "METHOD", fallbackValue = "bca",
            description = {"Add a confidence interval to each metric: bca (the default: bootstrap, bias-corrected and",
                    "accelerated), percentile (bootstrap) or wilson (proportions such as recall, from the counts)."})
    String method;

    @Option(names = "--ci-resamples", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples, at least 100 (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--ci-level", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + CheckSetup.DEFAULT_SEED,
            description = "Seed of the bootstrap; the same seed gives the same intervals (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The interval settings; null without {@code --ci}. */
    IntervalSettings settings() {
        if (method == null) {
            return null;
        }
        return IntervalSettings.of(Options.enumOption("--ci", method, IntervalMethod.class), resamples, "--ci-resamples", level,
                "--ci-level");
    }

    long seed() {
        return seed;
    }
}
